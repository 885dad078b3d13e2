/** Distribution params: validation and the SDK's JSON shape (snake_case, decimal text). */
import type { Params } from "cosmjs-types/cosmos/distribution/v1beta1/distribution";
import { ErrInvalidRequest } from "../../sdk/types/sdk-errors.js";
import { DEC_ONE, decFromWire, formatDec, parseDec } from "../../sdk/types/dec.js";
import { defaultDistributionParams } from "./types.js";

/** Throws a clear error naming the first param out of range, as the SDK's Params.ValidateBasic. */
export function validateParams(p: Params | undefined): void {
  if (!p) throw ErrInvalidRequest.wrap("params are missing");
  const tax = decFromWire(p.communityTax);
  if (tax < 0n || tax > DEC_ONE) throw ErrInvalidRequest.wrap(`community_tax must be in [0, 1], got ${formatDec(tax)}`);
  if (decFromWire(p.baseProposerReward) < 0n) throw ErrInvalidRequest.wrap("base_proposer_reward must be non-negative");
  if (decFromWire(p.bonusProposerReward) < 0n) throw ErrInvalidRequest.wrap("bonus_proposer_reward must be non-negative");
}

export function paramsToJson(p: Params): Record<string, unknown> {
  return {
    community_tax: formatDec(decFromWire(p.communityTax)),
    base_proposer_reward: formatDec(decFromWire(p.baseProposerReward)),
    bonus_proposer_reward: formatDec(decFromWire(p.bonusProposerReward)),
    withdraw_addr_enabled: p.withdrawAddrEnabled,
  };
}

/** Params from the SDK's JSON; a missing field keeps its default. */
export function paramsFromJson(json: Record<string, unknown> | undefined): Params {
  const d = defaultDistributionParams();
  if (!json) return d;
  const dec = (key: string, fallback: string) => (json[key] === undefined ? fallback : parseDec(String(json[key]), key).toString());
  return {
    communityTax: dec("community_tax", d.communityTax),
    baseProposerReward: dec("base_proposer_reward", d.baseProposerReward),
    bonusProposerReward: dec("bonus_proposer_reward", d.bonusProposerReward),
    withdrawAddrEnabled: json.withdraw_addr_enabled === undefined ? d.withdrawAddrEnabled : Boolean(json.withdraw_addr_enabled),
  };
}
