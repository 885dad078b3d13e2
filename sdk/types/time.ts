/** Block times and periods as nanosecond bigints (queue keys sort by time), and their JSON. */
import type { Duration } from "cosmjs-types/google/protobuf/duration";
import type { Timestamp } from "cosmjs-types/google/protobuf/timestamp";

const NANOS = 1_000_000_000n;

export function toNanos(t: { seconds: bigint; nanos: number }): bigint {
  return t.seconds * NANOS + BigInt(t.nanos);
}

export function fromNanos(n: bigint): Timestamp {
  return { seconds: n / NANOS, nanos: Number(n % NANOS) };
}

export function addDuration(t: { seconds: bigint; nanos: number }, d: Duration | undefined): Timestamp {
  return fromNanos(toNanos(t) + (d ? toNanos(d) : 0n));
}

/** "172800s" as the SDK's JSON writes a Duration; also reads "1.5s". */
export function durationToJson(d: Duration | undefined): string {
  if (!d) return "0s";
  const nanos = toNanos(d);
  const whole = nanos / NANOS;
  const fraction = nanos % NANOS;
  return fraction === 0n ? `${whole}s` : `${whole}.${fraction.toString().padStart(9, "0").replace(/0+$/, "")}s`;
}

export function durationFromJson(text: unknown, what: string): Duration {
  const m = typeof text === "string" ? /^(\d+)(?:\.(\d{1,9}))?s$/.exec(text) : null;
  if (!m) throw new Error(`invalid ${what} ${JSON.stringify(text)}: expected a duration such as "172800s"`);
  return { seconds: BigInt(m[1]!), nanos: Number((m[2] ?? "").padEnd(9, "0")) };
}

/** RFC 3339 with the nanoseconds kept ("2023-11-14T22:13:20.123456789Z"), as Go prints a Timestamp. */
export function timestampToJson(t: Timestamp | undefined): string | null {
  if (!t) return null;
  const base = new Date(Number(t.seconds) * 1000).toISOString().slice(0, 19);
  return t.nanos === 0 ? `${base}Z` : `${base}.${String(t.nanos).padStart(9, "0").replace(/0+$/, "")}Z`;
}

export function timestampFromJson(text: unknown, what: string): Timestamp | undefined {
  if (text === null || text === undefined) return undefined;
  const m = typeof text === "string" ? /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(text) : null;
  if (!m) throw new Error(`invalid ${what} ${JSON.stringify(text)}: expected an RFC 3339 UTC time such as "2024-01-01T00:00:00Z"`);
  return { seconds: BigInt(Date.parse(`${m[1]}Z`) / 1000), nanos: Number((m[2] ?? "").padEnd(9, "0")) };
}
