/**
 * LegacyDec as gov carries it: a decimal string with 18 fractional digits ("0.334000000000000000"),
 * held as a bigint scaled by 10^18 so that tallies never touch floating point.
 */
import { ErrInvalidRequest } from "../../sdk/types/sdk-errors.js";

export const DEC_ONE = 10n ** 18n;
const DEC = /^(\d+)(?:\.(\d{1,18}))?$/;

/** Parses "0.5" or "0.500000000000000000" into 5 * 10^17; names the bad input. */
export function parseDec(text: string, what = "decimal"): bigint {
  const m = DEC.exec(text.trim());
  if (!m) throw ErrInvalidRequest.wrap(`invalid ${what} "${text}": expected a non-negative decimal with at most 18 fractional digits, e.g. 0.5`);
  return BigInt(m[1]!) * DEC_ONE + BigInt((m[2] ?? "").padEnd(18, "0"));
}

/** Formats a scaled value with all 18 fractional digits, as the SDK prints LegacyDec. */
export function formatDec(value: bigint): string {
  const whole = value / DEC_ONE;
  const fraction = (value % DEC_ONE).toString().padStart(18, "0");
  return `${whole}.${fraction}`;
}

/** A protobuf LegacyDec field (staking's shares): the integer of its 10^-18 units, "" read as 0. */
export function decFromWire(units: string): bigint {
  return BigInt(units || "0");
}

/** Divides by 10^18 rounding half to even, as LegacyDec's chopPrecisionAndRound. */
function chopAndRound(value: bigint): bigint {
  const quotient = value / DEC_ONE;
  const twice = (value % DEC_ONE) * 2n;
  if (twice < DEC_ONE) return quotient;
  if (twice > DEC_ONE) return quotient + 1n;
  return quotient % 2n === 0n ? quotient : quotient + 1n;
}

/** x * y of two non-negative scaled values, rounded (LegacyDec.Mul). */
export function decMul(x: bigint, y: bigint): bigint {
  return chopAndRound(x * y);
}

/** x / y of two non-negative scaled values, rounded (LegacyDec.Quo). */
export function decQuo(x: bigint, y: bigint): bigint {
  return chopAndRound((x * DEC_ONE * DEC_ONE) / y);
}
