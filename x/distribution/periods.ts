/**
 * F1 periods of a validator, as the SDK's validator.go: each change to its delegations ends a
 * period, whose rewards per token are added to the cumulative reward ratio; a historical ratio
 * lives as long as a delegation's starting info or a slash event refers to it.
 */
import type { StoreSource } from "../../sdk/collections/collections.js";
import { toValoper } from "../staking/keeper.js";
import { tokensOf } from "../staking/shares.js";
import { DEC_ONE } from "../../sdk/types/dec.js";
import { DecCoins } from "./dec-coins.js";
import type { DistributionKeeper } from "./keeper.js";
import { ErrNoValidatorExists } from "./types.js";

/** A new validator: period 0 holds a zero ratio (referenced once), current rewards start at period 1. */
export function initializeValidator(ctx: StoreSource, keeper: DistributionKeeper, validator: Uint8Array): void {
  keeper.historicalRewards.set(ctx, [validator, 0n], { cumulativeRewardRatio: [], referenceCount: 1 });
  keeper.currentRewards.set(ctx, validator, { rewards: [], period: 1n });
  keeper.setCommission(ctx, validator, DecCoins.EMPTY);
  keeper.setOutstanding(ctx, validator, DecCoins.EMPTY);
}

export function cumulativeRatio(ctx: StoreSource, keeper: DistributionKeeper, validator: Uint8Array, period: bigint): DecCoins {
  const historical = keeper.historicalRewards.get(ctx, [validator, period]);
  if (!historical) throw new Error(`no historical rewards of ${toValoper(validator)} at period ${period}`);
  return DecCoins.fromProto(historical.cumulativeRewardRatio);
}

export function incrementReferenceCount(ctx: StoreSource, keeper: DistributionKeeper, validator: Uint8Array, period: bigint): void {
  const historical = keeper.historicalRewards.get(ctx, [validator, period]);
  if (!historical) throw new Error(`no historical rewards of ${toValoper(validator)} at period ${period}`);
  if (historical.referenceCount > 2) throw new Error(`reference count of ${toValoper(validator)} period ${period} should never exceed 2`);
  keeper.historicalRewards.set(ctx, [validator, period], { ...historical, referenceCount: historical.referenceCount + 1 });
}

/** Drops a reference; the ratio is deleted when nothing refers to it any more. */
export function decrementReferenceCount(ctx: StoreSource, keeper: DistributionKeeper, validator: Uint8Array, period: bigint): void {
  const historical = keeper.historicalRewards.get(ctx, [validator, period]);
  if (!historical || historical.referenceCount === 0) throw new Error(`cannot set a negative reference count of ${toValoper(validator)} period ${period}`);
  if (historical.referenceCount === 1) keeper.historicalRewards.delete(ctx, [validator, period]);
  else keeper.historicalRewards.set(ctx, [validator, period], { ...historical, referenceCount: historical.referenceCount - 1 });
}

/**
 * Ends the validator's current period: its rewards divided by its tokens (truncated) are added
 * to the cumulative ratio. A validator without tokens has no ratio: its current rewards go to the
 * community pool. Returns the period just ended.
 */
export function incrementValidatorPeriod(ctx: StoreSource, keeper: DistributionKeeper, validator: Uint8Array): bigint {
  const v = keeper.staking.getValidator(ctx, validator);
  if (!v) throw ErrNoValidatorExists.wrap(toValoper(validator));
  const current = keeper.currentRewards.get(ctx, validator);
  if (!current) throw new Error(`no current rewards of ${toValoper(validator)}`);
  const rewards = DecCoins.fromProto(current.rewards);
  let perToken = DecCoins.EMPTY;
  if (tokensOf(v) === 0n) {
    keeper.addToCommunityPool(ctx, rewards);
    keeper.setOutstanding(ctx, validator, keeper.outstanding(ctx, validator).sub(rewards));
  } else {
    perToken = rewards.quoDecTruncate(tokensOf(v) * DEC_ONE);
  }
  const previous = cumulativeRatio(ctx, keeper, validator, current.period - 1n);
  decrementReferenceCount(ctx, keeper, validator, current.period - 1n);
  keeper.historicalRewards.set(ctx, [validator, current.period], { cumulativeRewardRatio: previous.add(perToken).toProto(), referenceCount: 1 });
  keeper.currentRewards.set(ctx, validator, { rewards: [], period: current.period + 1n });
  return current.period;
}

/** A slash of `fraction` (10^-18 units) ends a period and records the event delegations will read. */
export function updateValidatorSlashFraction(ctx: StoreSource & { height: bigint }, keeper: DistributionKeeper, validator: Uint8Array, fraction: bigint): void {
  if (fraction < 0n || fraction > DEC_ONE) throw new Error(`slash fraction must be within [0, 1], got ${fraction}`);
  const period = incrementValidatorPeriod(ctx, keeper, validator);
  incrementReferenceCount(ctx, keeper, validator, period);
  keeper.slashEvents.set(ctx, [[validator, ctx.height], period], { validatorPeriod: period, fraction: fraction.toString() });
}
