/**
 * Slashing params: validation, the wire type (cosmos.slashing.v1beta1.Params, whose decimals are
 * bytes holding the LegacyDec's integer of 10^-18 units as text, as gogoproto's customtype
 * marshals it) and the SDK's JSON shape ("0.500000000000000000", "600s").
 */
import type { Params } from "cosmjs-types/cosmos/slashing/v1beta1/slashing";
import { ErrInvalidRequest } from "../../sdk/types/sdk-errors.js";
import { durationFromJson, durationToJson, fromNanos, toNanos } from "../../sdk/types/time.js";
import { DEC_ONE, formatDec, parseDec } from "../../sdk/types/dec.js";
import { defaultSlashingParams, type SlashingParams } from "./types.js";

const text = new TextEncoder();
const untext = new TextDecoder();

/** A LegacyDec bytes field: its integer of 10^-18 units as ASCII digits. */
export function decToBytes(units: bigint): Uint8Array {
  return text.encode(units.toString());
}

export function decFromBytes(bytes: Uint8Array, what: string): bigint {
  const digits = untext.decode(bytes);
  if (digits === "") return 0n;
  if (!/^\d+$/.test(digits)) throw ErrInvalidRequest.wrap(`invalid ${what}: expected a LegacyDec's integer of 10^-18 units, got "${digits}"`);
  return BigInt(digits);
}

export function paramsToWire(p: SlashingParams): Params {
  return {
    signedBlocksWindow: p.signedBlocksWindow,
    minSignedPerWindow: decToBytes(p.minSignedPerWindow),
    downtimeJailDuration: fromNanos(p.downtimeJailDurationNanos),
    slashFractionDoubleSign: decToBytes(p.slashFractionDoubleSign),
    slashFractionDowntime: decToBytes(p.slashFractionDowntime),
  };
}

export function paramsFromWire(p: Params | undefined): SlashingParams {
  if (!p) throw ErrInvalidRequest.wrap("params are missing");
  return {
    signedBlocksWindow: p.signedBlocksWindow,
    minSignedPerWindow: decFromBytes(p.minSignedPerWindow, "min_signed_per_window"),
    downtimeJailDurationNanos: p.downtimeJailDuration ? toNanos(p.downtimeJailDuration) : 0n,
    slashFractionDoubleSign: decFromBytes(p.slashFractionDoubleSign, "slash_fraction_double_sign"),
    slashFractionDowntime: decFromBytes(p.slashFractionDowntime, "slash_fraction_downtime"),
  };
}

/** Throws a clear error naming the first param out of range (as the SDK's Params.Validate). */
export function validateParams(p: SlashingParams): void {
  if (p.signedBlocksWindow <= 0n) throw ErrInvalidRequest.wrap(`signed_blocks_window must be positive, got ${p.signedBlocksWindow}`);
  const fraction = (name: string, v: bigint) => {
    if (v < 0n || v > DEC_ONE) throw ErrInvalidRequest.wrap(`${name} must be in [0, 1], got ${formatDec(v)}`);
  };
  fraction("min_signed_per_window", p.minSignedPerWindow);
  if (p.downtimeJailDurationNanos <= 0n) throw ErrInvalidRequest.wrap("downtime_jail_duration must be positive");
  fraction("slash_fraction_double_sign", p.slashFractionDoubleSign);
  fraction("slash_fraction_downtime", p.slashFractionDowntime);
}

/** Signed blocks a window needs: min_signed_per_window x window, rounded half to even (RoundInt64). */
export function minSignedPerWindow(p: SlashingParams): bigint {
  const units = p.minSignedPerWindow * p.signedBlocksWindow;
  const quotient = units / DEC_ONE;
  const twice = (units % DEC_ONE) * 2n;
  if (twice < DEC_ONE) return quotient;
  if (twice > DEC_ONE) return quotient + 1n;
  return quotient % 2n === 0n ? quotient : quotient + 1n;
}

export function paramsToJson(p: SlashingParams): Record<string, unknown> {
  return {
    signed_blocks_window: p.signedBlocksWindow.toString(),
    min_signed_per_window: formatDec(p.minSignedPerWindow),
    downtime_jail_duration: durationToJson(fromNanos(p.downtimeJailDurationNanos)),
    slash_fraction_double_sign: formatDec(p.slashFractionDoubleSign),
    slash_fraction_downtime: formatDec(p.slashFractionDowntime),
  };
}

/** Params from the SDK's JSON; a missing field keeps its default. */
export function paramsFromJson(json: Record<string, unknown> | undefined): SlashingParams {
  const d = defaultSlashingParams();
  if (!json) return d;
  const dec = (key: string, fallback: bigint) => (json[key] === undefined ? fallback : parseDec(String(json[key]), key));
  return {
    signedBlocksWindow: json.signed_blocks_window === undefined ? d.signedBlocksWindow : BigInt(String(json.signed_blocks_window)),
    minSignedPerWindow: dec("min_signed_per_window", d.minSignedPerWindow),
    downtimeJailDurationNanos: json.downtime_jail_duration === undefined ? d.downtimeJailDurationNanos : toNanos(durationFromJson(json.downtime_jail_duration, "downtime_jail_duration")),
    slashFractionDoubleSign: dec("slash_fraction_double_sign", d.slashFractionDoubleSign),
    slashFractionDowntime: dec("slash_fraction_downtime", d.slashFractionDowntime),
  };
}
