import assert from "node:assert/strict";
import { test } from "node:test";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import type { AgoraApp } from "../app/app.js";
import { SUCCEEDS, type SimView, type WeightedOp } from "../sdk/simulation/operation.js";
import type { Rand } from "../sdk/simulation/rand.js";
import { simulate } from "./support/simulation.js";

// Seed 53 is one whose 300 blocks reach every outcome below (many seeds do; a rare one, such as a
// proposal failing on execution or an appeal escalated, is missed by some).
const SEED = 53;
const BLOCKS = 300;
const run = simulate({ seed: SEED, blocks: BLOCKS });

test("300 blocks of random bank, staking, distribution, governance, roles, circuit, commerce and social traffic from 40 accounts keep every invariant, and the same seed gives the same app hash", async () => {
  const first = await run;
  assert.equal(first.appHashes.length, BLOCKS);
  for (const [op, count] of Object.entries(first.txsByOp)) assert.ok(count > 0, `operation ${op} never ran`);
  const again = await simulate({ seed: SEED, blocks: BLOCKS });
  assert.deepEqual(again.appHashes, first.appHashes);
});

test("the run passes proposals and executes their messages, rejects, vetoes, drops and fails others, grants and expires roles, and trips and resets the breaker", async () => {
  const { txEvents, blockEvents, proposals, vetoed, refusals } = await run;
  const atLeastOne = (counts: Record<string, number>, key: string) => assert.ok((counts[key] ?? 0) > 0, `no ${key} in ${JSON.stringify(counts)}`);
  atLeastOne(blockEvents, "active_proposal:proposal_passed");
  atLeastOne(proposals, "PROPOSAL_STATUS_PASSED");
  // A passed proposal's messages ran at the end of its block: the role it granted, say.
  assert.ok(["grant_role", "revoke_role", "circuit_breaker_tripped", "circuit_breaker_reset"].some((type) => (blockEvents[type] ?? 0) > 0), `no executed proposal message in ${JSON.stringify(blockEvents)}`);
  atLeastOne(blockEvents, "active_proposal:proposal_failed");
  atLeastOne(blockEvents, "active_proposal:proposal_rejected");
  assert.ok(vetoed > 0, "no proposal was vetoed");
  atLeastOne(blockEvents, "inactive_proposal:proposal_dropped");
  atLeastOne(txEvents, "proposal_vote");
  atLeastOne(txEvents, "grant_role");
  atLeastOne(txEvents, "revoke_role");
  atLeastOne(blockEvents, "role_expired");
  atLeastOne(txEvents, "circuit_breaker_tripped");
  atLeastOne(txEvents, "circuit_breaker_reset");
  // Fees were shared out to the validators that signed, and delegators and operators withdrew.
  atLeastOne(blockEvents, "commission");
  atLeastOne(txEvents, "withdraw_rewards");
  atLeastOne(txEvents, "withdraw_commission");
  // Sends planned while their type was paused were refused by the breaker, as planned.
  atLeastOne(refusals, "circuit 2");
  atLeastOne(refusals, "gov 13");
  atLeastOne(refusals, "sdk 4");
  // Unjail attempts by accounts that operate no validator, and by operators of validators not jailed.
  atLeastOne(refusals, "slashing 2");
  atLeastOne(refusals, "slashing 5");
});

test("the run posts, follows, reacts, tips, hides and restores posts, frees released handles and escalates an appeal", async () => {
  const { txEvents, blockEvents, refusals } = await run;
  for (const type of ["social_post_created", "social_followed", "social_reacted", "social_post_tipped", "social_post_hidden", "social_post_restored", "social_appeal_escalated"]) {
    assert.ok((txEvents[type] ?? 0) > 0, `no ${type} in ${JSON.stringify(txEvents)}`);
  }
  assert.ok((blockEvents["social_handle_freed"] ?? 0) > 0, "no released handle was freed");
  // Handles taken by another account, and edits of another's post, were refused as planned.
  assert.ok((refusals["social 3"] ?? 0) > 0 && (refusals["social 7"] ?? 0) > 0, JSON.stringify(refusals));
});

test("a different seed gives a different app hash", async () => {
  const [a, b] = [await simulate({ seed: 1, blocks: 10 }), await simulate({ seed: 2, blocks: 10 })];
  assert.notEqual(a.appHashes.at(-1), b.appHashes.at(-1));
});

test("a tx that ends otherwise than its operation planned stops the run, naming the seed, the block and the operation", async () => {
  const overdraw: WeightedOp = {
    name: "test/overdraw-expected-to-succeed",
    weight: 1000,
    plan: (rand: Rand, view: SimView) => {
      const signer = view.pickSigner(rand);
      if (!signer) return undefined;
      const amount = [{ denom: "uagora", amount: String(view.spendable(signer, "uagora") + 1n) }];
      return { signer, msgs: [{ typeUrl: MsgSend.typeUrl, value: MsgSend.encode({ fromAddress: signer, toAddress: signer, amount }).finish() }], expect: SUCCEEDS };
    },
  };
  await assert.rejects(simulate({ seed: 7, blocks: 5, extraOps: [overdraw] }), /^SimulationError: simulation with seed 7 failed at block 2: test\/overdraw-expected-to-succeed from agora1\w+: expected success, got sdk code 5: /);
});

test("an invariant that breaks stops the run after that block, naming the seed and the invariant", async () => {
  const prepare = (app: AgoraApp) =>
    app.invariants.register("test", "until-block-4", (ctx) => ({ broken: ctx.height > 4n, message: `the last block is ${ctx.height - 1n}` }));
  await assert.rejects(simulate({ seed: 7, blocks: 10, prepare }), /^SimulationError: simulation with seed 7 failed at block 4: invariant test\/until-block-4 broken: the last block is 4$/);
});
