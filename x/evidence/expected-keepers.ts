/** What the evidence module needs from slashing and staking, declared here and wired in app/. */
import type { StoreSource } from "../../sdk/collections/collections.js";
import type { Context } from "../../sdk/types/context.js";

export interface EvidenceSlashingKeeper {
  hasSigningInfo(ctx: StoreSource, consAddress: Uint8Array): boolean;
  isTombstoned(ctx: StoreSource, consAddress: Uint8Array): boolean;
  slashFractionDoubleSign(ctx: StoreSource): bigint;
  slash(ctx: Context, consAddress: Uint8Array, fraction: bigint, power: bigint, distributionHeight: bigint, reason: string): bigint;
  jail(ctx: Context, consAddress: Uint8Array): void;
  jailUntil(ctx: StoreSource, consAddress: Uint8Array, until: { seconds: bigint; nanos: number }): void;
  tombstone(ctx: StoreSource, consAddress: Uint8Array): void;
}

export interface EvidenceStakingKeeper {
  /** The validator's bond status (cosmos.staking BondStatus: 1 unbonded) and whether it is jailed. */
  validatorByConsAddr(ctx: StoreSource, consAddress: Uint8Array): { status: number; jailed: boolean } | undefined;
}
