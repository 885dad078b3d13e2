import assert from "node:assert/strict";
import { test } from "node:test";
import { TestChain } from "../../test/support/chain.js";
import { signTx, testAccount } from "../../test/support/signing.js";
import { consensusKey, createValidatorMsg, delegateMsg, undelegateMsg, valoper } from "../../test/support/staking.js";
import { gentxFromJson, gentxToJson } from "./gentx-json.js";

async function genesisWithGentxs(count: number, chainId: string) {
  const operators = await Promise.all(Array.from({ length: count }, (_, i) => testAccount(300 + i)));
  const gentxs = await Promise.all(
    operators.map(async (op, i) => gentxToJson(await signTx(op, [createValidatorMsg(op.address, BigInt(i + 1) * 10_000_000n, consensusKey(i))], { chainId, accountNumber: 0n, sequence: 0n, fee: [] }))),
  );
  const state = {
    auth: { accounts: operators.map((op, i) => ({ "@type": "/cosmos.auth.v1beta1.BaseAccount", address: op.address, account_number: String(i), sequence: "0" })) },
    bank: { balances: operators.map((op) => ({ address: op.address, coins: [{ denom: "uagora", amount: "100000000" }] })) },
    staking: { params: { unbonding_time: "10s" } },
    genutil: { gen_txs: gentxs },
  };
  return { operators, state };
}

test("InitChain delivers the gentxs and answers their validator set, strongest first", async () => {
  const chain = TestChain.open(undefined, "agora-gentx-1");
  const { operators, state } = await genesisWithGentxs(3, chain.chainId);
  const response = chain.app.base.initChain({ time: { seconds: 1_700_000_000n, nanos: 0 }, chainId: chain.chainId, validators: [], appStateBytes: Buffer.from(JSON.stringify(state)), initialHeight: 1n });
  assert.deepEqual(response.validators, [
    { pubKey: { ed25519: consensusKey(2) }, power: 30n },
    { pubKey: { ed25519: consensusKey(1) }, power: 20n },
    { pubKey: { ed25519: consensusKey(0) }, power: 10n },
  ]);
  chain.block([]);
  assert.equal(chain.balance(operators[0]!.address), 90_000_000n, "the self-delegation left the operator's balance");
  await chain.destroy();
});

test("a gentx signed for another chain, or with a changed amount, is refused at InitChain", async () => {
  const chain = TestChain.open(undefined, "agora-gentx-1");
  const { state } = await genesisWithGentxs(1, "some-other-chain");
  assert.throws(
    () => chain.app.base.initChain({ time: { seconds: 1_700_000_000n, nanos: 0 }, chainId: chain.chainId, validators: [], appStateBytes: Buffer.from(JSON.stringify(state)), initialHeight: 1n }),
    /gentx 0 \(validator agoravaloper1.*\) failed with code 4 \(sdk\): signature verification failed/,
  );
  await chain.destroy();
  const tampered = await genesisWithGentxs(1, "agora-gentx-1");
  const message = (tampered.state.genutil.gen_txs[0] as { body: { messages: { value: { amount: string } }[] } }).body.messages[0]!;
  message.value.amount = "20000000";
  const again = TestChain.open(undefined, "agora-gentx-1");
  assert.throws(
    () => again.app.base.initChain({ time: { seconds: 1_700_000_000n, nanos: 0 }, chainId: again.chainId, validators: [], appStateBytes: Buffer.from(JSON.stringify(tampered.state)), initialHeight: 1n }),
    /signature verification failed/,
  );
  await again.destroy();
});

test("a gentx reads back from its JSON as the very bytes that were signed", async () => {
  const op = await testAccount(300);
  const bytes = await signTx(op, [createValidatorMsg(op.address, 1_000_000n, consensusKey(9))], { chainId: "c", accountNumber: 0n, sequence: 0n, fee: [] });
  assert.deepEqual(Buffer.from(gentxFromJson(JSON.parse(JSON.stringify(gentxToJson(bytes))))), Buffer.from(bytes));
});

test("the same staking blocks on two nodes give the same app hash at every height", async () => {
  const hashes: string[][] = [];
  for (let node = 0; node < 2; node++) {
    const chain = TestChain.open(undefined, "agora-gentx-1");
    const { operators, state } = await genesisWithGentxs(2, chain.chainId);
    chain.app.base.initChain({ time: { seconds: 1_700_000_000n, nanos: 0 }, chainId: chain.chainId, validators: [], appStateBytes: Buffer.from(JSON.stringify(state)), initialHeight: 1n });
    const [a, b] = operators as [(typeof operators)[0], (typeof operators)[0]];
    const sign = (from: typeof a, number: bigint, sequence: bigint, msg: ReturnType<typeof delegateMsg>) => signTx(from, [msg], { chainId: chain.chainId, accountNumber: number, sequence, fee: [] });
    const blocks = [
      [await sign(a, 0n, 1n, delegateMsg(a.address, valoper(b.address), 5_000_000n))],
      [await sign(b, 1n, 1n, undelegateMsg(b.address, valoper(b.address), 3_000_000n))],
      [], [], [], [], [], [], [], [], [], [],
    ];
    const seen: string[] = [];
    for (const txs of blocks) {
      const { results, appHash } = chain.block(txs);
      for (const r of results) assert.equal(r.code, 0, r.log);
      seen.push(Buffer.from(appHash).toString("hex"));
    }
    hashes.push(seen);
    await chain.destroy();
  }
  assert.deepEqual(hashes[0], hashes[1]);
});
