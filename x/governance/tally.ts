/**
 * Tallying a proposal as the SDK does: quorum (voted power / total power), veto (no_with_veto /
 * voted) and threshold (yes / (voted - abstain)). Voting power is each voter's liquid balance of
 * the power denom when the tally runs; total power is that denom's supply minus module accounts.
 * Everything is integer arithmetic over powers scaled by 10^18.
 */
import { VoteOption, type Proposal, type TallyResult } from "cosmjs-types/cosmos/gov/v1/gov";
import type { StoreSource } from "../../sdk/collections/collections.js";
import { DEC_ONE, parseDec } from "./dec.js";
import type { GovKeeper } from "./keeper.js";

export interface TallyOutcome {
  passes: boolean;
  /** Deposits are burned (veto, or no quorum when burn_vote_quorum), not refunded. */
  burnDeposits: boolean;
  tally: TallyResult;
}

/** Sums of each option's power, scaled by 10^18 (weighted votes split a voter's power). */
export function countVotes(ctx: StoreSource, keeper: GovKeeper, proposalId: bigint): { scaled: Map<VoteOption, bigint>; voted: bigint } {
  const scaled = new Map<VoteOption, bigint>([
    [VoteOption.VOTE_OPTION_YES, 0n],
    [VoteOption.VOTE_OPTION_ABSTAIN, 0n],
    [VoteOption.VOTE_OPTION_NO, 0n],
    [VoteOption.VOTE_OPTION_NO_WITH_VETO, 0n],
  ]);
  let voted = 0n;
  for (const [voter, vote] of keeper.proposalVotes(ctx, proposalId)) {
    const power = keeper.bank.getBalance(ctx, voter, keeper.options.powerDenom);
    if (power === 0n) continue;
    for (const option of vote.options) {
      scaled.set(option.option, scaled.get(option.option)! + power * parseDec(option.weight, "vote weight"));
    }
    voted += power * DEC_ONE;
  }
  return { scaled, voted };
}

export function tallyResult(scaled: Map<VoteOption, bigint>): TallyResult {
  const count = (o: VoteOption) => (scaled.get(o)! / DEC_ONE).toString();
  return {
    yesCount: count(VoteOption.VOTE_OPTION_YES),
    abstainCount: count(VoteOption.VOTE_OPTION_ABSTAIN),
    noCount: count(VoteOption.VOTE_OPTION_NO),
    noWithVetoCount: count(VoteOption.VOTE_OPTION_NO_WITH_VETO),
  };
}

/** Total voting power: supply of the power denom not held by module accounts. */
export function totalPower(ctx: StoreSource, keeper: GovKeeper): bigint {
  const denom = keeper.options.powerDenom;
  let held = 0n;
  for (const name of keeper.options.moduleAccounts) held += keeper.bank.getBalance(ctx, keeper.accounts.moduleAddress(name), denom);
  return keeper.bank.getSupply(ctx, denom) - held;
}

export function tally(ctx: StoreSource, keeper: GovKeeper, proposal: Proposal): TallyOutcome {
  const params = keeper.getParams(ctx);
  const { scaled, voted } = countVotes(ctx, keeper, proposal.id);
  const result = tallyResult(scaled);
  const total = totalPower(ctx, keeper) * DEC_ONE;
  if (total <= 0n) return { passes: false, burnDeposits: false, tally: result };
  // voted / total < quorum, compared exactly by cross-multiplying.
  if (voted * DEC_ONE < parseDec(params.quorum, "quorum") * total) return { passes: false, burnDeposits: params.burnVoteQuorum, tally: result };
  const nonAbstain = voted - scaled.get(VoteOption.VOTE_OPTION_ABSTAIN)!;
  if (nonAbstain <= 0n) return { passes: false, burnDeposits: false, tally: result };
  if (scaled.get(VoteOption.VOTE_OPTION_NO_WITH_VETO)! * DEC_ONE > parseDec(params.vetoThreshold, "veto_threshold") * voted) {
    return { passes: false, burnDeposits: params.burnVoteVeto, tally: result };
  }
  const threshold = parseDec(proposal.expedited ? params.expeditedThreshold : params.threshold, "threshold");
  const passes = scaled.get(VoteOption.VOTE_OPTION_YES)! * DEC_ONE > threshold * nonAbstain;
  return { passes, burnDeposits: false, tally: result };
}
