/**
 * The TypeScript Groth16 verifier on gnark's own proofs (circuits/build/vectors/proofs.json,
 * proved by native Go with the development keys): valid proofs verify on both engines, Go's
 * soundness cases are rejected, and no malformed or tampered key, proof or input verifies.
 */
import { bn254 } from "@noble/curves/bn254.js";
import assert from "node:assert/strict";
import { test } from "node:test";
import { CIRCUITS } from "./build-dir.js";
import { FR_ORDER } from "./field.js";
import { Groth16Verifier } from "./groth16-verifier.js";
import { verifyGroth16 } from "./groth16-verify.js";
import { nobleEngine } from "./pairing-noble.js";
import { decodePublicWitness } from "./public-witness.js";
import { readVectors } from "./vectors.js";

interface CircuitProofs {
  vk: string;
  vkRaw: string;
  proof: string;
  proofRaw: string;
  publicInputsList: string[];
  invalid: { what: string; expect: "error" | "false"; proof: string; publicWitness: string }[];
}
const vectors = () => readVectors("proofs") as Record<string, CircuitProofs>;
const hex = (s: string) => Uint8Array.from(Buffer.from(s, "hex"));
const noble = new Groth16Verifier(nobleEngine);
const verifiers = { wasm: verifyGroth16, noble: noble.verify.bind(noble) };

/** "true", "false" or "error": what a verifier made of its input. */
function outcome(verify: () => boolean): string {
  try {
    return String(verify());
  } catch (err) {
    assert.ok(err instanceof Error && err.message.length > 10, `errors must explain themselves: ${String(err)}`);
    return "error";
  }
}

for (const circuit of CIRCUITS) {
  test(`${circuit}: Go's proof verifies, compressed and raw, on both engines`, () => {
    const v = vectors()[circuit]!;
    for (const [name, verify] of Object.entries(verifiers)) {
      assert.equal(verify(hex(v.vk), v.publicInputsList, hex(v.proof)), true, `${name}, compressed`);
      assert.equal(verify(hex(v.vkRaw), v.publicInputsList, hex(v.proofRaw)), true, `${name}, raw`);
      assert.equal(verify(hex(v.vk), v.publicInputsList.map(BigInt), hex(v.proofRaw)), true, `${name}, bigint inputs`);
    }
  });

  test(`${circuit}: every soundness case Go lists is rejected, on both engines`, () => {
    const v = vectors()[circuit]!;
    assert.ok(v.invalid.length >= 5);
    for (const bad of v.invalid) {
      for (const [name, verify] of Object.entries(verifiers)) {
        const got = outcome(() => verify(hex(v.vk), decodePublicWitness(hex(bad.publicWitness)), hex(bad.proof)));
        assert.equal(got, bad.expect, `${circuit}, ${bad.what}, ${name}`);
      }
    }
  });

  test(`${circuit}: every public input is bound to the proof`, () => {
    const v = vectors()[circuit]!;
    for (let i = 0; i < v.publicInputsList.length; i++) {
      const inputs = [...v.publicInputsList];
      inputs[i] = String((BigInt(inputs[i]!) + 1n) % FR_ORDER);
      assert.equal(verifyGroth16(hex(v.vk), inputs, hex(v.proof)), false, `input ${i} changed`);
    }
  });
}

test("public inputs: the count and each value's range are checked", () => {
  const v = vectors().vote!;
  const [vk, proof, inputs] = [hex(v.vk), hex(v.proof), v.publicInputsList];
  assert.throws(() => verifyGroth16(vk, inputs.slice(1), proof), /expects 4, got 3/);
  assert.throws(() => verifyGroth16(vk, [...inputs, "0"], proof), /expects 4, got 5/);
  // x + r is the same field element as x: accepting it would make inputs malleable.
  const wrapped = [String(BigInt(inputs[0]!) + FR_ORDER), ...inputs.slice(1)];
  assert.throws(() => verifyGroth16(vk, wrapped, proof), /public input 0 must be below the BN254 scalar field order/);
  assert.throws(() => verifyGroth16(vk, ["-1", ...inputs.slice(1)], proof), /public input 0 must be a field element/);
  assert.throws(() => verifyGroth16(vk, ["0x1", ...inputs.slice(1)], proof), /public input 0 must be a field element/);
  assert.throws(() => verifyGroth16(vk, "1,2,3,4" as never, proof), /must be an array/);
  assert.throws(() => verifyGroth16(vk, inputs, Array.from(proof) as never), /must be a Uint8Array/);
});

test("range: no single bit flip anywhere in the proof verifies", () => {
  const v = vectors().range!;
  const [vk, proof] = [hex(v.vk), hex(v.proof)];
  const counts = { true: 0, false: 0, error: 0 } as Record<string, number>;
  for (let bit = 0; bit < proof.length * 8; bit++) {
    const flipped = Uint8Array.from(proof);
    flipped[bit >> 3]! ^= 1 << (bit & 7);
    counts[outcome(() => verifyGroth16(vk, v.publicInputsList, flipped))]!++;
  }
  assert.equal(counts.true, 0);
  assert.ok(counts.false! > 0 && counts.error! > 0, JSON.stringify(counts)); // both kinds of rejection occur
});

test("spend: every truncation of the proof and the key is an error", () => {
  const v = vectors().spend!;
  const [vk, proof] = [hex(v.vk), hex(v.proof)];
  for (let n = 0; n < proof.length; n++) assert.throws(() => verifyGroth16(vk, v.publicInputsList, proof.subarray(0, n)), /proof: /);
  for (let n = 0; n < vk.length; n++) assert.throws(() => verifyGroth16(vk.subarray(0, n), v.publicInputsList, proof), /verifying key: /);
  assert.throws(() => verifyGroth16(Uint8Array.of(...vk, 0), v.publicInputsList, proof), /verifying key: 1 unexpected trailing bytes/);
});

test("range: no bit flip in the verifying key verifies (every 5th bit)", () => {
  const v = vectors().range!;
  const [vk, proof] = [hex(v.vk), hex(v.proof)];
  let tried = 0;
  // A stride of 5 reaches every bit position within a byte, flag bits included.
  for (let bit = 0; bit < vk.length * 8; bit += 5) {
    const flipped = Uint8Array.from(vk);
    flipped[bit >> 3]! ^= 1 << (bit & 7);
    assert.notEqual(outcome(() => verifyGroth16(flipped, v.publicInputsList, proof)), "true", `bit ${bit} of the key`);
    tried++;
  }
  assert.ok(tried > 500);
});

// Encodings built by hand for what gnark never writes: points off the curve or the subgroup,
// coordinates that are not reduced, badly encoded infinity.
const { Fp, Fp2 } = bn254.fields;
const be = (x: bigint) => Uint8Array.from(Buffer.from(x.toString(16).padStart(64, "0"), "hex"));
const g2Raw = (x: { c0: bigint; c1: bigint }, y: { c0: bigint; c1: bigint }) => Uint8Array.of(...be(x.c1), ...be(x.c0), ...be(y.c1), ...be(y.c0));

/** A point of the twist curve E'(Fp2) outside the order-r subgroup G2 (the cofactor is huge). */
function twistPointOutsideG2() {
  for (let i = 1n; ; i++) {
    const x = { c0: i, c1: 1n };
    try {
      const y = Fp2.sqrt(Fp2.add(Fp2.mul(Fp2.sqr(x), x), bn254.G2.Point.CURVE().b));
      if (!bn254.G2.Point.fromAffine({ x, y }).isTorsionFree()) return { x, y };
    } catch {
      // x³ + b' is not a square: try the next x
    }
  }
}

test("proof points must be on the curve, in the subgroup, canonical and well encoded", () => {
  const v = vectors().range!;
  const [vk, raw, inputs] = [hex(v.vk), hex(v.proofRaw), v.publicInputsList];
  // Raw layout: Ar (64) | Bs (128) | Krs (64) | uint32 0 | CommitmentPok (64)
  const withBytes = (at: number, bytes: Uint8Array) => {
    const p = Uint8Array.from(raw);
    p.set(bytes, at);
    return p;
  };
  const word = (at: number) => BigInt("0x" + Buffer.from(raw.subarray(at, at + 32)).toString("hex"));
  const ay = word(32);
  const bx0 = word(96); // the real part of Bs's x: the flag bits live in the imaginary part
  for (const [name, verify] of Object.entries(verifiers)) {
    const check = (proof: Uint8Array, error: RegExp) => assert.throws(() => verify(vk, inputs, proof), error, name);
    const q = twistPointOutsideG2();
    check(withBytes(64, g2Raw(q.x, q.y)), /Bs: not a point of G2 \(outside the order-r subgroup\)/);
    check(withBytes(32, be(Fp.add(ay, 1n))), /Ar: not a point of G1 \(off the curve\)/);
    check(withBytes(32, be(ay + Fp.ORDER)), /Ar: coordinate is not below the base field modulus/);
    check(withBytes(96, be(bx0 + Fp.ORDER)), /Bs: coordinate is not below the base field modulus/);
    const junkInfinity = new Uint8Array(32);
    junkInfinity[0] = 0x40;
    junkInfinity[31] = 1;
    check(withBytes(0, Uint8Array.of(...junkInfinity, ...raw.subarray(0, 32))).subarray(0, raw.length - 32), /Ar: bad encoding of the point at infinity/);
    // A at infinity is well formed but no valid proof has it.
    const infinityA = Uint8Array.of(0x40, ...new Uint8Array(31), ...raw.subarray(64));
    assert.equal(verify(vk, inputs, infinityA), false, name);
  }
});
