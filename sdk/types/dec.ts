/**
 * The SDK's LegacyDec: on the wire (protobuf) a decimal is the integer of its
 * 10^-18 units ("1000000000000000000" is 1), in JSON the 18-digit text ("1.000000000000000000").
 * Held as that bigint of units; products and quotients round as the SDK's LegacyDec does.
 */
import { ErrInvalidRequest } from "./sdk-errors.js";

export const DEC_ONE = 10n ** 18n;
const DEC_TEXT = /^(\d+)(?:\.(\d{1,18}))?$/;

/** Units from a protobuf LegacyDec field ("" reads as 0). */
export function decFromWire(units: string): bigint {
  if (units === "") return 0n;
  if (!/^-?\d+$/.test(units)) throw ErrInvalidRequest.wrap(`invalid decimal "${units}": expected its integer of 10^-18 units`);
  return BigInt(units);
}

export function decToWire(units: bigint): string {
  return units.toString();
}

/** Units from "0.1" or "0.100000000000000000"; names the bad input. */
export function parseDec(text: string, what = "decimal"): bigint {
  const m = DEC_TEXT.exec(text.trim());
  if (!m) throw ErrInvalidRequest.wrap(`invalid ${what} "${text}": expected a non-negative decimal with at most 18 fractional digits, e.g. 0.1`);
  return BigInt(m[1]!) * DEC_ONE + BigInt((m[2] ?? "").padEnd(18, "0"));
}

/** The 18-digit text the SDK prints ("0.100000000000000000"). */
export function formatDec(units: bigint): string {
  const sign = units < 0n ? "-" : "";
  const abs = units < 0n ? -units : units;
  return `${sign}${abs / DEC_ONE}.${(abs % DEC_ONE).toString().padStart(18, "0")}`;
}

/** Divides by 10^18 rounding half to even, as LegacyDec's chopPrecisionAndRound. */
function chopAndRound(value: bigint): bigint {
  if (value < 0n) return -chopAndRound(-value);
  const quotient = value / DEC_ONE;
  const remainder = value % DEC_ONE;
  const twice = remainder * 2n;
  if (twice < DEC_ONE) return quotient;
  if (twice > DEC_ONE) return quotient + 1n;
  return quotient % 2n === 0n ? quotient : quotient + 1n;
}

/** x * y, rounded (LegacyDec.Mul). */
export function decMul(x: bigint, y: bigint): bigint {
  return chopAndRound(x * y);
}

/** x * y, truncated (LegacyDec.MulTruncate). */
export function decMulTruncate(x: bigint, y: bigint): bigint {
  return (x * y) / DEC_ONE;
}

/** x / y, rounded (LegacyDec.Quo). */
export function decQuo(x: bigint, y: bigint): bigint {
  return chopAndRound((x * DEC_ONE * DEC_ONE) / y);
}

/** The integer part (LegacyDec.TruncateInt). */
export function decTruncate(units: bigint): bigint {
  return units / DEC_ONE;
}

export function decFromInt(value: bigint): bigint {
  return value * DEC_ONE;
}
