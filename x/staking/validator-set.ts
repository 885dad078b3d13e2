/**
 * End block: the active set is the top `max_validators` by power, not jailed; the changes since
 * the last block go to CometBFT as validator updates (power 0 for one that left). Then mature
 * unbonding validators, unbonding delegations and redelegations complete, by block time.
 */
import { BondStatus, type Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import type { ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import type { Context } from "../../sdk/types/context.js";
import { keyToString } from "../../sdk/store/keys.js";
import { toNanos } from "../../sdk/types/time.js";
import { completeRedelegation, completeUnbonding } from "./delegation.js";
import { ed25519Key, fromValoper, type StakingKeeper } from "./keeper.js";
import { consensusPower, tokensOf } from "./shares.js";
import { beginUnbondingValidator, bondValidator, removeValidatorIfEmpty } from "./validators.js";
import { EVENTS } from "./types.js";
import { toAccAddress } from "../../sdk/types/address.js";

export function validatorUpdate(v: Validator, power: bigint): ValidatorUpdate {
  return { pubKey: { ed25519: ed25519Key(v.consensusPubkey) }, power };
}

/** Brings the bonded set in line with the power index; returns CometBFT's updates. */
export function applyValidatorSetUpdates(ctx: Context, keeper: StakingKeeper): ValidatorUpdate[] {
  const maxValidators = keeper.getParams(ctx).maxValidators;
  const last = new Map<string, [Uint8Array, bigint]>();
  for (const [operator, power] of keeper.lastValidatorPowers.entries(ctx)) last.set(keyToString(operator), [operator, power]);
  const updates: ValidatorUpdate[] = [];
  let totalPower = 0n;
  let count = 0;
  for (const found of [...keeper.validatorsByPowerDesc(ctx)]) {
    if (count >= maxValidators) break;
    const power = consensusPower(tokensOf(found));
    if (power === 0n) break;
    const v = found.status === BondStatus.BOND_STATUS_BONDED ? found : bondValidator(ctx, keeper, found);
    const operator = fromValoper(v.operatorAddress);
    const key = keyToString(operator);
    if (last.get(key)?.[1] !== power) {
      updates.push(validatorUpdate(v, power));
      keeper.lastValidatorPowers.set(ctx, operator, power);
    }
    last.delete(key);
    totalPower += power;
    count++;
  }
  // Whoever was in the set and no longer is leaves it, in operator address order.
  for (const [operator] of [...last.values()].sort((a, b) => Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])))) {
    const v = keeper.mustGetValidator(ctx, operator);
    if (v.status === BondStatus.BOND_STATUS_BONDED) beginUnbondingValidator(ctx, keeper, v);
    keeper.lastValidatorPowers.delete(ctx, operator);
    updates.push(validatorUpdate(v, 0n));
  }
  keeper.lastTotalPower.set(ctx, totalPower);
  return updates;
}

/** Unbonding validators whose time and height have come become unbonded (or removed when empty). */
export function unbondMatureValidators(ctx: Context, keeper: StakingKeeper): void {
  const now = toNanos(ctx.block.time);
  for (const [[[time, height], operator]] of [...keeper.validatorQueue.entries(ctx)]) {
    if (time > now) break;
    if (height > ctx.height) continue;
    keeper.validatorQueue.delete(ctx, [[time, height], operator]);
    const v = keeper.getValidator(ctx, operator);
    if (!v || v.status !== BondStatus.BOND_STATUS_UNBONDING) continue;
    const unbonded = { ...v, status: BondStatus.BOND_STATUS_UNBONDED };
    keeper.setValidator(ctx, unbonded);
    removeValidatorIfEmpty(ctx, keeper, unbonded);
  }
}

function completeMatureUnbondings(ctx: Context, keeper: StakingKeeper): void {
  const now = toNanos(ctx.block.time);
  for (const [[time, [delegator, operator]]] of [...keeper.unbondingQueue.entries(ctx)]) {
    if (time > now) break;
    keeper.unbondingQueue.delete(ctx, [time, [delegator, operator]]);
    if (!keeper.unbondingDelegations.has(ctx, [delegator, operator])) continue;
    const paid = completeUnbonding(ctx, keeper, delegator, operator);
    ctx.events.emit(EVENTS.completeUnbonding, {
      amount: `${paid}${keeper.bondDenom(ctx)}`,
      validator: keeper.getValidator(ctx, operator)?.operatorAddress ?? toAccAddress(operator, "agoravaloper"),
      delegator: toAccAddress(delegator),
    });
  }
}

function completeMatureRedelegations(ctx: Context, keeper: StakingKeeper): void {
  const now = toNanos(ctx.block.time);
  for (const [[time, [[delegator, src], dst]]] of [...keeper.redelegationQueue.entries(ctx)]) {
    if (time > now) break;
    keeper.redelegationQueue.delete(ctx, [time, [[delegator, src], dst]]);
    const matured = completeRedelegation(ctx, keeper, delegator, src, dst);
    ctx.events.emit(EVENTS.completeRedelegation, {
      amount: `${matured}${keeper.bondDenom(ctx)}`,
      delegator: toAccAddress(delegator),
      source_validator: toAccAddress(src, "agoravaloper"),
      destination_validator: toAccAddress(dst, "agoravaloper"),
    });
  }
}

/** Staking's end block, in the SDK's order. */
export function stakingEndBlock(ctx: Context, keeper: StakingKeeper): ValidatorUpdate[] {
  const updates = applyValidatorSetUpdates(ctx, keeper);
  unbondMatureValidators(ctx, keeper);
  completeMatureUnbondings(ctx, keeper);
  completeMatureRedelegations(ctx, keeper);
  return updates;
}

