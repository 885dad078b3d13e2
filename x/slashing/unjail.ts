/**
 * Unjailing, as the SDK's Keeper.Unjail: the operator's validator must exist, hold at least its
 * min_self_delegation itself, be jailed, not be tombstoned and have served its jail time.
 */
import { toAccAddress } from "../../sdk/types/address.js";
import type { Context } from "../../sdk/types/context.js";
import type { CodedError } from "../../sdk/types/errors.js";
import { timestampToJson, toNanos } from "../../sdk/types/time.js";
import { decTruncate } from "../../sdk/types/dec.js";
import { tokensFromShares } from "../staking/shares.js";
import { VALOPER_PREFIX } from "../staking/types.js";
import { validatorConsAddress, type SlashingKeeper } from "./keeper.js";
import {
  ErrMissingSelfDelegation,
  ErrNoValidatorForAddress,
  ErrSelfDelegationTooLowToUnjail,
  ErrValidatorJailed,
  ErrValidatorNotJailed,
} from "./types.js";

/** Why the validator operated by `operator` cannot be unjailed now, or undefined when it can. */
export function unjailRefusal(ctx: Context, keeper: SlashingKeeper, operator: Uint8Array): CodedError | undefined {
  const valoper = toAccAddress(operator, VALOPER_PREFIX);
  const validator = keeper.staking.getValidator(ctx, operator);
  if (!validator) return ErrNoValidatorForAddress.wrap(valoper);
  const self = keeper.staking.getDelegation(ctx, operator, operator);
  if (!self) return ErrMissingSelfDelegation.wrap(`${toAccAddress(operator)} has no delegation to ${valoper}`);
  const tokens = decTruncate(tokensFromShares(validator, BigInt(self.shares)));
  if (tokens < BigInt(validator.minSelfDelegation)) {
    return ErrSelfDelegationTooLowToUnjail.wrap(`${tokens} less than ${validator.minSelfDelegation}: delegate more to ${valoper} first`);
  }
  if (!validator.jailed) return ErrValidatorNotJailed.wrap(valoper);
  const info = keeper.getSigningInfo(ctx, validatorConsAddress(validator));
  if (info?.tombstoned) return ErrValidatorJailed.wrap(`${valoper} is tombstoned for double signing and can never be unjailed`);
  if (info && toNanos(ctx.block.time) < toNanos(info.jailedUntil)) {
    return ErrValidatorJailed.wrap(`${valoper} is jailed until ${timestampToJson(info.jailedUntil)}; try again after that`);
  }
  return undefined;
}

export function unjail(ctx: Context, keeper: SlashingKeeper, operator: Uint8Array): void {
  const refusal = unjailRefusal(ctx, keeper, operator);
  if (refusal) throw refusal;
  keeper.staking.unjail(ctx, validatorConsAddress(keeper.staking.getValidator(ctx, operator)!));
}
