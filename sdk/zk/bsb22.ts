/**
 * The hashes of gnark's BSB22 commitments (`api.Commit` in a Groth16 circuit): each commitment
 * point becomes an extra public input, and one challenge folds all commitments' proofs of
 * knowledge into a single pairing check. Mirrors backend/groth16/bn254/verify.go.
 *
 * Both hashes are gnark-crypto's fr.Hash: RFC 9380 expand_message_xmd with SHA-256 to 48 bytes,
 * read big-endian and reduced mod r.
 */
import { expand_message_xmd } from "@noble/curves/abstract/hash-to-curve.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToBigint, frMod, frToBytes } from "./field.js";
import type { G1Affine } from "./gnark-encoding.js";

/** constraint.CommitmentDst in gnark. */
const COMMITMENT_DST = "bsb22-commitment";
const CHALLENGE_DST = "G16-BSB22";

/** fr.Hash(msg, dst, 1). */
export function hashToFr(msg: Uint8Array, dst: string): bigint {
  return frMod(bytesToBigint(expand_message_xmd(msg, dst, 48, sha256)));
}

/** G1Affine.Marshal(): X | Y, 32 bytes each; the point at infinity is 64 zero bytes. */
export function g1RawBytes(p: G1Affine | null): Uint8Array {
  const out = new Uint8Array(64);
  if (p === null) return out;
  out.set(frSized(p.x), 0);
  out.set(frSized(p.y), 32);
  return out;
}

/** The public input a commitment stands for: H(commitment | the public inputs it commits to). */
export function commitmentInput(commitment: G1Affine | null, committedPublic: readonly bigint[]): bigint {
  const msg = new Uint8Array(64 + 32 * committedPublic.length);
  msg.set(g1RawBytes(commitment), 0);
  committedPublic.forEach((x, i) => msg.set(frToBytes(x), 64 + 32 * i));
  return hashToFr(msg, COMMITMENT_DST);
}

/** The challenge that folds the proofs of knowledge: H(all commitment inputs). */
export function foldingChallenge(commitmentInputs: readonly bigint[]): bigint {
  const msg = new Uint8Array(32 * commitmentInputs.length);
  commitmentInputs.forEach((x, i) => msg.set(frToBytes(x), 32 * i));
  return hashToFr(msg, CHALLENGE_DST);
}

/** A base-field element (< p, which is above r) as 32 big-endian bytes. */
function frSized(x: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 31, v = x; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}
