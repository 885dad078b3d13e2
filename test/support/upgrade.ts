/** Helpers to schedule, cancel and read upgrade plans the way governance and clients do. */
import assert from "node:assert/strict";
import { VoteOption } from "cosmjs-types/cosmos/gov/v1/gov";
import { QueryAppliedPlanRequest, QueryAppliedPlanResponse, QueryCurrentPlanRequest, QueryCurrentPlanResponse } from "cosmjs-types/cosmos/upgrade/v1beta1/query";
import { MsgCancelUpgrade, MsgSoftwareUpgrade } from "cosmjs-types/cosmos/upgrade/v1beta1/tx";
import type { Plan } from "cosmjs-types/cosmos/upgrade/v1beta1/upgrade";
import type { TestChain } from "./chain.js";
import type { EncodedMsg, GovChain } from "./governance.js";

export function softwareUpgrade(authority: string, plan: { name: string; height: bigint; info?: string }): EncodedMsg {
  const msg = MsgSoftwareUpgrade.fromPartial({ authority, plan: { name: plan.name, height: plan.height, info: plan.info ?? "" } });
  return { typeUrl: MsgSoftwareUpgrade.typeUrl, value: MsgSoftwareUpgrade.encode(msg).finish() };
}

export function cancelUpgrade(authority: string): EncodedMsg {
  return { typeUrl: MsgCancelUpgrade.typeUrl, value: MsgCancelUpgrade.encode({ authority }).finish() };
}

/** Submits `messages` as a proposal, votes yes with everyone, and waits out the voting period; returns the proposal id. */
export async function passProposal(gov: GovChain, messages: EncodedMsg[]): Promise<bigint> {
  const id = await gov.propose(gov.members[0]!, messages, 1_000n);
  for (const member of gov.members) assert.equal((await gov.vote(member, id, VoteOption.VOTE_OPTION_YES)).code, 0);
  gov.advance(10);
  return id;
}

export function currentPlan(chain: TestChain): Plan | undefined {
  const res = chain.query("/cosmos.upgrade.v1beta1.Query/CurrentPlan", QueryCurrentPlanRequest.encode({}).finish());
  assert.equal(res.code, 0, res.log);
  return QueryCurrentPlanResponse.decode(res.value).plan;
}

/** The height `name` was applied at; 0 when it never was. */
export function appliedPlan(chain: TestChain, name: string): bigint {
  const res = chain.query("/cosmos.upgrade.v1beta1.Query/AppliedPlan", QueryAppliedPlanRequest.encode({ name }).finish());
  assert.equal(res.code, 0, res.log);
  return QueryAppliedPlanResponse.decode(res.value).height;
}
