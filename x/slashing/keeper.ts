/**
 * The slashing keeper's state: params, each validator's signing info (by consensus address) and
 * the blocks it missed in the current window (by consensus address and window index; only missed
 * indexes are stored). Liveness (liveness.ts) and unjailing (msg-server.ts) work over it; the
 * evidence module slashes, jails and tombstones through the methods at the end.
 */
import { PubKey as Ed25519PubKey } from "cosmjs-types/cosmos/crypto/ed25519/keys";
import { Params, ValidatorSigningInfo } from "cosmjs-types/cosmos/slashing/v1beta1/slashing";
import type { Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import type { Timestamp } from "cosmjs-types/google/protobuf/timestamp";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesKey, pairKey, protoValue, uint64Key, type ValueCodec } from "../../sdk/collections/codecs.js";
import { Schema, type StoreSource } from "../../sdk/collections/collections.js";
import { toAccAddress } from "../../sdk/types/address.js";
import type { Context } from "../../sdk/types/context.js";
import { VALCONS_PREFIX } from "../staking/types.js";
import type { SlashingStakingKeeper } from "./expected-keepers.js";
import { paramsFromWire, paramsToWire } from "./params.js";
import { defaultSlashingParams, ErrNoSigningInfoFound, EVENTS, SLASHING_STORE, type SlashingParams } from "./types.js";

const present: ValueCodec<true> = { encode: () => new Uint8Array([1]), decode: () => true };

export function toValcons(consAddress: Uint8Array): string {
  return toAccAddress(consAddress, VALCONS_PREFIX);
}

/** The address CometBFT names a validator by: the first 20 bytes of sha256 of its ed25519 key. */
export function validatorConsAddress(v: Validator): Uint8Array {
  return sha256(Ed25519PubKey.decode(v.consensusPubkey!.value).key).subarray(0, 20);
}

export class SlashingKeeper {
  private readonly schema = new Schema(SLASHING_STORE);
  readonly params = this.schema.item(0x00, "params", protoValue(Params));
  readonly signingInfos = this.schema.map(0x01, "validator_signing_info", bytesKey, protoValue(ValidatorSigningInfo));
  readonly missedBlocks = this.schema.map(0x02, "validator_missed_blocks", pairKey(bytesKey, uint64Key), present);

  constructor(
    readonly staking: SlashingStakingKeeper,
    /** Bech32 address of the gov module account: the signer of MsgUpdateParams. */
    readonly authority: string,
  ) {}

  getParams(ctx: StoreSource): SlashingParams {
    const stored = this.params.get(ctx);
    return stored ? paramsFromWire(stored) : defaultSlashingParams();
  }

  setParams(ctx: StoreSource, p: SlashingParams): void {
    this.params.set(ctx, paramsToWire(p));
  }

  getSigningInfo(ctx: StoreSource, consAddress: Uint8Array): ValidatorSigningInfo | undefined {
    return this.signingInfos.get(ctx, consAddress);
  }

  setSigningInfo(ctx: StoreSource, consAddress: Uint8Array, info: ValidatorSigningInfo): void {
    this.signingInfos.set(ctx, consAddress, info);
  }

  /** The indexes of the current window a validator missed, in order. */
  *missedIndexes(ctx: StoreSource, consAddress: Uint8Array): Generator<bigint> {
    for (const [[, index]] of this.missedBlocks.entries(ctx, bytesKey.encodeNonTerminal(consAddress))) yield index;
  }

  /** Forgets every missed block of a validator (its window starts over). */
  clearMissedBlocks(ctx: StoreSource, consAddress: Uint8Array): void {
    for (const index of [...this.missedIndexes(ctx, consAddress)]) this.missedBlocks.delete(ctx, [consAddress, index]);
  }

  /** A new window length: every validator's window starts over (its missed blocks are forgotten). */
  restartWindows(ctx: StoreSource): void {
    for (const [consAddress, info] of [...this.signingInfos.entries(ctx)]) {
      this.clearMissedBlocks(ctx, consAddress);
      this.setSigningInfo(ctx, consAddress, { ...info, indexOffset: 0n, missedBlocksCounter: 0n });
    }
  }

  /** Staking hook: a bonded validator's window starts now (a new one gets its signing info). */
  afterValidatorBonded(ctx: Context, consAddress: Uint8Array): void {
    const info = this.getSigningInfo(ctx, consAddress);
    if (info) {
      this.setSigningInfo(ctx, consAddress, { ...info, startHeight: ctx.height });
      return;
    }
    this.setSigningInfo(ctx, consAddress, {
      address: toValcons(consAddress),
      startHeight: ctx.height,
      indexOffset: 0n,
      jailedUntil: { seconds: 0n, nanos: 0 },
      tombstoned: false,
      missedBlocksCounter: 0n,
    });
  }

  // The evidence module's entry points (the SDK's slashing keeper methods it calls).

  hasSigningInfo(ctx: StoreSource, consAddress: Uint8Array): boolean {
    return this.signingInfos.has(ctx, consAddress);
  }

  isTombstoned(ctx: StoreSource, consAddress: Uint8Array): boolean {
    return this.getSigningInfo(ctx, consAddress)?.tombstoned ?? false;
  }

  slashFractionDoubleSign(ctx: StoreSource): bigint {
    return this.getParams(ctx).slashFractionDoubleSign;
  }

  /** Slashes through staking and emits slashing's own `slash` event with the reason. */
  slash(ctx: Context, consAddress: Uint8Array, fraction: bigint, power: bigint, distributionHeight: bigint, reason: string): bigint {
    const burned = this.staking.slash(ctx, consAddress, distributionHeight, power, fraction);
    ctx.events.emit(EVENTS.slash, { address: toValcons(consAddress), power: power.toString(), reason, burned_coins: burned.toString() });
    return burned;
  }

  jail(ctx: Context, consAddress: Uint8Array): void {
    this.staking.jail(ctx, consAddress);
    ctx.events.emit(EVENTS.slash, { jailed: toValcons(consAddress) });
  }

  jailUntil(ctx: StoreSource, consAddress: Uint8Array, until: Timestamp): void {
    this.setSigningInfo(ctx, consAddress, { ...this.mustGetSigningInfo(ctx, consAddress), jailedUntil: until });
  }

  tombstone(ctx: StoreSource, consAddress: Uint8Array): void {
    this.setSigningInfo(ctx, consAddress, { ...this.mustGetSigningInfo(ctx, consAddress), tombstoned: true });
  }

  private mustGetSigningInfo(ctx: StoreSource, consAddress: Uint8Array): ValidatorSigningInfo {
    const info = this.getSigningInfo(ctx, consAddress);
    if (!info) throw ErrNoSigningInfoFound.wrap(toValcons(consAddress));
    return info;
  }
}
