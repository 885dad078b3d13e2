/**
 * The SDK's ValidatorSet side of slashing: `slash` burns a fraction of the stake a validator
 * had at an infraction (its tokens, and unbonding delegations and redelegations begun since),
 * `jail` and `unjail` take it out of and back into the running for the active set.
 */
import { BondStatus, type Redelegation, type UnbondingDelegation, type Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import type { Context } from "../../sdk/types/context.js";
import { toNanos } from "../../sdk/types/time.js";
import { unbond } from "./delegation.js";
import { DEC_ONE, decFromInt, decFromWire, decMul, decMulTruncate } from "../../sdk/types/dec.js";
import { fromValoper, toValoper, type StakingKeeper } from "./keeper.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { tokensOf } from "./shares.js";
import { jailValidator, unjailValidator } from "./validators.js";
import { BONDED_POOL, ErrNoValidatorFound, NOT_BONDED_POOL, POWER_REDUCTION } from "./types.js";

function burn(ctx: Context, keeper: StakingKeeper, pool: typeof BONDED_POOL | typeof NOT_BONDED_POOL, amount: bigint): void {
  if (amount > 0n) keeper.bank.burnCoins(ctx, pool, keeper.bondCoins(ctx, amount));
}

/**
 * Slashes `slashFactor` (10^-18 units) of the stake the validator with `consAddress` had at
 * `infractionHeight`, when its power was `power`. Returns the tokens burned from the validator
 * itself. A validator no longer known is ignored (it may have been removed), as the SDK does.
 */
export function slash(ctx: Context, keeper: StakingKeeper, consAddress: Uint8Array, infractionHeight: bigint, power: bigint, slashFactor: bigint): bigint {
  if (slashFactor < 0n) throw new Error(`slash factor must be non-negative, got ${slashFactor}`);
  if (infractionHeight > ctx.height) throw new Error(`cannot slash for an infraction at height ${infractionHeight}, after the current height ${ctx.height}`);
  const found = keeper.validatorByConsAddr(ctx, consAddress);
  if (!found) {
    ctx.logger.warn({ consAddress: Buffer.from(consAddress).toString("hex") }, "ignored an attempt to slash a validator that no longer exists");
    return 0n;
  }
  if (found.status === BondStatus.BOND_STATUS_UNBONDED) throw new Error(`cannot slash unbonded validator ${found.operatorAddress}`);
  const operator = fromValoper(found.operatorAddress);
  keeper.hooks.call("beforeValidatorModified", ctx, operator);
  const slashAmount = decMulTruncate(decFromInt(power * POWER_REDUCTION), slashFactor) / DEC_ONE;
  let remaining = slashAmount;
  if (infractionHeight < ctx.height) {
    for (const ubd of [...keeper.validatorUnbondings(ctx, operator)]) remaining -= slashUnbondingDelegation(ctx, keeper, ubd, infractionHeight, slashFactor);
    for (const red of [...keeper.redelegationsFromValidator(ctx, operator)]) remaining -= slashRedelegation(ctx, keeper, red, infractionHeight, slashFactor);
  }
  const v = keeper.mustGetValidator(ctx, operator);
  const tokens = tokensOf(v);
  const toBurn = remaining < 0n ? 0n : remaining < tokens ? remaining : tokens;
  if (toBurn === 0n) return 0n;
  // QuoRoundUp of the burned share, at most one.
  const fraction = (decFromInt(toBurn) * DEC_ONE + decFromInt(tokens) - 1n) / decFromInt(tokens);
  keeper.hooks.call("beforeValidatorSlashed", ctx, operator, fraction > DEC_ONE ? DEC_ONE : fraction);
  removeValidatorTokens(ctx, keeper, v, toBurn);
  burn(ctx, keeper, v.status === BondStatus.BOND_STATUS_BONDED ? BONDED_POOL : NOT_BONDED_POOL, toBurn);
  ctx.events.emit("slash", { address: toValoper(operator), power: power.toString(), burned_coins: toBurn.toString() });
  return toBurn;
}

function removeValidatorTokens(ctx: Context, keeper: StakingKeeper, v: Validator, amount: bigint): void {
  keeper.deletePowerIndex(ctx, v);
  const updated = { ...v, tokens: (tokensOf(v) - amount).toString() };
  keeper.setValidator(ctx, updated);
  keeper.setPowerIndex(ctx, updated);
}

/** Burns the slashed part of entries begun at or after the infraction; returns the amount due. */
function slashUnbondingDelegation(ctx: Context, keeper: StakingKeeper, ubd: UnbondingDelegation, infractionHeight: bigint, slashFactor: bigint): bigint {
  const now = toNanos(ctx.block.time);
  let due = 0n;
  let burned = 0n;
  const entries = ubd.entries.map((e) => {
    if (e.creationHeight < infractionHeight || toNanos(e.completionTime) <= now) return e;
    const amount = decMulTruncate(slashFactor, decFromInt(BigInt(e.initialBalance))) / DEC_ONE;
    due += amount;
    const balance = BigInt(e.balance);
    const taken = amount < balance ? amount : balance;
    burned += taken;
    return { ...e, balance: (balance - taken).toString() };
  });
  keeper.setUnbondingDelegation(ctx, { ...ubd, entries });
  burn(ctx, keeper, NOT_BONDED_POOL, burned);
  return due;
}

/** Unbonds and burns the slashed part of redelegated shares begun at or after the infraction. */
function slashRedelegation(ctx: Context, keeper: StakingKeeper, red: Redelegation, infractionHeight: bigint, slashFactor: bigint): bigint {
  const now = toNanos(ctx.block.time);
  const delegator = fromAccAddress(red.delegatorAddress);
  const dst = fromValoper(red.validatorDstAddress);
  let due = 0n;
  for (const e of red.entries) {
    if (e.creationHeight < infractionHeight || toNanos(e.completionTime) <= now) continue;
    due += decMulTruncate(slashFactor, decFromInt(BigInt(e.initialBalance))) / DEC_ONE;
    let shares = decMul(slashFactor, decFromWire(e.sharesDst));
    if (shares === 0n) continue;
    const delegation = keeper.getDelegation(ctx, delegator, dst);
    if (!delegation) continue;
    const held = decFromWire(delegation.shares);
    if (shares > held) shares = held;
    const tokens = unbond(ctx, keeper, delegator, dst, shares);
    const dstStatus = keeper.getValidator(ctx, dst)?.status;
    burn(ctx, keeper, dstStatus === BondStatus.BOND_STATUS_BONDED ? BONDED_POOL : NOT_BONDED_POOL, tokens);
  }
  return due;
}

function byConsAddress(ctx: Context, keeper: StakingKeeper, consAddress: Uint8Array): Validator {
  const v = keeper.validatorByConsAddr(ctx, consAddress);
  if (!v) throw ErrNoValidatorFound.wrap(`no validator with consensus address ${Buffer.from(consAddress).toString("hex")}`);
  return v;
}

export function jail(ctx: Context, keeper: StakingKeeper, consAddress: Uint8Array): void {
  jailValidator(ctx, keeper, byConsAddress(ctx, keeper, consAddress));
  ctx.logger.info({ consAddress: Buffer.from(consAddress).toString("hex") }, "validator jailed");
}

export function unjail(ctx: Context, keeper: StakingKeeper, consAddress: Uint8Array): void {
  unjailValidator(ctx, keeper, byConsAddress(ctx, keeper, consAddress));
}
