/** gnark's binary public witness, as it crosses the wasm boundary. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { FR_ORDER } from "./field.js";
import { decodePublicWitness, encodePublicWitness } from "./public-witness.js";

test("public witness encodes with gnark's header and round-trips", () => {
  const inputs = [0n, 1n, FR_ORDER - 1n];
  const bytes = encodePublicWitness(inputs);
  assert.equal(bytes.length, 12 + 3 * 32);
  assert.deepEqual([...bytes.subarray(0, 12)], [0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 3]);
  assert.deepEqual(decodePublicWitness(bytes), inputs);
});

test("malformed public witnesses are errors", () => {
  const good = encodePublicWitness([5n, 6n]);
  assert.throws(() => decodePublicWitness(good.subarray(0, 40)), /bytes for 2 elements/);
  assert.throws(() => decodePublicWitness(good.subarray(0, 5)), /shorter than its 12-byte header/);
  const secret = Uint8Array.from(good);
  secret[7] = 1;
  assert.throws(() => decodePublicWitness(secret), /want only public ones/);
  const big = Uint8Array.from(good);
  big.fill(0xff, 12, 44);
  assert.throws(() => decodePublicWitness(big), /element 0 is not below the field order/);
});
