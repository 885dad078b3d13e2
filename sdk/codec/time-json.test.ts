import assert from "node:assert/strict";
import { test } from "node:test";
import { durationFromJson, durationToJson, rfc3339ToTimestamp, timestampToRfc3339 } from "./time-json.js";

// Vectors checked against Go's protojson (time.Unix(s, n).UTC() with 0/3/6/9 fractional digits).
const VECTORS: [bigint, number, string][] = [
  [0n, 0, "1970-01-01T00:00:00Z"],
  [1_700_000_000n, 0, "2023-11-14T22:13:20Z"],
  [1_700_000_000n, 500_000_000, "2023-11-14T22:13:20.500Z"],
  [1_700_000_000n, 123_456_000, "2023-11-14T22:13:20.123456Z"],
  [1_700_000_000n, 1, "2023-11-14T22:13:20.000000001Z"],
  [951_782_400n, 0, "2000-02-29T00:00:00Z"],
  [-1n, 0, "1969-12-31T23:59:59Z"],
  [-62_135_596_800n, 0, "0001-01-01T00:00:00Z"],
  [253_402_300_799n, 999_999_999, "9999-12-31T23:59:59.999999999Z"],
];

test("timestamps write as proto3 JSON's RFC 3339 and read back to the same seconds and nanos", () => {
  for (const [seconds, nanos, text] of VECTORS) {
    assert.equal(timestampToRfc3339({ seconds, nanos }), text);
    assert.deepEqual(rfc3339ToTimestamp(text), { seconds, nanos });
  }
});

test("every day of four centuries agrees with the platform's calendar", () => {
  for (let days = -146_097; days <= 146_097; days += 1) {
    const seconds = BigInt(days) * 86_400n + 3_661n;
    assert.equal(timestampToRfc3339({ seconds, nanos: 0 }), new Date(Number(seconds) * 1000).toISOString().replace(".000Z", "Z"));
  }
});

test("malformed or impossible times are refused", () => {
  for (const text of ["2023-02-29T00:00:00Z", "2023-13-01T00:00:00Z", "2023-01-01T24:00:00Z", "2023-01-01 00:00:00Z", "2023-01-01T00:00:00+01:00", "2023-01-01T00:00:00.1234567890Z"]) {
    assert.equal(rfc3339ToTimestamp(text), undefined, text);
  }
});

test("durations write as proto3 JSON's seconds with 0, 3, 6 or 9 fractional digits and read back", () => {
  for (const [seconds, nanos, text] of [[172_800n, 0, "172800s"], [1n, 500_000_000, "1.500s"], [0n, 1_000, "0.000001s"], [0n, 1, "0.000000001s"]] as const) {
    assert.equal(durationToJson({ seconds, nanos }), text);
    assert.deepEqual(durationFromJson(text), { seconds, nanos });
  }
  assert.equal(durationFromJson("1.5"), undefined);
  assert.equal(durationFromJson("-1s"), undefined);
});
