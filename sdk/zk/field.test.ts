/** Field elements at the API boundary: one canonical encoding each, and errors that say why. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { bytesToBigint, FR_ORDER, frToBytes, parseFr } from "./field.js";

test("parseFr accepts canonical decimal strings, safe integers and bigints", () => {
  assert.equal(parseFr("0", "x"), 0n);
  assert.equal(parseFr("123", "x"), 123n);
  assert.equal(parseFr(7, "x"), 7n);
  assert.equal(parseFr(FR_ORDER - 1n, "x"), FR_ORDER - 1n);
});

test("parseFr rejects values that would be reduced or misread", () => {
  for (const bad of [String(FR_ORDER), FR_ORDER, -1n, "-1", "007", "0x10", "1e3", " 1", "", 1.5, null, undefined, {}]) {
    assert.throws(() => parseFr(bad, "public input 3"), /public input 3 must be/);
  }
});

test("frToBytes is 32 bytes big-endian and round-trips", () => {
  const x = FR_ORDER - 12345n;
  const b = frToBytes(x);
  assert.equal(b.length, 32);
  assert.equal(bytesToBigint(b), x);
  assert.deepEqual([...frToBytes(258n).subarray(30)], [1, 2]);
  assert.throws(() => frToBytes(FR_ORDER), /not a field element/);
});
