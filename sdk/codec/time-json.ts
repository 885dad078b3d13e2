/**
 * google.protobuf.Timestamp and Duration as proto3 JSON writes them: a Timestamp as RFC 3339 in UTC
 * with 0, 3, 6 or 9 fractional digits ("2023-11-14T22:13:20.500Z"), a Duration as seconds with the
 * same fractions ("1.500s"). Computed in integers, not through Date, so state-machine code (genesis
 * export) may use it and every machine agrees.
 */

export interface TimestampParts {
  seconds: bigint;
  nanos: number;
}

const SECONDS_PER_DAY = 86_400n;

export function timestampToRfc3339({ seconds, nanos }: TimestampParts): string {
  const days = floorDiv(seconds, SECONDS_PER_DAY);
  const secondOfDay = Number(seconds - days * SECONDS_PER_DAY);
  const { year, month, day } = civilFromDays(days);
  const two = (n: number) => String(n).padStart(2, "0");
  const clock = `${two(Math.floor(secondOfDay / 3600))}:${two(Math.floor(secondOfDay / 60) % 60)}:${two(secondOfDay % 60)}`;
  return `${String(year).padStart(4, "0")}-${two(month)}-${two(day)}T${clock}${fraction(nanos)}Z`;
}

/** A non-negative Duration ("172800s", "1.500s"). */
export function durationToJson({ seconds, nanos }: TimestampParts): string {
  return `${seconds}${fraction(nanos)}s`;
}

/** Parses a non-negative Duration with up to 9 fractional digits. */
export function durationFromJson(text: string): TimestampParts | undefined {
  const m = /^(\d+)(?:\.(\d{1,9}))?s$/.exec(text);
  return m ? { seconds: BigInt(m[1]!), nanos: Number((m[2] ?? "").padEnd(9, "0")) } : undefined;
}

/** Parses RFC 3339 in UTC ("Z"), with up to 9 fractional digits. */
export function rfc3339ToTimestamp(text: string): TimestampParts | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?Z$/.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  const seconds = daysFromCivil(year, month, day) * SECONDS_PER_DAY + BigInt(hour * 3600 + minute * 60 + second);
  return { seconds, nanos: Number((m[7] ?? "").padEnd(9, "0")) };
}

/** jsonpb's fraction: none, or 3, 6 or 9 digits, the fewest that keep every nonzero digit. */
function fraction(nanos: number): string {
  if (nanos === 0) return "";
  const digits = String(nanos).padStart(9, "0");
  if (digits.endsWith("000000")) return `.${digits.slice(0, 3)}`;
  if (digits.endsWith("000")) return `.${digits.slice(0, 6)}`;
  return `.${digits}`;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian, day 0 = 1970-01-01).
function daysFromCivil(year: number, month: number, day: number): bigint {
  const y = BigInt(month <= 2 ? year - 1 : year);
  const era = floorDiv(y, 400n);
  const yoe = y - era * 400n;
  const mp = BigInt((month + 9) % 12);
  const doy = (153n * mp + 2n) / 5n + BigInt(day - 1);
  const doe = yoe * 365n + yoe / 4n - yoe / 100n + doy;
  return era * 146_097n + doe - 719_468n;
}

function civilFromDays(days: bigint): { year: number; month: number; day: number } {
  const z = days + 719_468n;
  const era = floorDiv(z, 146_097n);
  const doe = z - era * 146_097n;
  const yoe = (doe - doe / 1460n + doe / 36_524n - doe / 146_096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = Number(doy - (153n * mp + 2n) / 5n + 1n);
  const month = Number(mp < 10n ? mp + 3n : mp - 9n);
  const year = Number(yoe + era * 400n) + (month <= 2 ? 1 : 0);
  return { year, month, day };
}
