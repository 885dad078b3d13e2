/**
 * What other modules (distribution, slashing) hear of staking's changes, as the SDK's
 * StakingHooks. Every method is optional: a module implements the ones it needs.
 */
import type { Context } from "../../sdk/types/context.js";

export interface StakingHooks {
  afterValidatorCreated?(ctx: Context, validator: Uint8Array): void;
  beforeValidatorModified?(ctx: Context, validator: Uint8Array): void;
  afterValidatorRemoved?(ctx: Context, consAddress: Uint8Array, validator: Uint8Array): void;
  afterValidatorBonded?(ctx: Context, consAddress: Uint8Array, validator: Uint8Array): void;
  afterValidatorBeginUnbonding?(ctx: Context, consAddress: Uint8Array, validator: Uint8Array): void;
  beforeDelegationCreated?(ctx: Context, delegator: Uint8Array, validator: Uint8Array): void;
  beforeDelegationSharesModified?(ctx: Context, delegator: Uint8Array, validator: Uint8Array): void;
  beforeDelegationRemoved?(ctx: Context, delegator: Uint8Array, validator: Uint8Array): void;
  afterDelegationModified?(ctx: Context, delegator: Uint8Array, validator: Uint8Array): void;
  /** `fraction` is the share of the validator's tokens slashed, in 10^-18 units. */
  beforeValidatorSlashed?(ctx: Context, validator: Uint8Array, fraction: bigint): void;
}

type HookName = keyof StakingHooks;

/** Calls every registered module's hook of one kind, in registration order. */
export class MultiStakingHooks {
  private readonly list: StakingHooks[] = [];

  add(hooks: StakingHooks): void {
    this.list.push(hooks);
  }

  call<N extends HookName>(name: N, ...args: Parameters<NonNullable<StakingHooks[N]>>): void {
    for (const hooks of this.list) (hooks[name] as ((...a: unknown[]) => void) | undefined)?.apply(hooks, args);
  }
}
