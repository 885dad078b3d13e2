import assert from "node:assert/strict";
import { test } from "node:test";
import { VoteOption } from "cosmjs-types/cosmos/gov/v1/gov";
import { QueryValidatorRequest, QueryValidatorResponse } from "cosmjs-types/cosmos/staking/v1beta1/query";
import { BondStatus } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import { GovChain } from "../../test/support/governance.js";
import { consensusKey, createValidatorMsg, undelegateMsg, valoper } from "../../test/support/staking.js";

const { VOTE_OPTION_YES: YES, VOTE_OPTION_NO: NO } = VoteOption;

async function voteOk(gov: GovChain, who: GovChain["operator"], id: bigint, option: VoteOption): Promise<void> {
  const result = await gov.vote(who, id, option);
  assert.equal(result.code, 0, result.log);
}

test("a delegator who votes overrides its validator's vote; the validator votes the stake of those who do not", async () => {
  // Bonded: the operator's own 200k, alice 600k, bob 300k, carol 100k.
  const gov = await GovChain.open([600_000n, 300_000n, 100_000n], {}, { selfBond: 200_000n });
  const [alice, bob] = gov.members as [GovChain["operator"], GovChain["operator"]];
  const id = await gov.propose(alice, [], 1_000n);
  await voteOk(gov, gov.operator, id, NO);
  assert.deepEqual(gov.tally(id), { yesCount: "0", abstainCount: "0", noCount: "1200000", noWithVetoCount: "0" }, "the validator votes all it holds");
  await voteOk(gov, alice, id, YES);
  await voteOk(gov, bob, id, YES);
  // alice and bob count for themselves; the validator keeps its own 200k and carol's 100k.
  assert.deepEqual(gov.tally(id), { yesCount: "900000", abstainCount: "0", noCount: "300000", noWithVetoCount: "0" });
  gov.advance(10);
  assert.equal(gov.status(id), "PROPOSAL_STATUS_PASSED");
  assert.deepEqual(gov.proposal(id).finalTallyResult, { yesCount: "900000", abstainCount: "0", noCount: "300000", noWithVetoCount: "0" });
  await gov.destroy();
});

test("delegators who do not vote inherit their validator's vote", async () => {
  const gov = await GovChain.open([600_000n, 400_000n]);
  const id = await gov.propose(gov.members[0]!, [], 1_000n);
  assert.deepEqual(gov.tally(id), { yesCount: "0", abstainCount: "0", noCount: "0", noWithVetoCount: "0" }, "no votes yet");
  await voteOk(gov, gov.operator, id, YES);
  gov.advance(10);
  assert.equal(gov.status(id), "PROPOSAL_STATUS_PASSED", "the validator's 1uagora vote carried its delegators' 1,000,000");
  assert.deepEqual(gov.proposal(id).finalTallyResult, { yesCount: "1000001", abstainCount: "0", noCount: "0", noWithVetoCount: "0" });
  await gov.destroy();
});

test("delegations to a validator that is not bonded carry no voting power", async () => {
  // One validator slot: carol's 2,000,000 validator stays out of the set behind the 4,000,001 one.
  const gov = await GovChain.open([3_000_000n, 1_000_000n, 0n], {}, { balances: [0n, 0n, 2_001_000n], staking: { max_validators: 1 } });
  const [alice, , carol] = gov.members as [GovChain["operator"], GovChain["operator"], GovChain["operator"]];
  const created = await gov.tx(carol, [createValidatorMsg(carol.address, 2_000_000n, consensusKey(1))]);
  assert.equal(created.code, 0, created.log);
  const res = gov.chain.query("/cosmos.staking.v1beta1.Query/Validator", QueryValidatorRequest.encode({ validatorAddr: valoper(carol.address) }).finish());
  assert.equal(QueryValidatorResponse.decode(res.value).validator.status, BondStatus.BOND_STATUS_UNBONDED);

  const id = await gov.propose(gov.operator, [], 0n);
  await gov.deposit(carol, id, 1_000n);
  await voteOk(gov, carol, id, YES);
  await voteOk(gov, alice, id, NO);
  assert.deepEqual(gov.tally(id), { yesCount: "0", abstainCount: "0", noCount: "3000000", noWithVetoCount: "0" });
  gov.advance(10);
  assert.equal(gov.status(id), "PROPOSAL_STATUS_REJECTED");
  await gov.destroy();
});

test("quorum is turnout of all bonded tokens; liquid tokens neither vote nor count", async () => {
  // bob holds 10,000,000 liquid and stakes 660,000 without voting; total bonded is alice's stake + 660,001.
  for (const [stake, status] of [
    [340_000n, "PROPOSAL_STATUS_PASSED"], // 340,000 / 1,000,001 = 34.0% >= 33.4%
    [330_000n, "PROPOSAL_STATUS_REJECTED"], // 330,000 / 990,001 = 33.3% < 33.4%
  ] as const) {
    const gov = await GovChain.open([stake, 660_000n], {}, { balances: [10_000n, 10_000_000n] });
    const [alice] = gov.members as [GovChain["operator"]];
    const id = await gov.propose(alice, [], 1_000n);
    await voteOk(gov, alice, id, YES);
    gov.advance(10);
    assert.equal(gov.status(id), status, `alice staking ${stake}`);
    await gov.destroy();
  }
});

test("voting power is stake at the tally: tokens unbonding during the vote no longer count", async () => {
  const gov = await GovChain.open([6_000_000n, 5_000_000n]);
  const [alice, bob] = gov.members as [GovChain["operator"], GovChain["operator"]];
  const id = await gov.propose(bob, [], 1_000n);
  await voteOk(gov, alice, id, YES);
  await voteOk(gov, bob, id, NO);
  assert.deepEqual(gov.tally(id), { yesCount: "6000000", abstainCount: "0", noCount: "5000000", noWithVetoCount: "0" });
  const undelegated = await gov.tx(alice, [undelegateMsg(alice.address, gov.validator, 2_000_000n)]);
  assert.equal(undelegated.code, 0, undelegated.log);
  assert.deepEqual(gov.tally(id), { yesCount: "4000000", abstainCount: "0", noCount: "5000000", noWithVetoCount: "0" }, "the live tally counts the same way");
  gov.advance(10);
  assert.equal(gov.status(id), "PROPOSAL_STATUS_REJECTED");
  assert.deepEqual(gov.proposal(id).finalTallyResult, { yesCount: "4000000", abstainCount: "0", noCount: "5000000", noWithVetoCount: "0" });
  await gov.destroy();
});
