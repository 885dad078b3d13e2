import assert from "node:assert/strict";
import { test } from "node:test";
import { QueryAccountRequest, QueryAccountResponse } from "cosmjs-types/cosmos/auth/v1beta1/query";
import { BaseAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { QueryAllBalancesRequest, QueryAllBalancesResponse, QueryDenomMetadataRequest, QueryDenomMetadataResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import { MsgMultiSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { TestChain } from "../../test/support/chain.js";
import { sendMsg, signTx, testAccount, type TestAccount } from "../../test/support/signing.js";

const FEE = [{ denom: "uagora", amount: "2000" }];


const account = (address: string, number: number) => ({
  "@type": "/cosmos.auth.v1beta1.BaseAccount",
  address,
  account_number: String(number),
  sequence: "0",
});

function allBalances(chain: TestChain, address: string): string {
  const res = chain.query("/cosmos.bank.v1beta1.Query/AllBalances", QueryAllBalancesRequest.encode({ address, resolveDenom: false }).finish());
  assert.equal(res.code, 0, res.log);
  return QueryAllBalancesResponse.decode(res.value)
    .balances.map((c) => `${c.amount}${c.denom}`)
    .join(",");
}

function baseAccount(chain: TestChain, address: string): BaseAccount {
  const res = chain.query("/cosmos.auth.v1beta1.Query/Account", QueryAccountRequest.encode({ address }).finish());
  assert.equal(res.code, 0, res.log);
  return BaseAccount.decode(QueryAccountResponse.decode(res.value).account!.value);
}

test("a genesis whose declared supply does not match the sum of balances is refused", async () => {
  const alice = await testAccount(1);
  const chain = TestChain.open();
  assert.throws(
    () =>
      chain.initChain({
        auth: { accounts: [account(alice.address, 0)] },
        bank: {
          balances: [{ address: alice.address, coins: [{ denom: "uagora", amount: "1000" }] }],
          supply: [{ denom: "uagora", amount: "999" }],
        },
      }),
    /genesis supply 999uagora does not match the sum of balances 1000uagora/,
  );
  await chain.destroy();
});

test("a genesis whose declared supply matches the balances is accepted and serves that supply", async () => {
  const alice = await testAccount(1);
  const bob = await testAccount(2);
  const chain = TestChain.open();
  chain.initChain({
    auth: { accounts: [account(alice.address, 0), account(bob.address, 1)] },
    bank: {
      balances: [
        { address: alice.address, coins: [{ denom: "uagora", amount: "600" }] },
        { address: bob.address, coins: [{ denom: "uagora", amount: "400" }, { denom: "uatom", amount: "1" }] },
      ],
      supply: [
        { denom: "uatom", amount: "1" },
        { denom: "uagora", amount: "1000" },
      ],
    },
  });
  chain.block([]);
  assert.equal(allBalances(chain, bob.address), "400uagora,1uatom");
  assert.equal(chain.app.bank.getSupply(chain.app.base.queryContext(), "uagora"), 1000n);
  await chain.destroy();
});

test("a genesis listing a denom the supply omits is refused", async () => {
  const alice = await testAccount(1);
  const chain = TestChain.open();
  assert.throws(
    () =>
      chain.initChain({
        auth: { accounts: [account(alice.address, 0)] },
        bank: {
          balances: [{ address: alice.address, coins: [{ denom: "uagora", amount: "5" }, { denom: "uatom", amount: "5" }] }],
          supply: [{ denom: "uagora", amount: "5" }],
        },
      }),
    /does not match the sum of balances/,
  );
  await chain.destroy();
});

test("exported genesis after some sends initializes a fresh chain to the same app hash, balances and accounts", async () => {
  const alice = await testAccount(1);
  const bob = await testAccount(2);
  const carol = await testAccount(3);
  const dave = await testAccount(4);
  const chain = TestChain.open();
  chain.initChain({
    auth: { accounts: [account(alice.address, 0), account(carol.address, 5)] },
    bank: {
      balances: [
        { address: alice.address, coins: [{ denom: "uagora", amount: "1000000" }, { denom: "uatom", amount: "900" }] },
        { address: carol.address, coins: [{ denom: "uagora", amount: "50000" }] },
      ],
    },
  });
  chain.block([]);
  const sign = (from: TestAccount, accountNumber: bigint, sequence: bigint, msgs: { typeUrl: string; value: Uint8Array }[]) =>
    signTx(from, msgs, { chainId: chain.chainId, accountNumber, sequence, fee: FEE });
  const multi = {
    typeUrl: MsgMultiSend.typeUrl,
    value: MsgMultiSend.encode({
      inputs: [{ address: alice.address, coins: [{ denom: "uatom", amount: "300" }] }],
      outputs: [
        { address: bob.address, coins: [{ denom: "uatom", amount: "100" }] },
        { address: dave.address, coins: [{ denom: "uatom", amount: "200" }] },
      ],
    }).finish(),
  };
  const block1 = [await sign(alice, 0n, 0n, [sendMsg(alice.address, bob.address, "10000")]), await sign(carol, 5n, 0n, [sendMsg(carol.address, alice.address, "7")])];
  const r1 = chain.block(block1).results;
  assert.ok(r1.every((r) => r.code === 0), r1.map((r) => r.log).join("; "));
  const r2 = chain.block([await sign(alice, 0n, 1n, [multi])]).results;
  assert.equal(r2[0]!.code, 0, r2[0]!.log);
  const bobNumber = baseAccount(chain, bob.address).accountNumber;
  const r3 = chain.block([await sign(bob, bobNumber, 0n, [sendMsg(bob.address, carol.address, "1", "uatom")])]).results;
  assert.equal(r3[0]!.code, 0, r3[0]!.log);

  const lastHash = Buffer.from(chain.app.base.info().lastBlockAppHash).toString("hex");
  const exported = JSON.parse(JSON.stringify(chain.app.modules.exportGenesis(chain.app.base.queryContext()))) as Record<string, unknown>;

  const fresh = TestChain.open();
  const initHash = Buffer.from(fresh.initChain(exported)).toString("hex");
  assert.equal(initHash, lastHash, "the exported state hashes to the exporting chain's app hash");
  fresh.block([]);

  for (const who of [alice, bob, carol, dave]) {
    assert.equal(allBalances(fresh, who.address), allBalances(chain, who.address));
    const before = baseAccount(chain, who.address);
    const after = baseAccount(fresh, who.address);
    assert.equal(after.accountNumber, before.accountNumber, `account number of ${who.address}`);
    assert.equal(after.sequence, before.sequence, `sequence of ${who.address}`);
    assert.deepEqual(after.pubKey, before.pubKey, `pubkey of ${who.address}`);
  }
  assert.deepEqual(JSON.parse(JSON.stringify(fresh.app.modules.exportGenesis(fresh.app.base.queryContext()))), exported, "exporting again gives the same genesis");

  // Alice can keep signing on the new chain with her old number and next sequence.
  const next = await signTx(alice, [sendMsg(alice.address, dave.address, "1")], { chainId: fresh.chainId, accountNumber: 0n, sequence: 2n, fee: FEE });
  const r = fresh.block([next]).results[0]!;
  assert.equal(r.code, 0, r.log);
  await chain.destroy();
  await fresh.destroy();
});

test("denom metadata in the SDK's genesis JSON shape is served with its units and exported in the same shape", async () => {
  const alice = await testAccount(1);
  const metadata = {
    description: "The native staking and fee token of Agora",
    denom_units: [
      { denom: "uagora", exponent: 0, aliases: ["microagora"] },
      { denom: "agora", exponent: 6, aliases: [] },
    ],
    base: "uagora",
    display: "agora",
    name: "Agora",
    symbol: "AGORA",
    uri: "https://example.org/agora.svg",
    uri_hash: "abc123",
  };
  const chain = TestChain.open();
  chain.initChain({
    auth: { accounts: [account(alice.address, 0)] },
    bank: { balances: [{ address: alice.address, coins: [{ denom: "uagora", amount: "1" }] }], denom_metadata: [metadata] },
  });
  chain.block([]);
  const res = chain.query("/cosmos.bank.v1beta1.Query/DenomMetadata", QueryDenomMetadataRequest.encode({ denom: "uagora" }).finish());
  assert.equal(res.code, 0, res.log);
  const served = QueryDenomMetadataResponse.decode(res.value).metadata!;
  assert.equal(served.display, "agora");
  assert.equal(served.uriHash, "abc123");
  assert.deepEqual(
    served.denomUnits.map((u) => [u.denom, u.exponent, u.aliases]),
    [
      ["uagora", 0, ["microagora"]],
      ["agora", 6, []],
    ],
  );
  const exported = chain.app.modules.exportGenesis(chain.app.base.queryContext()) as { bank: { denom_metadata: Iterable<unknown> } };
  assert.deepEqual([...exported.bank.denom_metadata], [metadata]);
  await chain.destroy();
});
