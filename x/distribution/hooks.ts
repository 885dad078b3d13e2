/**
 * What distribution does when staking changes, as the SDK's hooks.go: a new validator gets its
 * reward records; a delegation about to change is paid out and starts again after the change; a
 * slash ends a period; a removed validator's commission is paid and its dust goes to the pool.
 */
import { bytesKey } from "../../sdk/collections/codecs.js";
import type { Context } from "../../sdk/types/context.js";
import { toValoper } from "../staking/keeper.js";
import type { StakingHooks } from "../staking/hooks.js";
import type { DistributionKeeper } from "./keeper.js";
import { incrementValidatorPeriod, initializeValidator, updateValidatorSlashFraction } from "./periods.js";
import { initializeDelegation, withdrawDelegationRewards } from "./rewards.js";
import { DISTRIBUTION_ACCOUNT, ErrNoDelegationExists, ErrNoValidatorExists } from "./types.js";

export function distributionHooks(keeper: DistributionKeeper): StakingHooks {
  const validatorOf = (ctx: Context, validator: Uint8Array) => {
    const v = keeper.staking.getValidator(ctx, validator);
    if (!v) throw ErrNoValidatorExists.wrap(toValoper(validator));
    return v;
  };
  return {
    afterValidatorCreated(ctx, validator) {
      initializeValidator(ctx, keeper, validator);
    },
    beforeDelegationCreated(ctx, _delegator, validator) {
      incrementValidatorPeriod(ctx, keeper, validator);
    },
    beforeDelegationSharesModified(ctx, delegator, validator) {
      const d = keeper.staking.getDelegation(ctx, delegator, validator);
      if (!d) throw ErrNoDelegationExists.wrap("");
      withdrawDelegationRewards(ctx, keeper, validatorOf(ctx, validator), d);
    },
    afterDelegationModified(ctx, delegator, validator) {
      initializeDelegation(ctx, keeper, delegator, validator);
    },
    beforeValidatorSlashed(ctx, validator, fraction) {
      updateValidatorSlashFraction(ctx, keeper, validator, fraction);
    },
    afterValidatorRemoved(ctx, _consAddress, validator) {
      removeValidatorRecords(ctx, keeper, validator);
    },
  };
}

/** Pays what commission there is, sends the rest of the outstanding rewards (dust) to the pool, forgets the validator. */
function removeValidatorRecords(ctx: Context, keeper: DistributionKeeper, validator: Uint8Array): void {
  let outstanding = keeper.outstanding(ctx, validator);
  const commission = keeper.commission(ctx, validator);
  if (!commission.isZero) {
    outstanding = outstanding.sub(commission);
    const { coins, change } = commission.truncateDecimal();
    keeper.addToCommunityPool(ctx, change);
    if (!coins.isZero()) keeper.bank.sendCoinsFromModuleToAccount(ctx, DISTRIBUTION_ACCOUNT, keeper.withdrawAddress(ctx, validator), coins);
  }
  keeper.addToCommunityPool(ctx, outstanding);
  keeper.outstandingRewards.delete(ctx, validator);
  keeper.accumulatedCommission.delete(ctx, validator);
  const under = bytesKey.encodeNonTerminal(validator);
  for (const [key] of [...keeper.slashEvents.entries(ctx, under)]) keeper.slashEvents.delete(ctx, key);
  for (const [key] of [...keeper.historicalRewards.entries(ctx, under)]) keeper.historicalRewards.delete(ctx, key);
  keeper.currentRewards.delete(ctx, validator);
}
