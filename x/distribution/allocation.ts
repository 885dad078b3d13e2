/**
 * Fee allocation at the start of each block, as the SDK's allocation.go: the fees the previous
 * block collected move to the distribution account; community_tax of them (and every rounding
 * remainder) go to the community pool, the rest to the validators that signed the previous block,
 * in proportion to their power; each validator's commission rate of its share is its commission.
 */
import { BlockIDFlag } from "cosmjs-types/tendermint/types/validator";
import type { Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import type { Context } from "../../sdk/types/context.js";
import { DEC_ONE, decFromWire } from "../../sdk/types/dec.js";
import { fromValoper } from "../staking/keeper.js";
import { DecCoins } from "./dec-coins.js";
import type { DistributionKeeper } from "./keeper.js";
import { DISTRIBUTION_ACCOUNT, EVENTS } from "./types.js";

/** Splits `tokens` between the validator's commission and its delegators' current rewards. */
export function allocateTokensToValidator(ctx: Context, keeper: DistributionKeeper, v: Validator, tokens: DecCoins): void {
  const validator = fromValoper(v.operatorAddress);
  const commission = tokens.mulDec(decFromWire(v.commission.commissionRates.rate));
  const shared = tokens.sub(commission);
  ctx.events.emit(EVENTS.commission, { amount: commission.toString(), validator: v.operatorAddress });
  keeper.setCommission(ctx, validator, keeper.commission(ctx, validator).add(commission));
  const current = keeper.currentRewards.get(ctx, validator);
  if (!current) throw new Error(`no current rewards of ${v.operatorAddress}: distribution never heard of its creation`);
  keeper.currentRewards.set(ctx, validator, { ...current, rewards: DecCoins.fromProto(current.rewards).add(shared).toProto() });
  ctx.events.emit(EVENTS.rewards, { amount: tokens.toString(), validator: v.operatorAddress });
  keeper.setOutstanding(ctx, validator, keeper.outstanding(ctx, validator).add(tokens));
}

/** Allocates the fee collector's balance by the previous block's signed votes. */
export function allocateTokens(ctx: Context, keeper: DistributionKeeper): void {
  const collector = keeper.accounts.moduleAddress(keeper.feeCollector);
  const feesCollected = keeper.bank.getAllBalances(ctx, collector);
  if (!feesCollected.isZero()) keeper.bank.sendCoinsFromModuleToModule(ctx, keeper.feeCollector, DISTRIBUTION_ACCOUNT, feesCollected);
  const fees = DecCoins.fromCoins(feesCollected);
  const votes = (ctx.block.decidedLastCommit?.votes ?? []).filter((vote) => vote.blockIdFlag === BlockIDFlag.BLOCK_ID_FLAG_COMMIT);
  const totalPower = votes.reduce((sum, vote) => sum + vote.validator.power, 0n);
  // No signed power to share by (the first block, a chain without votes): all to the community pool.
  if (totalPower === 0n) {
    keeper.addToCommunityPool(ctx, fees);
    return;
  }
  let remaining = fees;
  const toValidators = fees.mulDecTruncate(DEC_ONE - decFromWire(keeper.getParams(ctx).communityTax));
  for (const vote of votes) {
    const v = keeper.staking.validatorByConsAddr(ctx, vote.validator.address);
    // A validator removed since it signed has no rewards record: its share stays with the pool.
    if (!v || !keeper.currentRewards.has(ctx, fromValoper(v.operatorAddress))) continue;
    const powerFraction = (vote.validator.power * DEC_ONE * DEC_ONE) / (totalPower * DEC_ONE);
    const reward = toValidators.mulDecTruncate(powerFraction);
    allocateTokensToValidator(ctx, keeper, v, reward);
    remaining = remaining.sub(reward);
  }
  keeper.addToCommunityPool(ctx, remaining);
}

/** The module's begin block: from height 2 on (block 1 has no previous commit), as the SDK. */
export function distributionBeginBlock(ctx: Context, keeper: DistributionKeeper): void {
  if (ctx.height > 1n) allocateTokens(ctx, keeper);
}
