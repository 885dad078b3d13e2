/**
 * The end of each block: proposals whose deposit period ended without enough deposit are dropped;
 * proposals whose voting period ended are tallied and, when they pass, their messages run.
 */
import { ProposalStatus, type Proposal } from "cosmjs-types/cosmos/gov/v1/gov";
import { branch } from "../../sdk/store/multistore.js";
import type { Context } from "../../sdk/types/context.js";
import type { GovKeeper } from "./keeper.js";
import { tally } from "./tally.js";
import { addDuration, toNanos } from "../../sdk/types/time.js";
import { EVENTS } from "./types.js";

export function governanceEndBlock(ctx: Context, keeper: GovKeeper): void {
  const now = toNanos(ctx.block.time);
  for (const [[, id]] of dueEntries(keeper.inactiveQueue.entries(ctx), now)) dropProposal(ctx, keeper, id);
  for (const [[, id]] of dueEntries(keeper.activeQueue.entries(ctx), now)) endVoting(ctx, keeper, keeper.getProposal(ctx, id));
}

/** Queue entries whose end time is at or before `now`, collected before any is removed. */
function dueEntries(entries: Iterable<[[bigint, bigint], bigint]>, now: bigint): [[bigint, bigint], bigint][] {
  const due: [[bigint, bigint], bigint][] = [];
  for (const entry of entries) {
    if (entry[0][0] > now) break;
    due.push(entry);
  }
  return due;
}

function dropProposal(ctx: Context, keeper: GovKeeper, id: bigint): void {
  const proposal = keeper.getProposal(ctx, id);
  keeper.deleteProposal(ctx, proposal);
  if (keeper.getParams(ctx).burnProposalDepositPrevote) keeper.deleteAndBurnDeposits(ctx, id);
  else keeper.refundAndDeleteDeposits(ctx, id);
  ctx.events.emit(EVENTS.inactiveProposal, { proposal_id: String(id), proposal_result: EVENTS.dropped });
}

function endVoting(ctx: Context, keeper: GovKeeper, proposal: Proposal): void {
  const { passes, burnDeposits, tally: result } = tally(ctx, keeper, proposal);
  keeper.activeQueue.delete(ctx, [toNanos(proposal.votingEndTime!), proposal.id]);
  // A failing expedited proposal becomes a regular one: its deposits and votes stay for the second tally.
  const convert = proposal.expedited && !passes;
  if (!convert) {
    if (burnDeposits) keeper.deleteAndBurnDeposits(ctx, proposal.id);
    else keeper.refundAndDeleteDeposits(ctx, proposal.id);
    keeper.deleteVotes(ctx, proposal.id);
  }
  let outcome: string;
  let log: string;
  if (passes) {
    const failure = executeMessages(ctx, keeper, proposal);
    if (failure === undefined) {
      proposal.status = ProposalStatus.PROPOSAL_STATUS_PASSED;
      outcome = EVENTS.passed;
      log = "passed";
    } else {
      proposal.status = ProposalStatus.PROPOSAL_STATUS_FAILED;
      proposal.failedReason = failure;
      outcome = EVENTS.failed;
      log = `passed, but ${failure}`;
    }
  } else if (convert) {
    proposal.expedited = false;
    proposal.votingEndTime = addDuration(proposal.votingStartTime!, keeper.getParams(ctx).votingPeriod);
    keeper.activeQueue.set(ctx, [toNanos(proposal.votingEndTime), proposal.id], proposal.id);
    outcome = EVENTS.expeditedRejected;
    log = "expedited proposal converted to regular";
  } else {
    proposal.status = ProposalStatus.PROPOSAL_STATUS_REJECTED;
    proposal.failedReason = "proposal did not get enough votes to pass";
    outcome = EVENTS.rejected;
    log = "rejected";
  }
  proposal.finalTallyResult = result;
  keeper.proposals.set(ctx, proposal.id, proposal);
  ctx.events.emit(EVENTS.activeProposal, { proposal_id: String(proposal.id), proposal_result: outcome, proposal_log: log });
}

/**
 * Runs every message of a passed proposal in one branch, through the router (admission checks
 * included): all are kept or none. Returns why it failed, or undefined when all succeeded.
 */
function executeMessages(ctx: Context, keeper: GovKeeper, proposal: Proposal): string | undefined {
  const store = branch(ctx.multiStore);
  const branchCtx = ctx.withStore(store);
  for (const [index, any] of proposal.messages.entries()) {
    try {
      const route = keeper.router.route(any.typeUrl);
      if (!route) throw new Error(`no message handler for ${any.typeUrl}`);
      keeper.router.dispatch(branchCtx, { typeUrl: any.typeUrl, value: route.type.decode(any.value) });
    } catch (err) {
      return `message ${index} (${any.typeUrl}) failed on execution: ${(err as Error).message}`;
    }
  }
  store.write();
  ctx.events.emitAll(branchCtx.events.events);
  return undefined;
}
