/**
 * A delegation's rewards, as the SDK's delegation.go: stake times the growth of the cumulative
 * reward ratio since the delegation's starting period, cut by each slash in between. Nothing is
 * computed per block per delegator: rewards are reckoned when a delegation changes or withdraws.
 */
import type { Delegation, Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import type { StoreSource } from "../../sdk/collections/collections.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import type { Coins } from "../../sdk/types/coins.js";
import type { Context } from "../../sdk/types/context.js";
import { DEC_ONE, decFromWire, decMulTruncate } from "../../sdk/types/dec.js";
import { fromValoper, toValoper } from "../staking/keeper.js";
import { tokensFromShares, tokensFromSharesTruncated } from "../staking/shares.js";
import { DecCoins } from "./dec-coins.js";
import type { DistributionKeeper } from "./keeper.js";
import { cumulativeRatio, decrementReferenceCount, incrementReferenceCount, incrementValidatorPeriod } from "./periods.js";
import { DISTRIBUTION_ACCOUNT, ErrEmptyDelegationDistInfo, ErrNoValidatorCommission, EVENTS } from "./types.js";

/** Starts a delegation's rewards at the period just ended, with its stake in tokens (truncated). */
export function initializeDelegation(ctx: Context, keeper: DistributionKeeper, delegator: Uint8Array, validator: Uint8Array): void {
  const previousPeriod = keeper.currentRewards.get(ctx, validator)!.period - 1n;
  incrementReferenceCount(ctx, keeper, validator, previousPeriod);
  const v = keeper.staking.getValidator(ctx, validator)!;
  const delegation = keeper.staking.getDelegation(ctx, delegator, validator)!;
  const stake = tokensFromSharesTruncated(v, decFromWire(delegation.shares));
  keeper.startingInfos.set(ctx, [validator, delegator], { previousPeriod, stake: stake.toString(), height: ctx.height });
}

/** stake × (ratio at `ending` − ratio at `starting`), truncated. */
function rewardsBetween(ctx: StoreSource, keeper: DistributionKeeper, validator: Uint8Array, starting: bigint, ending: bigint, stake: bigint): DecCoins {
  if (starting > ending) throw new Error(`starting period ${starting} is after ending period ${ending}`);
  if (stake < 0n) throw new Error(`stake should not be negative, got ${stake}`);
  const difference = cumulativeRatio(ctx, keeper, validator, ending).sub(cumulativeRatio(ctx, keeper, validator, starting));
  return difference.mulDecTruncate(stake);
}

/** What a delegation has earned up to the end of `endingPeriod` (not yet paid). */
export function calculateDelegationRewards(ctx: Context, keeper: DistributionKeeper, v: Validator, d: Delegation, endingPeriod: bigint): DecCoins {
  const validator = fromValoper(v.operatorAddress);
  const info = keeper.startingInfos.get(ctx, [validator, fromAccAddress(d.delegatorAddress)]);
  if (!info) throw ErrEmptyDelegationDistInfo.wrap(`${d.delegatorAddress} has no rewards record with ${v.operatorAddress}`);
  if (info.height === ctx.height) return DecCoins.EMPTY;
  let startingPeriod = info.previousPeriod;
  let stake = decFromWire(info.stake);
  let rewards = DecCoins.EMPTY;
  // Slashes between the start and now each end a period: the stake before it earned that period.
  for (const [height, event] of keeper.validatorSlashEvents(ctx, validator)) {
    if (height <= info.height || height > ctx.height) continue;
    if (event.validatorPeriod > startingPeriod) {
      rewards = rewards.add(rewardsBetween(ctx, keeper, validator, startingPeriod, event.validatorPeriod, stake));
      stake = decMulTruncate(stake, DEC_ONE - decFromWire(event.fraction));
      startingPeriod = event.validatorPeriod;
    }
  }
  // The stake reckoned across slashes may exceed the current one by rounding: the SDK allows 3 units.
  const currentStake = tokensFromShares(v, decFromWire(d.shares));
  if (stake > currentStake) {
    if (stake > currentStake + 3n) throw new Error(`calculated final stake ${stake} of ${d.delegatorAddress} with ${v.operatorAddress} is greater than the current stake ${currentStake}`);
    stake = currentStake;
  }
  return rewards.add(rewardsBetween(ctx, keeper, validator, startingPeriod, endingPeriod, stake));
}

/**
 * Ends the validator's period and pays the delegation's rewards to its withdraw address: the
 * whole coins; the fractional change goes to the community pool. Removes the starting info (the
 * caller starts a new one if the delegation lives on). Returns the coins paid.
 */
export function withdrawDelegationRewards(ctx: Context, keeper: DistributionKeeper, v: Validator, d: Delegation): Coins {
  const validator = fromValoper(v.operatorAddress);
  const delegator = fromAccAddress(d.delegatorAddress);
  const info = keeper.startingInfos.get(ctx, [validator, delegator]);
  if (!info) throw ErrEmptyDelegationDistInfo.wrap(`${d.delegatorAddress} has no rewards record with ${v.operatorAddress}`);
  const endingPeriod = incrementValidatorPeriod(ctx, keeper, validator);
  const raw = calculateDelegationRewards(ctx, keeper, v, d, endingPeriod);
  const outstanding = keeper.outstanding(ctx, validator);
  // Rounding across periods may ask a last unit more than is outstanding: pay what there is.
  const rewards = raw.intersect(outstanding);
  if (raw.isAnyGreaterThan(rewards)) ctx.logger.info({ validator: v.operatorAddress, delegator: d.delegatorAddress }, "rounding error withdrawing rewards from validator");
  const { coins, change } = rewards.truncateDecimal();
  if (!coins.isZero()) keeper.bank.sendCoinsFromModuleToAccount(ctx, DISTRIBUTION_ACCOUNT, keeper.withdrawAddress(ctx, delegator), coins);
  keeper.setOutstanding(ctx, validator, outstanding.sub(rewards));
  keeper.addToCommunityPool(ctx, change);
  decrementReferenceCount(ctx, keeper, validator, info.previousPeriod);
  keeper.startingInfos.delete(ctx, [validator, delegator]);
  ctx.events.emit(EVENTS.withdrawRewards, { amount: coins.isZero() ? `0${keeper.staking.bondDenom(ctx)}` : coins.toString(), validator: v.operatorAddress, delegator: d.delegatorAddress });
  return coins;
}

/** Pays a validator's accumulated commission (whole coins) to its operator's withdraw address. */
export function withdrawValidatorCommission(ctx: Context, keeper: DistributionKeeper, validator: Uint8Array): Coins {
  const accumulated = keeper.commission(ctx, validator);
  if (accumulated.isZero) throw ErrNoValidatorCommission.wrap(`${toValoper(validator)} has no commission to withdraw`);
  const { coins, change } = accumulated.truncateDecimal();
  keeper.setCommission(ctx, validator, change);
  keeper.setOutstanding(ctx, validator, keeper.outstanding(ctx, validator).sub(DecCoins.fromCoins(coins)));
  if (!coins.isZero()) keeper.bank.sendCoinsFromModuleToAccount(ctx, DISTRIBUTION_ACCOUNT, keeper.withdrawAddress(ctx, validator), coins);
  ctx.events.emit(EVENTS.withdrawCommission, { amount: coins.toString(), validator: toValoper(validator), sender: toAccAddress(validator) });
  return coins;
}
