import assert from "node:assert/strict";
import { test } from "node:test";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { Params, VoteOption } from "cosmjs-types/cosmos/gov/v1/gov";
import { QueryParamsRequest, QueryParamsResponse, QueryVoteRequest, QueryVoteResponse } from "cosmjs-types/cosmos/gov/v1/query";
import { MsgCancelProposal, MsgUpdateParams } from "cosmjs-types/cosmos/gov/v1/tx";
import { GovChain, type EncodedMsg } from "../../test/support/governance.js";
import { depositsInvariant } from "./invariants.js";


function send(from: string, to: string, amount: bigint): EncodedMsg {
  return { typeUrl: MsgSend.typeUrl, value: MsgSend.encode({ fromAddress: from, toAddress: to, amount: [{ denom: "uagora", amount: amount.toString() }] }).finish() };
}

function govParams(gov: GovChain): Params {
  const res = gov.chain.query("/cosmos.gov.v1.Query/Params", QueryParamsRequest.encode({ paramsType: "" }).finish());
  assert.equal(res.code, 0, res.log);
  return QueryParamsResponse.decode(res.value).params!;
}

function updateParams(gov: GovChain, change: Partial<Params>): EncodedMsg {
  const msg = MsgUpdateParams.fromPartial({ authority: gov.authority, params: { ...govParams(gov), ...change } });
  return { typeUrl: MsgUpdateParams.typeUrl, value: MsgUpdateParams.encode(msg).finish() };
}

function invariantHolds(gov: GovChain): void {
  const result = depositsInvariant(gov.chain.app.base.queryContext(), gov.chain.app.gov);
  assert.equal(result.broken, false, result.message);
}

test("a proposal whose message is signed by someone other than the gov authority is refused at submission", async () => {
  const gov = await GovChain.open([1_000_000n, 1_000n]);
  const [alice, bob] = gov.members as [typeof gov.members[0], typeof gov.members[0]];
  await assert.rejects(gov.propose(alice, [send(alice.address, bob.address, 5n)], 1_000n), /gov 13\).*must be signed by the gov authority/);
  await assert.rejects(gov.propose(alice, [{ typeUrl: "/cosmos.nothing.v1.MsgUnknown", value: new Uint8Array() }], 1_000n), /gov 10\).*not a message type this chain handles/);
  assert.equal(gov.chain.balance(alice.address), 1_000_000n, "a refused submission takes no deposit");
  await gov.destroy();
});

test("a passed proposal changes the gov params, visible by query, and refunds its deposit", async () => {
  const gov = await GovChain.open([1_000_000n, 500_000n]);
  const [alice, bob] = gov.members as [typeof gov.members[0], typeof gov.members[0]];
  const id = await gov.propose(alice, [updateParams(gov, { quorum: "0.400000000000000000" })], 1_000n);
  assert.equal(gov.status(id), "PROPOSAL_STATUS_VOTING_PERIOD");
  assert.equal(gov.chain.balance(alice.address), 999_000n, "the deposit is held by the gov account");
  invariantHolds(gov);
  assert.equal((await gov.vote(alice, id, VoteOption.VOTE_OPTION_YES)).code, 0);
  assert.equal((await gov.vote(bob, id, VoteOption.VOTE_OPTION_NO)).code, 0);
  const events = gov.advance(10);
  assert.equal(gov.status(id), "PROPOSAL_STATUS_PASSED");
  assert.equal(govParams(gov).quorum, "0.400000000000000000");
  assert.equal(gov.chain.balance(alice.address), 1_000_000n, "deposit refunded");
  const ended = events.find((e) => e.type === "active_proposal")!;
  assert.deepEqual(
    ended.attributes.filter((a) => a.key !== "proposal_log").map((a) => [a.key, a.value]),
    [["proposal_id", String(id)], ["proposal_result", "proposal_passed"]],
  );
  assert.deepEqual(gov.proposal(id).finalTallyResult, { yesCount: "1000000", abstainCount: "0", noCount: "500000", noWithVetoCount: "0" }, "stake, untouched by the deposit");
  invariantHolds(gov);
  await gov.destroy();
});

test("a message failing at execution rolls back the whole proposal and records why", async () => {
  const gov = await GovChain.open([1_000_000n, 10n]);
  const [alice, bob] = gov.members as [typeof gov.members[0], typeof gov.members[0]];
  // The first message would succeed; the second spends from the gov account, which holds nothing once the deposit is refunded.
  const id = await gov.propose(alice, [updateParams(gov, { quorum: "0.900000000000000000" }), send(gov.authority, bob.address, 1n)], 1_000n);
  await gov.vote(alice, id, VoteOption.VOTE_OPTION_YES);
  gov.advance(10);
  const proposal = gov.proposal(id);
  assert.equal(gov.status(id), "PROPOSAL_STATUS_FAILED");
  assert.match(proposal.failedReason, /message 1 \(\/cosmos\.bank\.v1beta1\.MsgSend\) failed on execution: .*insufficient funds/);
  assert.equal(govParams(gov).quorum, "0.334000000000000000", "the first message's change is not kept");
  assert.equal(gov.chain.balance(bob.address), 10n);
  assert.equal(gov.chain.balance(alice.address), 1_000_000n);
  invariantHolds(gov);
  await gov.destroy();
});

test("without quorum the deposit is refunded, or burned when burn_vote_quorum is set", async () => {
  for (const burn of [false, true]) {
    const gov = await GovChain.open([100_000n, 900_000n], { burn_vote_quorum: burn });
    const [alice] = gov.members as [typeof gov.members[0]];
    const supply = gov.supply();
    const id = await gov.propose(alice, [], 1_000n);
    await gov.vote(alice, id, VoteOption.VOTE_OPTION_YES); // 100,000 of 1,000,001 bonded: under 33.4%
    gov.advance(10);
    assert.equal(gov.status(id), "PROPOSAL_STATUS_REJECTED");
    assert.equal(gov.chain.balance(alice.address), burn ? 99_000n : 100_000n);
    assert.equal(gov.supply(), burn ? supply - 1_000n : supply);
    invariantHolds(gov);
    await gov.destroy();
  }
});

test("a vetoed proposal is rejected and its deposits burned; a plain majority of no refunds them", async () => {
  const gov = await GovChain.open([600_000n, 400_000n]);
  const [alice, bob] = gov.members as [typeof gov.members[0], typeof gov.members[0]];
  const supply = gov.supply();
  const vetoed = await gov.propose(alice, [], 1_000n);
  await gov.vote(alice, vetoed, VoteOption.VOTE_OPTION_YES);
  await gov.vote(bob, vetoed, VoteOption.VOTE_OPTION_NO_WITH_VETO); // 400,000 of 1,000,000 voted > 33.4%
  gov.advance(10);
  assert.equal(gov.status(vetoed), "PROPOSAL_STATUS_REJECTED");
  assert.equal(gov.supply(), supply - 1_000n, "the vetoed deposit is burned");

  const refused = await gov.propose(bob, [], 1_000n);
  await gov.vote(alice, refused, VoteOption.VOTE_OPTION_NO);
  await gov.vote(bob, refused, VoteOption.VOTE_OPTION_YES);
  gov.advance(10);
  assert.equal(gov.status(refused), "PROPOSAL_STATUS_REJECTED");
  assert.equal(gov.chain.balance(bob.address), 400_000n, "a rejected (not vetoed) deposit is refunded");
  await gov.destroy();
});

test("a proposal whose deposit never reaches the minimum is dropped: refunded, or burned with burn_proposal_deposit_prevote", async () => {
  for (const burn of [false, true]) {
    const gov = await GovChain.open([1_000_000n, 1_000n], { burn_proposal_deposit_prevote: burn });
    const [alice, bob] = gov.members as [typeof gov.members[0], typeof gov.members[0]];
    const supply = gov.supply();
    const id = await gov.propose(alice, [], 400n);
    assert.equal((await gov.deposit(bob, id, 100n)).code, 0);
    assert.equal(gov.status(id), "PROPOSAL_STATUS_DEPOSIT_PERIOD");
    const events = gov.advance(10);
    assert.equal(gov.status(id), "deleted");
    assert.ok(events.some((e) => e.type === "inactive_proposal" && e.attributes.some((a) => a.value === "proposal_dropped")));
    assert.equal(gov.chain.balance(bob.address), burn ? 900n : 1_000n);
    assert.equal(gov.supply(), burn ? supply - 500n : supply);
    invariantHolds(gov);
    await gov.destroy();
  }
});

test("a deposit that reaches the minimum starts the voting period", async () => {
  const gov = await GovChain.open([1_000_000n, 1_000n]);
  const [alice, bob] = gov.members as [typeof gov.members[0], typeof gov.members[0]];
  const id = await gov.propose(alice, [], 500n);
  assert.equal((await gov.vote(alice, id, VoteOption.VOTE_OPTION_YES)).code, 3, "no votes before the voting period");
  await gov.deposit(bob, id, 500n);
  assert.equal(gov.status(id), "PROPOSAL_STATUS_VOTING_PERIOD");
  assert.deepEqual(gov.proposal(id).totalDeposit, [{ denom: "uagora", amount: "1000" }]);
  await gov.destroy();
});

test("a voter may change their vote until the end and only the last vote counts", async () => {
  const gov = await GovChain.open([600_000n, 400_000n]);
  const [alice, bob] = gov.members as [typeof gov.members[0], typeof gov.members[0]];
  const id = await gov.propose(bob, [], 1_000n);
  await gov.vote(alice, id, VoteOption.VOTE_OPTION_NO);
  assert.equal(gov.tally(id).noCount, "600000");
  await gov.vote(alice, id, VoteOption.VOTE_OPTION_YES);
  assert.deepEqual(gov.tally(id), { yesCount: "600000", abstainCount: "0", noCount: "0", noWithVetoCount: "0" });
  const res = gov.chain.query("/cosmos.gov.v1.Query/Vote", QueryVoteRequest.encode({ proposalId: id, voter: alice.address }).finish());
  assert.equal(QueryVoteResponse.decode(res.value).vote!.options[0]!.option, VoteOption.VOTE_OPTION_YES);
  gov.advance(10);
  assert.equal(gov.status(id), "PROPOSAL_STATUS_PASSED");
  await gov.destroy();
});

test("weighted votes split the voter's power; weights must sum to 1", async () => {
  const gov = await GovChain.open([600_000n, 400_000n]);
  const [alice, bob] = gov.members as [typeof gov.members[0], typeof gov.members[0]];
  const id = await gov.propose(bob, [], 1_000n);
  const bad = await gov.weightedVote(alice, id, [[VoteOption.VOTE_OPTION_YES, "0.6"], [VoteOption.VOTE_OPTION_NO, "0.3"]]);
  assert.equal(bad.code, 7);
  assert.match(bad.log, /vote weights must sum to 1, got 0\.900000000000000000/);
  assert.equal((await gov.weightedVote(alice, id, [[VoteOption.VOTE_OPTION_YES, "0.6"], [VoteOption.VOTE_OPTION_NO, "0.4"]])).code, 0);
  assert.equal((await gov.weightedVote(bob, id, [[VoteOption.VOTE_OPTION_ABSTAIN, "0.5"], [VoteOption.VOTE_OPTION_NO_WITH_VETO, "0.5"]])).code, 0);
  assert.deepEqual(gov.tally(id), { yesCount: "360000", abstainCount: "200000", noCount: "240000", noWithVetoCount: "200000" });
  gov.advance(10);
  // yes 360,000 / (1,000,000 - 200,000) = 45% < 50%; veto 200,000 / 1,000,000 < 33.4%: rejected, refunded.
  assert.equal(gov.status(id), "PROPOSAL_STATUS_REJECTED");
  assert.equal(gov.chain.balance(bob.address), 400_000n);
  await gov.destroy();
});

test("an expedited proposal passes early with the expedited threshold", async () => {
  const gov = await GovChain.open([700_000n, 300_000n]);
  const [alice] = gov.members as [typeof gov.members[0]];
  const id = await gov.propose(alice, [], 1_000n, { expedited: true });
  assert.equal(gov.status(id), "PROPOSAL_STATUS_DEPOSIT_PERIOD", "1000 is below the expedited minimum deposit");
  const fast = await gov.propose(alice, [updateParams(gov, { threshold: "0.600000000000000000" })], 5_000n, { expedited: true });
  await gov.vote(alice, fast, VoteOption.VOTE_OPTION_YES); // 700,000 of 1,000,001 bonded > 66.7%
  gov.advance(5);
  assert.equal(gov.status(fast), "PROPOSAL_STATUS_PASSED");
  assert.equal(govParams(gov).threshold, "0.600000000000000000");
  await gov.destroy();
});

test("an expedited proposal short of the expedited threshold becomes a regular one and passes at the regular end", async () => {
  const gov = await GovChain.open([600_000n, 400_000n]);
  const [alice, bob] = gov.members as [typeof gov.members[0], typeof gov.members[0]];
  const id = await gov.propose(alice, [], 5_000n, { expedited: true });
  await gov.vote(alice, id, VoteOption.VOTE_OPTION_YES); // 600,000 of 1,000,000 voted: over 50%, under 66.7%
  await gov.vote(bob, id, VoteOption.VOTE_OPTION_NO);
  const events = gov.advance(3);
  assert.ok(events.some((e) => e.type === "active_proposal" && e.attributes.some((a) => a.value === "expedited_proposal_rejected")));
  const converted = gov.proposal(id);
  assert.equal(gov.status(id), "PROPOSAL_STATUS_VOTING_PERIOD");
  assert.equal(converted.expedited, false);
  assert.equal(converted.votingEndTime!.seconds - converted.votingStartTime!.seconds, 10n, "the regular voting period from the start");
  assert.equal(gov.chain.balance(alice.address), 595_000n, "the deposit stays held");
  gov.advance(5);
  assert.equal(gov.status(id), "PROPOSAL_STATUS_PASSED", "the votes cast before the conversion still count");
  assert.equal(gov.chain.balance(alice.address), 600_000n);
  await gov.destroy();
});

test("the proposer may cancel during voting; proposal_cancel_ratio of the deposit is burned", async () => {
  const gov = await GovChain.open([1_000_000n, 1_000n]);
  const [alice, bob] = gov.members as [typeof gov.members[0], typeof gov.members[0]];
  const supply = gov.supply();
  const id = await gov.propose(alice, [], 1_000n);
  const cancel = (who: typeof alice) =>
    gov.tx(who, [{ typeUrl: MsgCancelProposal.typeUrl, value: MsgCancelProposal.encode({ proposalId: id, proposer: who.address }).finish() }]);
  const refused = await cancel(bob);
  assert.equal(refused.code, 18);
  assert.equal((await cancel(alice)).code, 0);
  assert.equal(gov.status(id), "deleted");
  assert.equal(gov.chain.balance(alice.address), 999_500n);
  assert.equal(gov.supply(), supply - 500n);
  invariantHolds(gov);
  await gov.destroy();
});
