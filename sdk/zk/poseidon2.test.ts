/**
 * Poseidon2 and its Merkle–Damgård hash against the vectors Go writes with gnark-crypto
 * (circuits/build/vectors/hash.json): same permutation, same round keys, same chaining.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { FR_ORDER } from "./field.js";
import { LABELS, tag } from "./hashes.js";
import { ZERO_HASHES } from "./merkle.js";
import { compress, DEFAULT_PARAMS, hashMD, makeParams, MERKLE_PARAMS, permute } from "./poseidon2.js";
import { readVectors } from "./vectors.js";

interface HashVectors {
  modulus: string;
  compress: { left: string; right: string; output: string }[];
  permutation3: { input: string[]; output: string[] }[];
  hash: { inputs: string[]; output: string }[];
  tags: Record<string, string>;
  zeroHashes: string[];
}
const v = () => readVectors("hash") as HashVectors;

test("the field is the one Go uses", () => {
  assert.equal(BigInt(v().modulus), FR_ORDER);
});

test("compress matches gnark-crypto's Poseidon2 Compress", () => {
  for (const c of v().compress) assert.equal(compress(BigInt(c.left), BigInt(c.right)), BigInt(c.output), `C(${c.left}, ${c.right})`);
});

test("the width-3 permutation of Merkle nodes matches gnark-crypto's NewPermutation(3, 8, 56)", () => {
  const cases = v().permutation3;
  assert.ok(cases.length >= 4);
  for (const c of cases) assert.deepEqual(permute(c.input.map(BigInt), MERKLE_PARAMS).map(String), c.output, `P3(${c.input.join(", ")})`);
  assert.equal(MERKLE_PARAMS.width, 3);
  assert.equal(MERKLE_PARAMS.fullRounds, 8);
  assert.equal(MERKLE_PARAMS.partialRounds, 56);
  assert.equal(MERKLE_PARAMS.roundKeys.length, 64);
});

test("hashMD matches gnark-crypto's Merkle–Damgård hasher", () => {
  const cases = v().hash;
  assert.ok(cases.length >= 5);
  for (const c of cases) assert.equal(hashMD(c.inputs.map(BigInt)), BigInt(c.output), `H(${c.inputs.join(", ")})`);
});

test("every domain tag is the one Go uses, and Go uses no other", () => {
  const tags = v().tags;
  assert.deepEqual(Object.keys(tags).sort(), Object.values(LABELS).sort());
  for (const [label, value] of Object.entries(tags)) assert.equal(tag(label), BigInt(value), label);
});

test("empty-subtree hashes match Go's ZeroHashes", () => {
  assert.deepEqual(ZERO_HASHES.map(String), v().zeroHashes);
});

test("the default parameters are gnark's: width 2, 6 full and 50 partial rounds", () => {
  assert.equal(DEFAULT_PARAMS.width, 2);
  assert.equal(DEFAULT_PARAMS.fullRounds, 6);
  assert.equal(DEFAULT_PARAMS.partialRounds, 50);
  assert.equal(DEFAULT_PARAMS.roundKeys.length, 56);
  // Deriving again from the seed is deterministic and gives the same keys.
  assert.deepEqual(makeParams(2, 6, 50).roundKeys, DEFAULT_PARAMS.roundKeys);
});

test("permute refuses a state of the wrong width or with non-field elements", () => {
  assert.throws(() => permute([1n]), /must have 2 elements/);
  assert.throws(() => permute([1n, FR_ORDER]), /not a field element/);
  assert.throws(() => makeParams(2, 5, 50), /even number of full rounds/);
});
