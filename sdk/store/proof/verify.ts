/**
 * Our own ICS-23 existence-proof verifier for the store tree's spec (spec.ts); it does not use
 * @confio/ics23. Besides computing the root, it applies the checks the Go library
 * (cosmos/ics23) added after the 2022 advisory on forged proofs:
 *  - the leaf op must equal the spec's exactly (hash, prehash key, prehash value, length, prefix);
 *  - every inner op must use the spec's hash, its prefix must not start with the leaf prefix
 *    (so an inner node can never pass for a leaf), its prefix length must lie within
 *    [minPrefixLength, maxPrefixLength + (children - 1) * childSize] and its suffix length must
 *    be a multiple of childSize;
 *  - the path may not exceed maxDepth (nor be shorter than minDepth, when set);
 *  - key and value must be non-empty.
 * For our binary tree it is stricter still: an inner op must carry exactly one sibling, so its
 * prefix is minPrefixLength bytes (sibling after) or minPrefixLength + childSize bytes (sibling
 * before), the suffix then being childSize or 0 bytes.
 *
 * Malformed proofs (that break the spec) throw a ProofError; a well-formed proof that does not
 * reach the expected root returns false.
 */
import { HashOp, LengthOp, type ExistenceProof, type InnerOp, type LeafOp } from "cosmjs-types/cosmos/ics23/v1/proofs";
import { encodeUvarint } from "../../codec/uvarint.js";
import { sha256 } from "../hash.js";
import { SMT_SPEC, type AgoraProofSpec } from "./spec.js";

export class ProofError extends Error {
  override name = "ProofError";
}

const EMPTY = new Uint8Array(0);
const bytesEqual = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;
const startsWith = (data: Uint8Array, prefix: Uint8Array) => data.length >= prefix.length && bytesEqual(data.subarray(0, prefix.length), prefix);

function doHash(op: HashOp, data: Uint8Array): Uint8Array {
  if (op === HashOp.SHA256) return sha256(data);
  if (op === HashOp.NO_HASH) return data;
  throw new ProofError(`unsupported hash op ${op}`);
}

function prepareLeafData(hashOp: HashOp, lengthOp: LengthOp, data: Uint8Array): Uint8Array {
  const hashed = doHash(hashOp, data);
  if (lengthOp === LengthOp.NO_PREFIX) return hashed;
  if (lengthOp === LengthOp.VAR_PROTO) return Buffer.concat([encodeUvarint(hashed.length), hashed]);
  throw new ProofError(`unsupported length op ${lengthOp}`);
}


/** Checks a proof's ops against the spec; throws a ProofError naming the first violation. */
export function checkAgainstSpec(proof: ExistenceProof, spec: AgoraProofSpec = SMT_SPEC): void {
  if (!proof.key || proof.key.length === 0) throw new ProofError("existence proof has an empty key");
  if (!proof.value || proof.value.length === 0) throw new ProofError("existence proof has an empty value");
  checkLeaf(proof.leaf, spec.leafSpec);
  const path = proof.path ?? [];
  if (spec.maxDepth > 0 && path.length > spec.maxDepth) throw new ProofError(`proof path has ${path.length} inner ops, more than the spec's maximum depth ${spec.maxDepth}`);
  if (spec.minDepth > 0 && path.length < spec.minDepth) throw new ProofError(`proof path has ${path.length} inner ops, fewer than the spec's minimum depth ${spec.minDepth}`);
  path.forEach((op, i) => checkInner(op, i, spec));
}

function checkLeaf(leaf: LeafOp | undefined, want: LeafOp): void {
  if (!leaf) throw new ProofError("existence proof has no leaf op");
  if (leaf.hash !== want.hash) throw new ProofError(`leaf op hash ${leaf.hash}, spec wants ${want.hash}`);
  if (leaf.prehashKey !== want.prehashKey) throw new ProofError(`leaf op prehash key ${leaf.prehashKey}, spec wants ${want.prehashKey}`);
  if (leaf.prehashValue !== want.prehashValue) throw new ProofError(`leaf op prehash value ${leaf.prehashValue}, spec wants ${want.prehashValue}`);
  if (leaf.length !== want.length) throw new ProofError(`leaf op length ${leaf.length}, spec wants ${want.length}`);
  if (!leaf.prefix || !bytesEqual(leaf.prefix, want.prefix)) {
    throw new ProofError(`leaf op prefix ${Buffer.from(leaf.prefix ?? []).toString("hex")}, spec wants ${Buffer.from(want.prefix).toString("hex")}`);
  }
}

function checkInner(op: InnerOp, i: number, spec: AgoraProofSpec): void {
  const { innerSpec, leafSpec } = spec;
  const prefix = op.prefix ?? new Uint8Array(0);
  const suffix = op.suffix ?? new Uint8Array(0);
  const at = `inner op ${i}`;
  if (op.hash !== innerSpec.hash) throw new ProofError(`${at}: hash ${op.hash}, spec wants ${innerSpec.hash}`);
  if (startsWith(prefix, leafSpec.prefix)) throw new ProofError(`${at}: prefix starts with the leaf prefix`);
  if (prefix.length < innerSpec.minPrefixLength) throw new ProofError(`${at}: prefix of ${prefix.length} bytes, shorter than ${innerSpec.minPrefixLength}`);
  const maxLeftChildBytes = (innerSpec.childOrder.length - 1) * innerSpec.childSize;
  if (prefix.length > innerSpec.maxPrefixLength + maxLeftChildBytes) {
    throw new ProofError(`${at}: prefix of ${prefix.length} bytes, longer than ${innerSpec.maxPrefixLength + maxLeftChildBytes}`);
  }
  if (suffix.length % innerSpec.childSize !== 0) throw new ProofError(`${at}: suffix of ${suffix.length} bytes, not a multiple of ${innerSpec.childSize}`);
  // Binary tree, fixed-length prefix: exactly one sibling, before (in the prefix) or after.
  if (innerSpec.minPrefixLength === innerSpec.maxPrefixLength) {
    const before = prefix.length - innerSpec.minPrefixLength;
    if (before % innerSpec.childSize !== 0) throw new ProofError(`${at}: prefix of ${prefix.length} bytes does not end on a child boundary`);
    const siblings = before / innerSpec.childSize + suffix.length / innerSpec.childSize;
    if (siblings !== innerSpec.childOrder.length - 1) throw new ProofError(`${at}: carries ${siblings} sibling hashes, spec wants ${innerSpec.childOrder.length - 1}`);
  }
}

/** The root an existence proof commits to (after checking it against the spec). */
export function calculateRoot(proof: ExistenceProof, spec: AgoraProofSpec = SMT_SPEC): Uint8Array {
  checkAgainstSpec(proof, spec);
  const leaf = proof.leaf!;
  const key = prepareLeafData(leaf.prehashKey, leaf.length, proof.key);
  const value = prepareLeafData(leaf.prehashValue, leaf.length, proof.value);
  let hash = doHash(leaf.hash, Buffer.concat([leaf.prefix, key, value]));
  for (const op of proof.path) hash = doHash(op.hash, Buffer.concat([op.prefix ?? EMPTY, hash, op.suffix ?? EMPTY]));
  return hash;
}

/**
 * Whether `proof` shows that `key` holds `value` under `root`. Returns false for a valid-shaped
 * proof of something else (another key or value, another root); throws a ProofError for a
 * proof that breaks the spec.
 */
export function verifyExistence(proof: ExistenceProof, root: Uint8Array, key: Uint8Array, value: Uint8Array, spec: AgoraProofSpec = SMT_SPEC): boolean {
  if (root.length !== spec.innerSpec.childSize) throw new ProofError(`root of ${root.length} bytes, spec wants ${spec.innerSpec.childSize}`);
  if (!bytesEqual(proof.key, key)) return false;
  if (!bytesEqual(proof.value, value)) return false;
  return bytesEqual(calculateRoot(proof, spec), root);
}
