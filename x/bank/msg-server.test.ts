import assert from "node:assert/strict";
import { test } from "node:test";
import { MsgMultiSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import type { ExecTxResult } from "cosmjs-types/tendermint/abci/types";
import { genesisState, TestChain } from "../../test/support/chain.js";
import { sendMsg, signTx, testAccount, type TestAccount } from "../../test/support/signing.js";
import { moduleAddress, toAccAddress } from "../../sdk/types/address.js";

const FEE = [{ denom: "uagora", amount: "2000" }];
const FEE_COLLECTOR = toAccAddress(moduleAddress("fee_collector"));

async function fundedChain() {
  const alice = await testAccount(1);
  const bob = await testAccount(2);
  const carol = await testAccount(3);
  const chain = TestChain.open();
  chain.initChain(genesisState([{ address: alice.address, amount: 1_000_000n }]));
  chain.block([]);
  return { chain, alice, bob, carol };
}



type Io = { address: string; coins: { denom: string; amount: string }[] };

function multiSend(inputs: Io[], outputs: Io[]): { typeUrl: string; value: Uint8Array } {
  return { typeUrl: MsgMultiSend.typeUrl, value: MsgMultiSend.encode({ inputs, outputs }).finish() };
}

const uagora = (amount: number) => [{ denom: "uagora", amount: String(amount) }];

function sign(chain: TestChain, from: TestAccount, msgs: { typeUrl: string; value: Uint8Array }[], sequence = 0n) {
  return signTx(from, msgs, { chainId: chain.chainId, accountNumber: 0n, sequence, fee: FEE });
}

function attributes(r: ExecTxResult, type: string): Record<string, string>[] {
  return r.events.filter((e) => e.type === type).map((e) => Object.fromEntries(e.attributes.map((a) => [a.key, a.value])));
}

test("MsgMultiSend from one input to two outputs moves the coins and emits a transfer event per output", async () => {
  const { chain, alice, bob, carol } = await fundedChain();
  const tx = await sign(chain, alice, [
    multiSend([{ address: alice.address, coins: uagora(300) }], [
      { address: bob.address, coins: uagora(100) },
      { address: carol.address, coins: uagora(200) },
    ]),
  ]);
  assert.equal(chain.checkTx(tx).code, 0);
  const r = chain.block([tx]).results[0]!;
  assert.equal(r.code, 0, r.log);
  assert.equal(chain.balance(alice.address), 1_000_000n - 300n - 2000n);
  assert.equal(chain.balance(bob.address), 100n);
  assert.equal(chain.balance(carol.address), 200n);

  // The ante chain's fee transfer comes first and carries no msg_index; the message's follow.
  const transfers = attributes(r, "transfer").filter((t) => t.msg_index === "0");
  assert.deepEqual(
    transfers.map((t) => [t.sender, t.recipient, t.amount]),
    [
      [alice.address, bob.address, "100uagora"],
      [alice.address, carol.address, "200uagora"],
    ],
  );
  assert.deepEqual(
    attributes(r, "transfer").filter((t) => t.msg_index === undefined).map((t) => [t.recipient, t.amount]),
    [[FEE_COLLECTOR, "2000uagora"]],
  );
  assert.ok(attributes(r, "message").some((m) => m.action === MsgMultiSend.typeUrl && m.sender === alice.address && m.module === "bank"));
  assert.deepEqual(
    attributes(r, "coin_received").filter((c) => c.msg_index === "0").map((c) => c.receiver),
    [bob.address, carol.address],
  );
  await chain.destroy();
});

test("MsgMultiSend with two inputs is rejected with the bank codespace's code 8", async () => {
  const { chain, alice, bob, carol } = await fundedChain();
  const tx = await sign(chain, alice, [
    multiSend(
      [
        { address: alice.address, coins: uagora(100) },
        { address: bob.address, coins: uagora(100) },
      ],
      [{ address: carol.address, coins: uagora(200) }],
    ),
  ]);
  const check = chain.checkTx(tx);
  assert.equal(check.codespace, "bank");
  assert.equal(check.code, 8);
  assert.match(check.log, /multiple senders not allowed/);
  const r = chain.block([tx]).results[0]!;
  assert.equal(r.code, 8);
  assert.equal(chain.balance(alice.address), 1_000_000n, "a tx failing validation pays no fee");
  assert.equal(chain.balance(carol.address), 0n);
  await chain.destroy();
});

test("MsgMultiSend whose inputs do not equal its outputs is rejected (bank code 4), naming both sums", async () => {
  const { chain, alice, bob, carol } = await fundedChain();
  const tx = await sign(chain, alice, [
    multiSend([{ address: alice.address, coins: uagora(300) }], [
      { address: bob.address, coins: uagora(100) },
      { address: carol.address, coins: uagora(100) },
    ]),
  ]);
  const check = chain.checkTx(tx);
  assert.equal(check.codespace, "bank");
  assert.equal(check.code, 4);
  assert.match(check.log, /inputs 300uagora != outputs 200uagora: sum inputs != sum outputs/);
  assert.equal(chain.block([tx]).results[0]!.code, 4);
  assert.equal(chain.balance(bob.address), 0n);
  await chain.destroy();
});

test("MsgMultiSend with no inputs or no outputs is rejected (bank codes 2 and 3)", async () => {
  const { chain, alice, bob } = await fundedChain();
  const noOutputs = await sign(chain, alice, [multiSend([{ address: alice.address, coins: uagora(1) }], [])]);
  const res = chain.checkTx(noOutputs);
  assert.equal(res.codespace, "bank");
  assert.equal(res.code, 3);
  // With no inputs the message has no signer, so its one signature is too many; validation runs first.
  const noInputs = await sign(chain, alice, [multiSend([], [{ address: bob.address, coins: uagora(1) }])]);
  const res2 = chain.checkTx(noInputs);
  assert.equal(res2.codespace, "bank");
  assert.equal(res2.code, 2);
  await chain.destroy();
});

test("sending to the fee_collector module account is rejected with code 4, not allowed to receive funds", async () => {
  const { chain, alice } = await fundedChain();
  const tx = await sign(chain, alice, [sendMsg(alice.address, FEE_COLLECTOR, "500")]);
  const r = chain.block([tx]).results[0]!;
  assert.equal(r.codespace, "sdk");
  assert.equal(r.code, 4);
  assert.match(r.log, new RegExp(`${FEE_COLLECTOR} is not allowed to receive funds`));
  assert.equal(chain.balance(alice.address), 1_000_000n - 2000n, "only the fee was taken");
  assert.equal(chain.balance(FEE_COLLECTOR), 2000n, "the fee collector holds the fee alone");
  await chain.destroy();
});

test("a MsgMultiSend with one output to the fee_collector is rejected whole: no output is paid", async () => {
  const { chain, alice, bob } = await fundedChain();
  const tx = await sign(chain, alice, [
    multiSend([{ address: alice.address, coins: uagora(300) }], [
      { address: bob.address, coins: uagora(100) },
      { address: FEE_COLLECTOR, coins: uagora(200) },
    ]),
  ]);
  const r = chain.block([tx]).results[0]!;
  assert.equal(r.code, 4);
  assert.match(r.log, /not allowed to receive funds/);
  assert.equal(chain.balance(bob.address), 0n, "the first output's transfer was rolled back");
  assert.equal(chain.balance(alice.address), 1_000_000n - 2000n);
  await chain.destroy();
});

test("MsgSend with a zero or missing amount is rejected as invalid coins (10)", async () => {
  const { chain, alice, bob } = await fundedChain();
  const zero = await sign(chain, alice, [sendMsg(alice.address, bob.address, "0")]);
  const res = chain.checkTx(zero);
  assert.equal(res.codespace, "sdk");
  assert.equal(res.code, 10);
  assert.match(res.log, /amount must be positive/);
  const negative = await sign(chain, alice, [sendMsg(alice.address, bob.address, "-5")]);
  assert.equal(chain.checkTx(negative).code, 10);
  await chain.destroy();
});

test("MsgSend to a malformed or foreign-prefix address is rejected as invalid address (7)", async () => {
  const { chain, alice } = await fundedChain();
  const foreign = "cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4";
  const res = chain.checkTx(await sign(chain, alice, [sendMsg(alice.address, foreign, "5")]));
  assert.equal(res.code, 7);
  assert.ok(res.log.includes(foreign));
  await chain.destroy();
});
