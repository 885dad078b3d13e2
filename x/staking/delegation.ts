/**
 * Delegating, undelegating and redelegating, as the SDK's keeper: tokens go to the bonded pool
 * for a bonded validator and to the not-bonded pool otherwise; undelegated tokens wait in the
 * not-bonded pool until the unbonding time has passed (end block pays them out).
 */
import { BondStatus, type Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import type { Timestamp } from "cosmjs-types/google/protobuf/timestamp";
import { toAccAddress } from "../../sdk/types/address.js";
import type { Context } from "../../sdk/types/context.js";
import { addDuration, toNanos } from "../../sdk/types/time.js";
import { decFromWire, decToWire } from "../../sdk/types/dec.js";
import { fromValoper, toValoper, type StakingKeeper } from "./keeper.js";
import { addTokensFromDelegation, invalidExchangeRate, removeDelegatorShares, sharesFromTokens, sharesOf, tokensFromShares } from "./shares.js";
import { blockTime, jailValidator, removeValidatorIfEmpty } from "./validators.js";
import {
  BONDED_POOL,
  ErrBadRedelegationDst,
  ErrBadRedelegationSrc,
  ErrDelegatorShareExRateInvalid,
  ErrMaxRedelegationEntries,
  ErrMaxUnbondingDelegationEntries,
  ErrNoDelegation,
  ErrNotEnoughDelegationShares,
  ErrNoUnbondingDelegation,
  ErrSelfRedelegation,
  ErrTinyRedelegationAmount,
  ErrTransitiveRedelegation,
  NOT_BONDED_POOL,
} from "./types.js";

function poolOf(status: BondStatus): typeof BONDED_POOL | typeof NOT_BONDED_POOL {
  return status === BondStatus.BOND_STATUS_BONDED ? BONDED_POOL : NOT_BONDED_POOL;
}

/**
 * Delegates `amount` to `v`. From an account (`from: "account"`) the tokens come from the
 * delegator's balance; from a redelegation they are already in the source validator's pool.
 * Returns the shares issued.
 */
export function delegate(ctx: Context, keeper: StakingKeeper, delegator: Uint8Array, amount: bigint, v: Validator, from: "account" | BondStatus): bigint {
  if (invalidExchangeRate(v)) throw ErrDelegatorShareExRateInvalid.wrap(`validator ${v.operatorAddress} has shares but no tokens`);
  const operator = fromValoper(v.operatorAddress);
  const existing = keeper.getDelegation(ctx, delegator, operator);
  keeper.hooks.call(existing ? "beforeDelegationSharesModified" : "beforeDelegationCreated", ctx, delegator, operator);
  const target = poolOf(v.status);
  if (from === "account") keeper.bank.sendCoinsFromAccountToModule(ctx, delegator, target, keeper.bondCoins(ctx, amount));
  else if (poolOf(from) !== target) keeper.movePoolTokens(ctx, poolOf(from), amount);
  keeper.deletePowerIndex(ctx, v);
  const { validator, shares } = addTokensFromDelegation(v, amount);
  keeper.setValidator(ctx, validator);
  keeper.setPowerIndex(ctx, validator);
  const before = existing ? decFromWire(existing.shares) : 0n;
  keeper.setDelegation(ctx, delegator, operator, { delegatorAddress: toAccAddress(delegator), validatorAddress: v.operatorAddress, shares: decToWire(before + shares) });
  keeper.hooks.call("afterDelegationModified", ctx, delegator, operator);
  return shares;
}

/** Shares to remove for `amount` tokens, capped at the delegation (the SDK's ValidateUnbondAmount). */
export function sharesForAmount(ctx: Context, keeper: StakingKeeper, delegator: Uint8Array, operator: Uint8Array, amount: bigint): bigint {
  const v = keeper.mustGetValidator(ctx, operator);
  const delegation = keeper.getDelegation(ctx, delegator, operator);
  if (!delegation) throw ErrNoDelegation.wrap(`${toAccAddress(delegator)} has no delegation to ${v.operatorAddress}`);
  const held = decFromWire(delegation.shares);
  const shares = sharesFromTokens(v, amount);
  if (shares > held) throw ErrNotEnoughDelegationShares.wrap(`${amount} tokens are more than the delegation is worth`);
  return shares;
}

/** Removes shares of a delegation; returns the tokens they were worth (still in the validator's pool). */
export function unbond(ctx: Context, keeper: StakingKeeper, delegator: Uint8Array, operator: Uint8Array, shares: bigint): bigint {
  const delegation = keeper.getDelegation(ctx, delegator, operator);
  if (!delegation) throw ErrNoDelegation.wrap(`${toAccAddress(delegator)} has no delegation to ${toValoper(operator)}`);
  const held = decFromWire(delegation.shares);
  if (held < shares) throw ErrNotEnoughDelegationShares.wrap(`has ${held} shares, asked to remove ${shares}`);
  keeper.hooks.call("beforeDelegationSharesModified", ctx, delegator, operator);
  let v = keeper.mustGetValidator(ctx, operator);
  const remaining = held - shares;
  const isOperator = Buffer.compare(Buffer.from(delegator), Buffer.from(operator)) === 0;
  if (remaining === 0n) {
    keeper.hooks.call("beforeDelegationRemoved", ctx, delegator, operator);
    keeper.removeDelegation(ctx, delegator, operator);
  } else {
    keeper.setDelegation(ctx, delegator, operator, { ...delegation, shares: decToWire(remaining) });
    keeper.hooks.call("afterDelegationModified", ctx, delegator, operator);
  }
  // An operator whose own stake falls below its minimum is jailed, as the SDK does.
  if (isOperator && !v.jailed && tokensFromShares(v, remaining) / 10n ** 18n < BigInt(v.minSelfDelegation)) {
    jailValidator(ctx, keeper, v);
    v = keeper.mustGetValidator(ctx, operator);
  }
  keeper.deletePowerIndex(ctx, v);
  const { validator, tokens } = removeDelegatorShares(v, shares);
  keeper.setValidator(ctx, validator);
  keeper.setPowerIndex(ctx, validator);
  if (sharesOf(validator) === 0n && validator.status === BondStatus.BOND_STATUS_UNBONDED) removeValidatorIfEmpty(ctx, keeper, validator);
  return tokens;
}

/** Starts undelegating `shares`; returns the completion time and the tokens that will be paid. */
export function undelegate(ctx: Context, keeper: StakingKeeper, delegator: Uint8Array, operator: Uint8Array, shares: bigint): { completionTime: Timestamp; amount: bigint } {
  const v = keeper.mustGetValidator(ctx, operator);
  const params = keeper.getParams(ctx);
  const existing = keeper.unbondingDelegations.get(ctx, [delegator, operator]);
  if ((existing?.entries.length ?? 0) >= params.maxEntries) throw ErrMaxUnbondingDelegationEntries.wrap(`at most ${params.maxEntries}`);
  const amount = unbond(ctx, keeper, delegator, operator, shares);
  if (v.status === BondStatus.BOND_STATUS_BONDED) keeper.movePoolTokens(ctx, BONDED_POOL, amount);
  const completionTime = addDuration(ctx.block.time, params.unbondingTime);
  const entry = { creationHeight: ctx.height, completionTime, initialBalance: amount.toString(), balance: amount.toString(), unbondingId: 0n, unbondingOnHoldRefCount: 0n };
  keeper.setUnbondingDelegation(ctx, {
    delegatorAddress: toAccAddress(delegator),
    validatorAddress: toValoper(operator),
    entries: [...(existing?.entries ?? []), entry],
  });
  keeper.unbondingQueue.set(ctx, [toNanos(completionTime), [delegator, operator]], true);
  return { completionTime, amount };
}

/** Pays out the mature entries of one unbonding delegation; returns the amount paid. */
export function completeUnbonding(ctx: Context, keeper: StakingKeeper, delegator: Uint8Array, operator: Uint8Array): bigint {
  const ubd = keeper.unbondingDelegations.get(ctx, [delegator, operator]);
  if (!ubd) throw ErrNoUnbondingDelegation.wrap(`${toAccAddress(delegator)} is not unbonding from ${toValoper(operator)}`);
  const now = toNanos(ctx.block.time);
  let paid = 0n;
  const waiting = ubd.entries.filter((e) => {
    if (toNanos(e.completionTime) > now) return true;
    paid += BigInt(e.balance);
    return false;
  });
  if (paid > 0n) keeper.bank.sendCoinsFromModuleToAccount(ctx, NOT_BONDED_POOL, delegator, keeper.bondCoins(ctx, paid));
  keeper.setUnbondingDelegation(ctx, { ...ubd, entries: waiting });
  return paid;
}

/**
 * Cancels an unbonding entry (all or part of it): its tokens are delegated back to the validator
 * they were unbonding from, as the SDK's MsgCancelUnbondingDelegation.
 */
export function cancelUnbonding(ctx: Context, keeper: StakingKeeper, delegator: Uint8Array, operator: Uint8Array, creationHeight: bigint, amount: bigint): void {
  const v = keeper.mustGetValidator(ctx, operator);
  if (v.jailed) throw ErrNoUnbondingDelegation.wrap(`validator ${v.operatorAddress} is jailed`);
  const ubd = keeper.unbondingDelegations.get(ctx, [delegator, operator]);
  if (!ubd) throw ErrNoUnbondingDelegation.wrap(`${toAccAddress(delegator)} is not unbonding from ${v.operatorAddress}`);
  const index = ubd.entries.findIndex((e) => e.creationHeight === creationHeight && toNanos(e.completionTime) > toNanos(ctx.block.time));
  if (index < 0) throw ErrNoUnbondingDelegation.wrap(`no unbonding entry at height ${creationHeight}`);
  const entry = ubd.entries[index]!;
  const balance = BigInt(entry.balance);
  if (amount > balance) throw ErrNoUnbondingDelegation.wrap(`amount ${amount} is more than the entry's balance ${balance}`);
  const entries = [...ubd.entries];
  if (amount === balance) entries.splice(index, 1);
  else entries[index] = { ...entry, balance: (balance - amount).toString(), initialBalance: (BigInt(entry.initialBalance) - amount).toString() };
  keeper.setUnbondingDelegation(ctx, { ...ubd, entries });
  delegate(ctx, keeper, delegator, amount, v, BondStatus.BOND_STATUS_UNBONDING);
}

/**
 * Moves `shares` of a delegation from `src` to `dst` without unbonding. While it matures the
 * delegator may not redelegate out of `dst` (no transitive redelegation), as the SDK.
 */
export function redelegate(ctx: Context, keeper: StakingKeeper, delegator: Uint8Array, src: Uint8Array, dst: Uint8Array, shares: bigint): { completionTime: Timestamp; amount: bigint } {
  if (Buffer.compare(Buffer.from(src), Buffer.from(dst)) === 0) throw ErrSelfRedelegation.wrap("");
  const dstValidator = keeper.getValidator(ctx, dst);
  if (!dstValidator) throw ErrBadRedelegationDst.wrap(`no validator ${toValoper(dst)}`);
  const srcValidator = keeper.getValidator(ctx, src);
  if (!srcValidator) throw ErrBadRedelegationSrc.wrap(`no validator ${toValoper(src)}`);
  if (keeper.hasReceivingRedelegation(ctx, delegator, src)) {
    throw ErrTransitiveRedelegation.wrap(`${toAccAddress(delegator)} is still redelegating into ${srcValidator.operatorAddress}`);
  }
  const params = keeper.getParams(ctx);
  const existing = keeper.redelegations.get(ctx, [[delegator, src], dst]);
  if ((existing?.entries.length ?? 0) >= params.maxEntries) throw ErrMaxRedelegationEntries.wrap(`at most ${params.maxEntries}`);
  const amount = unbond(ctx, keeper, delegator, src, shares);
  if (amount === 0n) throw ErrTinyRedelegationAmount.wrap("");
  const sharesDst = delegate(ctx, keeper, delegator, amount, keeper.mustGetValidator(ctx, dst), srcValidator.status);
  // From an unbonded validator nothing is at stake: the redelegation completes at once.
  if (srcValidator.status === BondStatus.BOND_STATUS_UNBONDED) return { completionTime: blockTime(ctx), amount };
  const completionTime =
    srcValidator.status === BondStatus.BOND_STATUS_UNBONDING ? srcValidator.unbondingTime : addDuration(ctx.block.time, params.unbondingTime);
  const entry = { creationHeight: ctx.height, completionTime, initialBalance: amount.toString(), sharesDst: decToWire(sharesDst), unbondingId: 0n, unbondingOnHoldRefCount: 0n };
  keeper.setRedelegation(ctx, {
    delegatorAddress: toAccAddress(delegator),
    validatorSrcAddress: toValoper(src),
    validatorDstAddress: toValoper(dst),
    entries: [...(existing?.entries ?? []), entry],
  });
  keeper.redelegationQueue.set(ctx, [toNanos(completionTime), [[delegator, src], dst]], true);
  return { completionTime, amount };
}

/** Drops the mature entries of one redelegation (its tokens are already delegated to dst). */
export function completeRedelegation(ctx: Context, keeper: StakingKeeper, delegator: Uint8Array, src: Uint8Array, dst: Uint8Array): bigint {
  const red = keeper.redelegations.get(ctx, [[delegator, src], dst]);
  if (!red) return 0n;
  const now = toNanos(ctx.block.time);
  let matured = 0n;
  const waiting = red.entries.filter((e) => {
    if (toNanos(e.completionTime) > now) return true;
    matured += BigInt(e.initialBalance);
    return false;
  });
  keeper.setRedelegation(ctx, { ...red, entries: waiting });
  return matured;
}
