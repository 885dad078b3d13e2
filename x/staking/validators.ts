/**
 * A validator's life: created with a self-delegation (msg-server), its description and
 * commission edited, bonded and unbonded by the active set (validator-set.ts), jailed and
 * unjailed by slashing, removed once unbonded with no tokens and no shares.
 */
import { BondStatus, type Commission, type Description, type Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import type { Timestamp } from "cosmjs-types/google/protobuf/timestamp";
import type { Context } from "../../sdk/types/context.js";
import { ErrInvalidRequest } from "../../sdk/types/sdk-errors.js";
import { addDuration, toNanos } from "../../sdk/types/time.js";
import { DEC_ONE, decFromWire, decToWire } from "../../sdk/types/dec.js";
import { consAddressOf, fromValoper, type StakingKeeper } from "./keeper.js";
import { sharesOf, tokensOf } from "./shares.js";
import {
  BONDED_POOL,
  ErrCommissionChangeRateGTMaxRate,
  ErrCommissionChangeRateNegative,
  ErrCommissionGTMaxChangeRate,
  ErrCommissionGTMaxRate,
  ErrCommissionHuge,
  ErrCommissionLTMinRate,
  ErrCommissionNegative,
  ErrCommissionUpdateTime,
  MAX_DETAILS_LENGTH,
  MAX_IDENTITY_LENGTH,
  MAX_MONIKER_LENGTH,
  MAX_SECURITY_CONTACT_LENGTH,
  MAX_WEBSITE_LENGTH,
  NOT_BONDED_POOL,
} from "./types.js";

const DAY_NANOS = 86_400n * 1_000_000_000n;

/** Lengths as the SDK's Description.EnsureLength; names the field that is too long. */
export function checkDescription(d: Description): void {
  const limits: [keyof Description, number][] = [
    ["moniker", MAX_MONIKER_LENGTH],
    ["identity", MAX_IDENTITY_LENGTH],
    ["website", MAX_WEBSITE_LENGTH],
    ["securityContact", MAX_SECURITY_CONTACT_LENGTH],
    ["details", MAX_DETAILS_LENGTH],
  ];
  for (const [field, max] of limits) {
    if (d[field].length > max) throw ErrInvalidRequest.wrap(`invalid ${field} length; got: ${d[field].length}, max: ${max}`);
  }
}

/** Commission rates a validator is created with: each in [0, 1], rate and change rate within max. */
export function checkCommissionRates(rates: { rate: bigint; maxRate: bigint; maxChangeRate: bigint }): void {
  const { rate, maxRate, maxChangeRate } = rates;
  if (maxRate < 0n) throw ErrCommissionNegative.wrap("max_rate is negative");
  if (maxRate > DEC_ONE) throw ErrCommissionHuge.wrap("max_rate is above 1");
  if (rate < 0n) throw ErrCommissionNegative.wrap("rate is negative");
  if (rate > maxRate) throw ErrCommissionGTMaxRate.wrap("rate is above max_rate");
  if (maxChangeRate < 0n) throw ErrCommissionChangeRateNegative.wrap("max_change_rate is negative");
  if (maxChangeRate > maxRate) throw ErrCommissionChangeRateGTMaxRate.wrap("max_change_rate is above max_rate");
}

/** A new commission rate: at most once per 24 h of block time, within max and max change. */
export function newCommission(ctx: Context, current: Commission, newRate: bigint, minRate: bigint): Commission {
  const rates = current.commissionRates;
  if (toNanos(ctx.block.time) - toNanos(current.updateTime) < DAY_NANOS) {
    throw ErrCommissionUpdateTime.wrap(`last change at ${current.updateTime.seconds}s, block time ${ctx.block.time.seconds}s`);
  }
  if (newRate < 0n) throw ErrCommissionNegative.wrap("");
  if (newRate > decFromWire(rates.maxRate)) throw ErrCommissionGTMaxRate.wrap("");
  const change = newRate - decFromWire(rates.rate);
  if ((change < 0n ? -change : change) > decFromWire(rates.maxChangeRate)) throw ErrCommissionGTMaxChangeRate.wrap("");
  if (newRate < minRate) throw ErrCommissionLTMinRate.wrap("");
  return { commissionRates: { ...rates, rate: decToWire(newRate) }, updateTime: blockTime(ctx) };
}

export function blockTime(ctx: Context): Timestamp {
  return { seconds: ctx.block.time.seconds, nanos: ctx.block.time.nanos };
}

/** Unbonding or unbonded → bonded: its tokens move to the bonded pool. */
export function bondValidator(ctx: Context, keeper: StakingKeeper, v: Validator): Validator {
  keeper.deletePowerIndex(ctx, v);
  const bonded: Validator = { ...v, status: BondStatus.BOND_STATUS_BONDED, unbondingTime: { seconds: 0n, nanos: 0 }, unbondingHeight: 0n };
  deleteFromValidatorQueue(ctx, keeper, v);
  keeper.setValidator(ctx, bonded);
  keeper.setPowerIndex(ctx, bonded);
  keeper.movePoolTokens(ctx, NOT_BONDED_POOL, tokensOf(v));
  keeper.hooks.call("afterValidatorBonded", ctx, consAddressOf(v), fromValoper(v.operatorAddress));
  return bonded;
}

/** Bonded → unbonding: tokens move to the not-bonded pool; it matures after the unbonding time. */
export function beginUnbondingValidator(ctx: Context, keeper: StakingKeeper, v: Validator): Validator {
  keeper.deletePowerIndex(ctx, v);
  const unbonding: Validator = {
    ...v,
    status: BondStatus.BOND_STATUS_UNBONDING,
    unbondingTime: addDuration(ctx.block.time, keeper.getParams(ctx).unbondingTime),
    unbondingHeight: ctx.height,
  };
  keeper.setValidator(ctx, unbonding);
  keeper.setPowerIndex(ctx, unbonding);
  keeper.movePoolTokens(ctx, BONDED_POOL, tokensOf(v));
  keeper.validatorQueue.set(ctx, [[toNanos(unbonding.unbondingTime), unbonding.unbondingHeight], fromValoper(v.operatorAddress)], true);
  keeper.hooks.call("afterValidatorBeginUnbonding", ctx, consAddressOf(v), fromValoper(v.operatorAddress));
  return unbonding;
}

function deleteFromValidatorQueue(ctx: Context, keeper: StakingKeeper, v: Validator): void {
  if (v.status !== BondStatus.BOND_STATUS_UNBONDING) return;
  keeper.validatorQueue.delete(ctx, [[toNanos(v.unbondingTime), v.unbondingHeight], fromValoper(v.operatorAddress)]);
}

/** Removes a validator with no tokens and no shares left, once it is not bonded. */
export function removeValidatorIfEmpty(ctx: Context, keeper: StakingKeeper, v: Validator): boolean {
  if (v.status === BondStatus.BOND_STATUS_BONDED || tokensOf(v) !== 0n || sharesOf(v) !== 0n) return false;
  const operator = fromValoper(v.operatorAddress);
  const consAddress = consAddressOf(v);
  keeper.deletePowerIndex(ctx, v);
  deleteFromValidatorQueue(ctx, keeper, v);
  keeper.validators.delete(ctx, operator);
  keeper.validatorsByConsAddr.delete(ctx, consAddress);
  keeper.hooks.call("afterValidatorRemoved", ctx, consAddress, operator);
  return true;
}

/** Jails a validator: out of the power index, so the next end block drops it from the active set. */
export function jailValidator(ctx: Context, keeper: StakingKeeper, v: Validator): void {
  if (v.jailed) throw new Error(`validator ${v.operatorAddress} is already jailed`);
  keeper.deletePowerIndex(ctx, v);
  keeper.setValidator(ctx, { ...v, jailed: true });
}

export function unjailValidator(ctx: Context, keeper: StakingKeeper, v: Validator): void {
  if (!v.jailed) throw new Error(`validator ${v.operatorAddress} is not jailed`);
  const unjailed = { ...v, jailed: false };
  keeper.setValidator(ctx, unjailed);
  keeper.setPowerIndex(ctx, unjailed);
}
