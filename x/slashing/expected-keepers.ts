/** What slashing needs from staking (the SDK's ValidatorSet), declared here and wired in app/. */
import type { Delegation, Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import type { StoreSource } from "../../sdk/collections/collections.js";
import type { Context } from "../../sdk/types/context.js";

export interface SlashingStakingKeeper {
  getValidator(ctx: StoreSource, operator: Uint8Array): Validator | undefined;
  validatorByConsAddr(ctx: StoreSource, consAddress: Uint8Array): Validator | undefined;
  getDelegation(ctx: StoreSource, delegator: Uint8Array, validator: Uint8Array): Delegation | undefined;
  /** Burns `slashFactor` (10^-18 units) of the stake the validator had at `infractionHeight`; returns what it burned. */
  slash(ctx: Context, consAddress: Uint8Array, infractionHeight: bigint, power: bigint, slashFactor: bigint): bigint;
  jail(ctx: Context, consAddress: Uint8Array): void;
  unjail(ctx: Context, consAddress: Uint8Array): void;
}
