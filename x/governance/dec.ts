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
