/** Staking params: validation and the SDK's JSON shape (snake_case, "1814400s", decimal text). */
import type { Params } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import { assertDenom } from "../../sdk/types/coins.js";
import { ErrInvalidRequest } from "../../sdk/types/sdk-errors.js";
import { durationFromJson, durationToJson, toNanos } from "../../sdk/types/time.js";
import { DEC_ONE, decFromWire, formatDec, parseDec } from "../../sdk/types/dec.js";
import { defaultStakingParams } from "./types.js";

/** Throws a clear error naming the first param out of range. */
export function validateParams(p: Params | undefined): void {
  if (!p) throw ErrInvalidRequest.wrap("params are missing");
  if (!p.unbondingTime || toNanos(p.unbondingTime) <= 0n) throw ErrInvalidRequest.wrap("unbonding_time must be positive");
  if (p.maxValidators <= 0) throw ErrInvalidRequest.wrap(`max_validators must be positive, got ${p.maxValidators}`);
  if (p.maxEntries <= 0) throw ErrInvalidRequest.wrap(`max_entries must be positive, got ${p.maxEntries}`);
  assertDenom(p.bondDenom);
  const minRate = decFromWire(p.minCommissionRate);
  if (minRate < 0n || minRate > DEC_ONE) throw ErrInvalidRequest.wrap(`min_commission_rate must be in [0, 1], got ${formatDec(minRate)}`);
}

export function paramsToJson(p: Params): Record<string, unknown> {
  return {
    unbonding_time: durationToJson(p.unbondingTime),
    max_validators: p.maxValidators,
    max_entries: p.maxEntries,
    historical_entries: p.historicalEntries,
    bond_denom: p.bondDenom,
    min_commission_rate: formatDec(decFromWire(p.minCommissionRate)),
  };
}

/** Params from the SDK's JSON; a missing field keeps its default. */
export function paramsFromJson(json: Record<string, unknown> | undefined): Params {
  const d = defaultStakingParams();
  if (!json) return d;
  const num = (key: string, fallback: number) => (json[key] === undefined ? fallback : Number(json[key]));
  return {
    unbondingTime: json.unbonding_time === undefined ? d.unbondingTime : durationFromJson(json.unbonding_time, "unbonding_time"),
    maxValidators: num("max_validators", d.maxValidators),
    maxEntries: num("max_entries", d.maxEntries),
    historicalEntries: num("historical_entries", d.historicalEntries),
    bondDenom: json.bond_denom === undefined ? d.bondDenom : String(json.bond_denom),
    minCommissionRate: json.min_commission_rate === undefined ? d.minCommissionRate : parseDec(String(json.min_commission_rate), "min_commission_rate").toString(),
  };
}
