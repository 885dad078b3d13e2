/** Block times and periods as nanosecond bigints: queue keys sort by time, sums never round. */
import { durationFromJson as parseDuration, durationToJson as durationText, rfc3339ToTimestamp, timestampToRfc3339 } from "../codec/time-json.js";
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
  return d ? durationText(d) : "0s";
}

export function durationFromJson(text: unknown, what: string): Duration {
  const parsed = typeof text === "string" ? parseDuration(text) : undefined;
  if (!parsed) throw new Error(`invalid ${what} ${JSON.stringify(text)}: expected a duration such as "172800s"`);
  return parsed;
}

/** RFC 3339 as proto3 JSON writes a Timestamp ("2023-11-14T22:13:20.500Z"). */
export function timestampToJson(t: Timestamp | undefined): string | null {
  return t ? timestampToRfc3339(t) : null;
}

export function timestampFromJson(text: unknown, what: string): Timestamp | undefined {
  if (text === null || text === undefined) return undefined;
  const parsed = typeof text === "string" ? rfc3339ToTimestamp(text) : undefined;
  if (!parsed) throw new Error(`invalid ${what} ${JSON.stringify(text)}: expected an RFC 3339 UTC time such as "2024-01-01T00:00:00Z"`);
  return parsed;
}
