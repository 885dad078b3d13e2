import assert from "node:assert/strict";
import { test } from "node:test";
import { VoteOption } from "cosmjs-types/cosmos/gov/v1/gov";
import { MsgUpdateParams } from "cosmjs-types/cosmos/gov/v1/tx";
import { TestChain } from "../../test/support/chain.js";
import { GovChain } from "../../test/support/governance.js";
import { testAccount } from "../../test/support/signing.js";
import { defaultGovParams } from "./types.js";

/** The same traffic: one proposal passes, one is in voting with a weighted vote, one awaits deposits. */
async function traffic(gov: GovChain): Promise<void> {
  const [alice, bob] = gov.members as [typeof gov.members[0], typeof gov.members[0]];
  const params = { ...defaultGovParams(), quorum: "0.250000000000000000", votingPeriod: { seconds: 10n, nanos: 0 }, minDeposit: [{ denom: "uagora", amount: "1000" }], expeditedVotingPeriod: { seconds: 5n, nanos: 0 }, maxDepositPeriod: { seconds: 10n, nanos: 0 }, minDepositRatio: "0" };
  const update = { typeUrl: MsgUpdateParams.typeUrl, value: MsgUpdateParams.encode({ authority: gov.authority, params }).finish() };
  const passed = await gov.propose(alice, [update], 1_000n);
  await gov.vote(alice, passed, VoteOption.VOTE_OPTION_YES);
  gov.advance(10);
  const voting = await gov.propose(bob, [update], 1_000n);
  await gov.weightedVote(alice, voting, [[VoteOption.VOTE_OPTION_YES, "0.7"], [VoteOption.VOTE_OPTION_NO, "0.3"]]);
  await gov.propose(alice, [], 200n);
}

test("the same blocks give the same app hash on two chains", async () => {
  const one = await GovChain.open([600_000n, 400_000n]);
  const two = await GovChain.open([600_000n, 400_000n]);
  await traffic(one);
  await traffic(two);
  assert.equal(Buffer.from(one.chain.app.base.info().lastBlockAppHash).toString("hex"), Buffer.from(two.chain.app.base.info().lastBlockAppHash).toString("hex"));
  await one.destroy();
  await two.destroy();
});

test("exported governance state initializes a fresh chain to the same app hash and exports again unchanged", async () => {
  const gov = await GovChain.open([600_000n, 400_000n]);
  await traffic(gov);
  const exported = JSON.parse(JSON.stringify(gov.chain.app.modules.exportGenesis(gov.chain.app.base.queryContext()))) as Record<string, any>;
  const section = exported.governance;
  assert.equal(section.starting_proposal_id, "4");
  assert.deepEqual(section.proposals.map((p: { status: string }) => p.status), ["PROPOSAL_STATUS_PASSED", "PROPOSAL_STATUS_VOTING_PERIOD", "PROPOSAL_STATUS_DEPOSIT_PERIOD"]);
  assert.equal(section.proposals[0].messages[0]["@type"], "/cosmos.gov.v1.MsgUpdateParams");
  assert.equal(section.proposals[0].messages[0].params.voting_period, "10s");
  assert.equal(section.params.quorum, "0.250000000000000000");
  assert.deepEqual(section.votes[0].options, [{ option: "VOTE_OPTION_YES", weight: "0.700000000000000000" }, { option: "VOTE_OPTION_NO", weight: "0.300000000000000000" }]);

  const fresh = TestChain.open();
  const initHash = Buffer.from(fresh.initChain(exported)).toString("hex");
  assert.equal(initHash, Buffer.from(gov.chain.app.base.info().lastBlockAppHash).toString("hex"));
  fresh.block([]);
  assert.deepEqual(JSON.parse(JSON.stringify(fresh.app.modules.exportGenesis(fresh.app.base.queryContext()))), exported, "exporting again gives the same genesis");
  await fresh.destroy();
  await gov.destroy();
});

test("a genesis whose deposits the gov account does not hold is refused", async () => {
  const chain = TestChain.open();
  const depositor = (await testAccount(7)).address;
  assert.throws(
    () => chain.initChain({ governance: { deposits: [{ proposal_id: "1", depositor, amount: [{ denom: "uagora", amount: "5" }] }] } }),
    /the gov module account holds nothing, deposits owed sum to 5uagora/,
  );
  await chain.destroy();
});
