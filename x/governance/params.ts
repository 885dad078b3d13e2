/** Governance params: validation and the SDK's JSON shape (snake_case, durations as "172800s"). */
import type { Params } from "cosmjs-types/cosmos/gov/v1/gov";
import { fromAccAddress } from "../../sdk/types/address.js";
import { Coins } from "../../sdk/types/coins.js";
import { ErrInvalidRequest } from "../../sdk/types/sdk-errors.js";
import { DEC_ONE, parseDec } from "../../sdk/types/dec.js";
import { durationFromJson, durationToJson, toNanos } from "../../sdk/types/time.js";
import { defaultGovParams } from "./types.js";

/** Throws a clear error naming the first param out of range. */
export function validateParams(p: Params): void {
  const minDeposit = Coins.fromProto(p.minDeposit);
  const expeditedMinDeposit = Coins.fromProto(p.expeditedMinDeposit);
  if (minDeposit.isZero()) throw ErrInvalidRequest.wrap("min_deposit must be positive");
  if (!expeditedMinDeposit.isAllGTE(minDeposit) || expeditedMinDeposit.toString() === minDeposit.toString()) {
    throw ErrInvalidRequest.wrap(`expedited_min_deposit ${expeditedMinDeposit} must be greater than min_deposit ${minDeposit}`);
  }
  for (const [name, d] of [["max_deposit_period", p.maxDepositPeriod], ["voting_period", p.votingPeriod], ["expedited_voting_period", p.expeditedVotingPeriod]] as const) {
    if (!d || toNanos(d) <= 0n) throw ErrInvalidRequest.wrap(`${name} must be positive`);
  }
  if (toNanos(p.expeditedVotingPeriod!) >= toNanos(p.votingPeriod!)) throw ErrInvalidRequest.wrap("expedited_voting_period must be shorter than voting_period");
  const ratio = (name: string, text: string, allowZero: boolean) => {
    const v = parseDec(text, name);
    if (v > DEC_ONE || (!allowZero && v === 0n)) throw ErrInvalidRequest.wrap(`${name} must be ${allowZero ? "in [0, 1]" : "in (0, 1]"}, got ${text}`);
    return v;
  };
  ratio("quorum", p.quorum, false);
  const threshold = ratio("threshold", p.threshold, false);
  const expedited = ratio("expedited_threshold", p.expeditedThreshold, false);
  if (expedited <= threshold) throw ErrInvalidRequest.wrap(`expedited_threshold ${p.expeditedThreshold} must be greater than threshold ${p.threshold}`);
  ratio("veto_threshold", p.vetoThreshold, false);
  ratio("min_initial_deposit_ratio", p.minInitialDepositRatio, true);
  ratio("proposal_cancel_ratio", p.proposalCancelRatio, true);
  ratio("min_deposit_ratio", p.minDepositRatio || "0", true);
  if (p.proposalCancelDest !== "") fromAccAddress(p.proposalCancelDest);
}

export function paramsToJson(p: Params): Record<string, unknown> {
  return {
    min_deposit: p.minDeposit,
    max_deposit_period: durationToJson(p.maxDepositPeriod),
    voting_period: durationToJson(p.votingPeriod),
    quorum: p.quorum,
    threshold: p.threshold,
    veto_threshold: p.vetoThreshold,
    min_initial_deposit_ratio: p.minInitialDepositRatio,
    proposal_cancel_ratio: p.proposalCancelRatio,
    proposal_cancel_dest: p.proposalCancelDest,
    expedited_voting_period: durationToJson(p.expeditedVotingPeriod),
    expedited_threshold: p.expeditedThreshold,
    expedited_min_deposit: p.expeditedMinDeposit,
    burn_vote_quorum: p.burnVoteQuorum,
    burn_proposal_deposit_prevote: p.burnProposalDepositPrevote,
    burn_vote_veto: p.burnVoteVeto,
    min_deposit_ratio: p.minDepositRatio,
  };
}

/** Params from the SDK's JSON; a missing field keeps its default. */
export function paramsFromJson(json: Record<string, unknown> | undefined): Params {
  const d = defaultGovParams();
  if (!json) return d;
  const get = <T>(key: string, fallback: T): T => (json[key] === undefined ? fallback : (json[key] as T));
  const coins = (key: string, fallback: Params["minDeposit"]) => get(key, fallback).map((c) => ({ denom: c.denom, amount: String(c.amount) }));
  const duration = (key: string, fallback: Params["votingPeriod"]) => (json[key] === undefined ? fallback : durationFromJson(json[key], key));
  return {
    minDeposit: coins("min_deposit", d.minDeposit),
    maxDepositPeriod: duration("max_deposit_period", d.maxDepositPeriod),
    votingPeriod: duration("voting_period", d.votingPeriod),
    quorum: get("quorum", d.quorum),
    threshold: get("threshold", d.threshold),
    vetoThreshold: get("veto_threshold", d.vetoThreshold),
    minInitialDepositRatio: get("min_initial_deposit_ratio", d.minInitialDepositRatio),
    proposalCancelRatio: get("proposal_cancel_ratio", d.proposalCancelRatio),
    proposalCancelDest: get("proposal_cancel_dest", d.proposalCancelDest),
    expeditedVotingPeriod: duration("expedited_voting_period", d.expeditedVotingPeriod),
    expeditedThreshold: get("expedited_threshold", d.expeditedThreshold),
    expeditedMinDeposit: coins("expedited_min_deposit", d.expeditedMinDeposit),
    burnVoteQuorum: get("burn_vote_quorum", d.burnVoteQuorum),
    burnProposalDepositPrevote: get("burn_proposal_deposit_prevote", d.burnProposalDepositPrevote),
    burnVoteVeto: get("burn_vote_veto", d.burnVoteVeto),
    minDepositRatio: get("min_deposit_ratio", d.minDepositRatio),
  };
}
