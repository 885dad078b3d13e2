/**
 * Distribution's invariants, as the SDK's: no outstanding rewards are negative; every delegator
 * and validator could withdraw everything it is owed at once; historical reward reference counts
 * match what refers to them; the module account holds the outstanding rewards plus the community
 * pool (truncated).
 */
import type { InvariantRegistry, InvariantResult } from "../../sdk/invariants/registry.js";
import { branch } from "../../sdk/store/multistore.js";
import { keyToString } from "../../sdk/store/keys.js";
import type { Context } from "../../sdk/types/context.js";
import { decFromWire } from "../../sdk/types/dec.js";
import { toValoper } from "../staking/keeper.js";
import { DecCoins } from "./dec-coins.js";
import type { DistributionKeeper } from "./keeper.js";
import { withdrawDelegationRewards, withdrawValidatorCommission } from "./rewards.js";
import { DISTRIBUTION_MODULE } from "./types.js";

export function nonNegativeOutstandingInvariant(ctx: Context, keeper: DistributionKeeper): InvariantResult {
  for (const [validator, o] of keeper.outstandingRewards.entries(ctx)) {
    const negative = o.rewards.find((c) => decFromWire(c.amount) < 0n);
    if (negative) return { broken: true, message: `validator ${toValoper(validator)} has negative outstanding rewards of ${negative.denom} (broken)` };
  }
  return { broken: false, message: "no validator has negative outstanding rewards" };
}

/** Withdraws every commission and every delegation's rewards on a throwaway branch. */
export function canWithdrawInvariant(ctx: Context, keeper: DistributionKeeper): InvariantResult {
  const scratch = ctx.withStore(branch(ctx.multiStore));
  for (const [validator] of [...keeper.currentRewards.entries(scratch)]) {
    if (!keeper.commission(scratch, validator).isZero) withdrawValidatorCommission(scratch, keeper, validator);
    const v = keeper.staking.getValidator(scratch, validator);
    if (!v) return { broken: true, message: `distribution has records of ${toValoper(validator)}, staking has no such validator (broken)` };
    for (const d of [...keeper.staking.validatorDelegations(scratch, validator)]) {
      withdrawDelegationRewards(scratch, keeper, keeper.staking.getValidator(scratch, validator)!, d);
    }
    const remaining = keeper.outstandingRewards.get(scratch, validator)?.rewards ?? [];
    if (remaining.some((c) => decFromWire(c.amount) < 0n)) return { broken: true, message: `withdrawing everything from ${toValoper(validator)} leaves negative outstanding rewards (broken)` };
  }
  return { broken: false, message: "every commission and delegation reward can be withdrawn" };
}

export function referenceCountInvariant(ctx: Context, keeper: DistributionKeeper): InvariantResult {
  const expected = new Map<string, number>();
  const bump = (validator: Uint8Array) => expected.set(keyToString(validator), (expected.get(keyToString(validator)) ?? 0) + 1);
  for (const [validator] of keeper.currentRewards.entries(ctx)) bump(validator);
  for (const [[validator]] of keeper.startingInfos.entries(ctx)) bump(validator);
  for (const [[[validator]]] of keeper.slashEvents.entries(ctx)) bump(validator);
  const actual = new Map<string, number>();
  for (const [[validator], h] of keeper.historicalRewards.entries(ctx)) actual.set(keyToString(validator), (actual.get(keyToString(validator)) ?? 0) + h.referenceCount);
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    if ((expected.get(key) ?? 0) !== (actual.get(key) ?? 0)) {
      return { broken: true, message: `historical rewards of a validator hold ${actual.get(key) ?? 0} references, ${expected.get(key) ?? 0} records refer to them (broken)` };
    }
  }
  return { broken: false, message: "historical rewards reference counts match the records that refer to them" };
}

export function moduleAccountInvariant(ctx: Context, keeper: DistributionKeeper): InvariantResult {
  let owed = keeper.communityPool(ctx);
  for (const [, o] of keeper.outstandingRewards.entries(ctx)) owed = owed.add(DecCoins.fromProto(o.rewards));
  const expected = owed.truncateDecimal().coins.toString();
  const held = keeper.moduleBalance(ctx).toString();
  const broken = held !== expected;
  return { broken, message: `the distribution account holds "${held}", the outstanding rewards and community pool come to "${expected}"${broken ? " (broken)" : ""}` };
}

export function registerDistributionInvariants(registry: InvariantRegistry, keeper: DistributionKeeper): void {
  registry.register(DISTRIBUTION_MODULE, "nonnegative-outstanding", (ctx) => nonNegativeOutstandingInvariant(ctx, keeper));
  registry.register(DISTRIBUTION_MODULE, "can-withdraw", (ctx) => canWithdrawInvariant(ctx, keeper));
  registry.register(DISTRIBUTION_MODULE, "reference-count", (ctx) => referenceCountInvariant(ctx, keeper));
  registry.register(DISTRIBUTION_MODULE, "module-account", (ctx) => moduleAccountInvariant(ctx, keeper));
}

