/**
 * Tallying a proposal as the SDK's x/gov does. Voting power is stake in the bonded validators, as
 * they are at the tally: a voter's delegation counts its shares × the validator's tokens / the
 * validator's shares; a validator's own vote counts what is left of its tokens once the
 * delegators who voted themselves are deducted, so delegators who did not vote inherit it.
 * Total power is the bonded tokens. Then quorum (voted / total), veto (no_with_veto / voted) and
 * threshold (yes / (voted - abstain)).
 * Powers are LegacyDec units (10^-18), rounded where the SDK rounds; ratios compare exactly.
 */
import { VoteOption, type Proposal, type TallyResult, type WeightedVoteOption } from "cosmjs-types/cosmos/gov/v1/gov";
import type { StoreSource } from "../../sdk/collections/collections.js";
import { toAccAddress } from "../../sdk/types/address.js";
import { DEC_ONE, decFromWire, decMul, decQuo, parseDec } from "../../sdk/types/dec.js";
import type { GovKeeper } from "./keeper.js";

export interface TallyOutcome {
  passes: boolean;
  /** Deposits are burned (veto, or no quorum when burn_vote_quorum), not refunded. */
  burnDeposits: boolean;
  tally: TallyResult;
}

/** A bonded validator during a tally (the SDK's ValidatorGovInfo). */
interface ValidatorGovInfo {
  bondedTokens: bigint;
  delegatorShares: bigint;
  /** Shares of delegators who voted themselves: their power is theirs, not the validator's. */
  deductions: bigint;
  /** The validator's own vote, when its operator voted. */
  vote?: WeightedVoteOption[];
}

/** Each option's power and the power that voted at all, in LegacyDec units (weighted votes split a voter's power). */
export function countVotes(ctx: StoreSource, keeper: GovKeeper, proposalId: bigint): { scaled: Map<VoteOption, bigint>; voted: bigint } {
  const scaled = new Map<VoteOption, bigint>([
    [VoteOption.VOTE_OPTION_YES, 0n],
    [VoteOption.VOTE_OPTION_ABSTAIN, 0n],
    [VoteOption.VOTE_OPTION_NO, 0n],
    [VoteOption.VOTE_OPTION_NO_WITH_VETO, 0n],
  ]);
  let voted = 0n;
  const count = (power: bigint, options: WeightedVoteOption[]) => {
    for (const option of options) scaled.set(option.option, scaled.get(option.option)! + decMul(power, parseDec(option.weight, "vote weight")));
    voted += power;
  };
  /** shares × bonded tokens / delegator shares, rounded as LegacyDec's Quo. */
  const worth = (v: ValidatorGovInfo, shares: bigint) => (v.delegatorShares === 0n ? 0n : decQuo(shares * v.bondedTokens, v.delegatorShares));

  const validators = new Map<string, ValidatorGovInfo>();
  for (const v of keeper.staking.bondedValidatorsByPower(ctx)) {
    validators.set(v.operatorAddress, { bondedTokens: BigInt(v.tokens || "0"), delegatorShares: decFromWire(v.delegatorShares), deductions: 0n });
  }
  for (const [voter, vote] of keeper.proposalVotes(ctx, proposalId)) {
    const asValidator = validators.get(toAccAddress(voter, keeper.options.validatorPrefix));
    if (asValidator) asValidator.vote = vote.options;
    for (const delegation of keeper.staking.delegatorDelegations(ctx, voter)) {
      const v = validators.get(delegation.validatorAddress);
      if (!v) continue;
      const shares = decFromWire(delegation.shares);
      v.deductions += shares;
      count(worth(v, shares), vote.options);
    }
  }
  // A validator that voted: its own delegation (counted above) is deducted with the others, so
  // what remains is exactly the shares of the delegators who left their vote to it.
  for (const v of validators.values()) if (v.vote) count(worth(v, v.delegatorShares - v.deductions), v.vote);
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

export function tally(ctx: StoreSource, keeper: GovKeeper, proposal: Proposal): TallyOutcome {
  const params = keeper.getParams(ctx);
  const { scaled, voted } = countVotes(ctx, keeper, proposal.id);
  const result = tallyResult(scaled);
  const total = keeper.staking.totalBondedTokens(ctx) * DEC_ONE;
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
