import assert from "node:assert/strict";
import { test } from "node:test";
import { BaseAccount, ModuleAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import * as q from "cosmjs-types/cosmos/auth/v1beta1/query";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { TestChain } from "../../test/support/chain.js";
import { sendMsg, signTx, testAccount } from "../../test/support/signing.js";
import { moduleAddress, toAccAddress } from "../../sdk/types/address.js";

const account = (address: string, number: number, sequence = 0) => ({
  "@type": "/cosmos.auth.v1beta1.BaseAccount",
  address,
  account_number: String(number),
  sequence: String(sequence),
});


function queryAccount(chain: TestChain, address: string) {
  const res = chain.query("/cosmos.auth.v1beta1.Query/Account", q.QueryAccountRequest.encode({ address }).finish());
  assert.equal(res.code, 0, res.log);
  return q.QueryAccountResponse.decode(res.value).account!;
}

function baseAccount(chain: TestChain, address: string): BaseAccount {
  const any = queryAccount(chain, address);
  assert.equal(any.typeUrl, BaseAccount.typeUrl);
  return BaseAccount.decode(any.value);
}

test("account numbers continue after the highest genesis number: a new recipient gets the next one", async () => {
  const alice = await testAccount(1);
  const bob = await testAccount(2);
  const carol = await testAccount(3);
  const chain = TestChain.open();
  chain.initChain({
    // Listed out of order, with a gap: the next number is the highest plus one, not the count.
    auth: { accounts: [account(alice.address, 5), account(carol.address, 2)] },
    bank: { balances: [{ address: alice.address, coins: [{ denom: "uagora", amount: "1000000" }] }] },
  });
  chain.block([]);
  // No fee, so the fee collector's module account is not created first.
  const tx = await signTx(alice, [sendMsg(alice.address, bob.address, "10")], { chainId: chain.chainId, accountNumber: 5n, sequence: 0n, fee: [] });
  const r = chain.block([tx]).results[0]!;
  assert.equal(r.code, 0, r.log);
  assert.equal(baseAccount(chain, bob.address).accountNumber, 6n);
  assert.equal(baseAccount(chain, carol.address).accountNumber, 2n);
  assert.equal(baseAccount(chain, alice.address).accountNumber, 5n);

  // With a fee, the fee collector takes the next number before the next new recipient.
  const dave = await testAccount(4);
  const paid = await signTx(alice, [sendMsg(alice.address, dave.address, "10")], {
    chainId: chain.chainId,
    accountNumber: 5n,
    sequence: 1n,
    fee: [{ denom: "uagora", amount: "2000" }],
  });
  assert.equal(chain.block([paid]).results[0]!.code, 0);
  const feeCollector = queryAccount(chain, toAccAddress(moduleAddress("fee_collector")));
  assert.equal(feeCollector.typeUrl, ModuleAccount.typeUrl);
  const module = ModuleAccount.decode(feeCollector.value);
  assert.equal(module.name, "fee_collector");
  assert.equal(module.baseAccount!.accountNumber, 7n);
  assert.equal(baseAccount(chain, dave.address).accountNumber, 8n);
  await chain.destroy();
});

test("a funded account's BaseAccount has no pubkey until its first tx, then its key and sequence 1", async () => {
  const alice = await testAccount(1);
  const bob = await testAccount(2);
  const chain = TestChain.open();
  chain.initChain({
    auth: { accounts: [account(alice.address, 0)] },
    bank: { balances: [{ address: alice.address, coins: [{ denom: "uagora", amount: "1000000" }] }] },
  });
  chain.block([]);
  const before = baseAccount(chain, alice.address);
  assert.equal(before.address, alice.address);
  assert.equal(before.pubKey, undefined);
  assert.equal(before.accountNumber, 0n);
  assert.equal(before.sequence, 0n);

  const tx = await signTx(alice, [sendMsg(alice.address, bob.address, "1")], { chainId: chain.chainId, accountNumber: 0n, sequence: 0n });
  assert.equal(chain.block([tx]).results[0]!.code, 0);
  const after = baseAccount(chain, alice.address);
  assert.equal(after.pubKey?.typeUrl, "/cosmos.crypto.secp256k1.PubKey");
  assert.deepEqual(PubKey.decode(after.pubKey!.value).key, alice.pubkey);
  assert.equal(after.sequence, 1n);
  assert.equal(after.accountNumber, 0n);

  const recipient = baseAccount(chain, bob.address);
  assert.equal(recipient.pubKey, undefined, "receiving coins does not set a pubkey");
  assert.equal(recipient.sequence, 0n);
  await chain.destroy();
});

test("AccountInfo answers the same BaseAccount as Account", async () => {
  const alice = await testAccount(1);
  const chain = TestChain.open();
  chain.initChain({ auth: { accounts: [account(alice.address, 3, 4)] } });
  chain.block([]);
  const res = chain.query("/cosmos.auth.v1beta1.Query/AccountInfo", q.QueryAccountInfoRequest.encode({ address: alice.address }).finish());
  assert.equal(res.code, 0, res.log);
  const info = q.QueryAccountInfoResponse.decode(res.value).info!;
  assert.deepEqual(info, baseAccount(chain, alice.address));
  assert.equal(info.accountNumber, 3n);
  assert.equal(info.sequence, 4n);
  await chain.destroy();
});

test("auth Params answers the Cosmos SDK defaults", async () => {
  const chain = TestChain.open();
  chain.initChain({});
  chain.block([]);
  const res = chain.query("/cosmos.auth.v1beta1.Query/Params", q.QueryParamsRequest.encode({}).finish());
  assert.equal(res.code, 0, res.log);
  assert.deepEqual(q.QueryParamsResponse.decode(res.value).params, {
    maxMemoCharacters: 256n,
    txSigLimit: 7n,
    txSizeCostPerByte: 10n,
    sigVerifyCostEd25519: 590n,
    sigVerifyCostSecp256k1: 1000n,
  });
  await chain.destroy();
});

test("a genesis listing one address twice is refused, naming it", async () => {
  const alice = await testAccount(1);
  const chain = TestChain.open();
  assert.throws(() => chain.initChain({ auth: { accounts: [account(alice.address, 0), account(alice.address, 1)] } }), new RegExp(`genesis lists account ${alice.address} twice`));
  await chain.destroy();
});

test("a genesis account of an unsupported type is refused, naming the type", async () => {
  const alice = await testAccount(1);
  const chain = TestChain.open();
  assert.throws(
    () => chain.initChain({ auth: { accounts: [{ "@type": "/cosmos.vesting.v1beta1.ContinuousVestingAccount", address: alice.address }] } }),
    /genesis account type \/cosmos.vesting.v1beta1.ContinuousVestingAccount is not supported/,
  );
  await chain.destroy();
});

test("a genesis account in the SDK's JSON shape keeps its pubkey, number and sequence, and exports the same shape", async () => {
  const alice = await testAccount(1);
  const chain = TestChain.open();
  const json = {
    "@type": "/cosmos.auth.v1beta1.BaseAccount",
    address: alice.address,
    pub_key: { "@type": "/cosmos.crypto.secp256k1.PubKey", key: Buffer.from(alice.pubkey).toString("base64") },
    account_number: "12",
    sequence: "34",
  };
  chain.initChain({ auth: { accounts: [json] } });
  chain.block([]);
  const acc = baseAccount(chain, alice.address);
  assert.deepEqual(PubKey.decode(acc.pubKey!.value).key, alice.pubkey);
  assert.equal(acc.accountNumber, 12n);
  assert.equal(acc.sequence, 34n);
  const exported = chain.app.modules.exportGenesis(chain.app.base.queryContext()) as { auth: { accounts: Iterable<unknown> } };
  assert.deepEqual([...exported.auth.accounts], [json]);
  await chain.destroy();
});

test("a genesis account with a pubkey of another key type is refused as invalid pubkey (8)", async () => {
  const alice = await testAccount(1);
  const chain = TestChain.open();
  assert.throws(
    () =>
      chain.initChain({
        auth: {
          accounts: [{ ...account(alice.address, 0), pub_key: { "@type": "/cosmos.crypto.ed25519.PubKey", key: Buffer.alloc(32).toString("base64") } }],
        },
      }),
    (err: unknown) => (err as { code?: number }).code === 8 && /unsupported public key type \/cosmos.crypto.ed25519.PubKey/.test((err as Error).message),
  );
  await chain.destroy();
});
