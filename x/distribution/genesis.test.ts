import assert from "node:assert/strict";
import { test } from "node:test";
import { MsgSetWithdrawAddress } from "cosmjs-types/cosmos/distribution/v1beta1/tx";
import { SYNTHETIC_GENESIS_SECONDS } from "../../sdk/simulation/block-request.js";
import { TestChain } from "../../test/support/chain.js";
import { block, feeOnly, feeTx, rewards, signedBy, slashInNextBlock } from "../../test/support/distribution.js";
import { consensusKey, createValidatorMsg, delegateMsg, StakingChain, valoper } from "../../test/support/staking.js";

const AGORA = 1_000_000n;

/** Two validators, a delegator, fees over several blocks, a slash, a withdraw address; returns each block's app hash. */
async function busyChain(): Promise<{ s: StakingChain; hashes: string[] }> {
  const s = await StakingChain.open([100n * AGORA, 100n * AGORA, 100n * AGORA, 100n * AGORA]);
  const [alice, bob, carol, dave] = s.members as [(typeof s.members)[0], (typeof s.members)[0], (typeof s.members)[0], (typeof s.members)[0]];
  await s.ok(alice, [createValidatorMsg(alice.address, 10n * AGORA, consensusKey(1))]);
  await s.ok(bob, [createValidatorMsg(bob.address, 20n * AGORA, consensusKey(2))]);
  const hashes: string[] = [];
  const record = () => hashes.push(Buffer.from(s.chain.app.base.info().lastBlockAppHash).toString("hex"));
  const votes = signedBy([1, 10n], [2, 20n]);
  block(s, [await feeTx(s, dave, [delegateMsg(dave.address, valoper(alice.address), 7n * AGORA)], 333n)], votes);
  record();
  block(s, [await feeOnly(s, carol, 1234n), await feeTx(s, dave, [{ typeUrl: MsgSetWithdrawAddress.typeUrl, value: MsgSetWithdrawAddress.encode({ delegatorAddress: dave.address, withdrawAddress: carol.address }).finish() }], 17n)], signedBy([1, 17n], [2, 20n]));
  record();
  slashInNextBlock(s, 2, 20n, 50_000_000_000_000_000n, signedBy([1, 17n], [2, 20n]));
  record();
  block(s, [await feeOnly(s, carol, 999n)], signedBy([1, 17n], [2, 19n]));
  record();
  block(s, [], signedBy([1, 17n], [2, 19n]));
  record();
  return { s, hashes };
}

test("the same blocks give the same app hashes and the same rewards on two chains", async () => {
  const first = await busyChain();
  const second = await busyChain();
  assert.deepEqual(second.hashes, first.hashes);
  const [, , , dave] = first.s.members;
  const alice = valoper(first.s.members[0]!.address);
  assert.equal(rewards(second.s, dave!.address, alice), rewards(first.s, dave!.address, alice));
  first.s.checkInvariants();
  await first.s.destroy();
  await second.s.destroy();
});

test("an exported genesis imports to the same app hash, exports again unchanged, and rewards go on accruing alike", async () => {
  const { s } = await busyChain();
  const chain = s.chain;
  const lastHash = Buffer.from(chain.app.base.info().lastBlockAppHash).toString("hex");
  const exported = JSON.parse(JSON.stringify(chain.app.modules.exportGenesis(chain.app.base.queryContext()))) as Record<string, Record<string, unknown[]>>;
  assert.ok(exported.distribution!.validator_slash_events!.length > 0, "the export carries the slash event");
  assert.ok(exported.distribution!.delegator_withdraw_infos!.length > 0, "the export carries the withdraw address");
  // The new chain starts at the next height, as a chain restarted from an export does.
  const fresh = TestChain.open();
  const initHash = fresh.app.base.initChain({
    time: { seconds: SYNTHETIC_GENESIS_SECONDS + chain.height, nanos: 0 },
    chainId: fresh.chainId,
    validators: [],
    appStateBytes: Buffer.from(JSON.stringify(exported)),
    initialHeight: chain.height + 1n,
  }).appHash;
  assert.equal(Buffer.from(initHash).toString("hex"), lastHash, "the exported state hashes to the exporting chain's app hash");
  fresh.height = chain.height;
  const [carol] = [s.members[2]!];
  const fee = await feeOnly(s, carol, 500n);
  const next = signedBy([1, 17n], [2, 19n]);
  assert.deepEqual(fresh.block([fee], next).appHash, chain.block([fee], next).appHash, "the same block on both");
  assert.deepEqual(fresh.block([], next).appHash, chain.block([], next).appHash, "its fees allocated alike");
  const again = (c: TestChain) => JSON.parse(JSON.stringify(c.app.modules.exportGenesis(c.app.base.queryContext()))) as unknown;
  assert.deepEqual(again(fresh), again(chain), "both export the same genesis");
  chain.app.invariants.assertAll(chain.app.base.queryContext());
  fresh.app.invariants.assertAll(fresh.app.base.queryContext());
  await fresh.destroy();
  await s.destroy();
});

test("a genesis whose distribution account does not hold the community pool is refused, naming both amounts", async () => {
  const chain = TestChain.open();
  assert.throws(() => chain.initChain({ distribution: { fee_pool: { community_pool: [{ denom: "uagora", amount: "5.000000000000000000" }] } } }), /distribution module balance does not match the module holdings: it holds "", genesis owes "5uagora"/);
  await chain.destroy();
});
