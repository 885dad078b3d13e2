/**
 * A validator's exchange rate between tokens and delegator shares, as the SDK's Validator
 * methods: shares are LegacyDec units, tokens integers; each rounding is the SDK's.
 */
import type { Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import { decFromInt, decFromWire, decQuo, decToWire, decTruncate } from "../../sdk/types/dec.js";
import { ErrInsufficientShares, POWER_REDUCTION } from "./types.js";

export function tokensOf(v: Validator): bigint {
  return BigInt(v.tokens || "0");
}

export function sharesOf(v: Validator): bigint {
  return decFromWire(v.delegatorShares);
}

/** Shares `amount` tokens buy now (truncated). */
export function sharesFromTokens(v: Validator, amount: bigint): bigint {
  const tokens = tokensOf(v);
  if (tokens === 0n) throw ErrInsufficientShares.wrap(`validator ${v.operatorAddress} has no tokens`);
  return (sharesOf(v) * amount) / tokens;
}

/** Tokens `shares` are worth now, in LegacyDec units (rounded). */
export function tokensFromShares(v: Validator, shares: bigint): bigint {
  return decQuo(shares * tokensOf(v), sharesOf(v));
}

/** Tokens `shares` are worth now, in LegacyDec units, truncated. */
export function tokensFromSharesTruncated(v: Validator, shares: bigint): bigint {
  return (shares * tokensOf(v) * 10n ** 18n) / sharesOf(v);
}

/** Tokens were removed by a slash and shares stayed: shares then trade for fewer tokens. */
export function invalidExchangeRate(v: Validator): boolean {
  return tokensOf(v) === 0n && sharesOf(v) > 0n;
}

/** Adds delegated tokens; returns the validator and the shares issued for them. */
export function addTokensFromDelegation(v: Validator, amount: bigint): { validator: Validator; shares: bigint } {
  const shares = sharesOf(v) === 0n ? decFromInt(amount) : sharesFromTokens(v, amount);
  return {
    validator: { ...v, tokens: (tokensOf(v) + amount).toString(), delegatorShares: decToWire(sharesOf(v) + shares) },
    shares,
  };
}

/** Removes delegator shares; returns the validator and the tokens they were worth. */
export function removeDelegatorShares(v: Validator, shares: bigint): { validator: Validator; tokens: bigint } {
  const remaining = sharesOf(v) - shares;
  const tokens = remaining === 0n ? tokensOf(v) : decTruncate(tokensFromShares(v, shares));
  const left = tokensOf(v) - tokens;
  if (left < 0n) throw new Error(`removing ${shares} shares of ${v.operatorAddress} would leave negative tokens`);
  return { validator: { ...v, tokens: left.toString(), delegatorShares: decToWire(remaining) }, tokens };
}

export function consensusPower(tokens: bigint): bigint {
  return tokens / POWER_REDUCTION;
}
