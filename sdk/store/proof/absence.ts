/**
 * Verification of ICS-23 non-existence proofs, with the Go library's neighbour checks: both
 * neighbours' existence proofs must verify against the root, their keys must bracket the key
 * (compared as sha256(key) when the spec prehashes keys before comparison, as ours does), and
 * their paths must show them adjacent: the left neighbour is the rightmost leaf below the
 * branch where the two paths split, the right one the leftmost; a proof with one neighbour must
 * show it to be the tree's first or last leaf. Without these checks a proof could skip over the
 * very key it claims is absent.
 */
import type { InnerOp, InnerSpec, NonExistenceProof } from "cosmjs-types/cosmos/ics23/v1/proofs";
import { sha256 } from "../hash.js";
import { SMT_SPEC, type AgoraProofSpec } from "./spec.js";
import { ProofError, verifyExistence } from "./verify.js";

const bytesEqual = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

/** Prefix and suffix lengths of an inner op whose child sits at `branch`. */
function padding(spec: InnerSpec, branch: number): { minPrefix: number; maxPrefix: number; suffix: number } {
  const idx = spec.childOrder.indexOf(branch);
  if (idx < 0) throw new ProofError(`branch ${branch} is not in the spec's child order`);
  return {
    minPrefix: idx * spec.childSize + spec.minPrefixLength,
    maxPrefix: idx * spec.childSize + spec.maxPrefixLength,
    suffix: (spec.childOrder.length - 1 - idx) * spec.childSize,
  };
}

function hasPadding(op: InnerOp, pad: ReturnType<typeof padding>): boolean {
  return op.prefix.length >= pad.minPrefix && op.prefix.length <= pad.maxPrefix && op.suffix.length === pad.suffix;
}

/** Which branch an inner op's child took, from its padding; -1 when none fits. */
function branchOf(spec: InnerSpec, op: InnerOp): number {
  for (let branch = 0; branch < spec.childOrder.length; branch++) if (hasPadding(op, padding(spec, branch))) return branch;
  return -1;
}

/** Whether every sibling on the given side of the op's child is the empty child. */
function siblingsEmpty(spec: InnerSpec, op: InnerOp, side: "left" | "right"): boolean {
  const branch = branchOf(spec, op);
  if (branch < 0) return false;
  const count = side === "left" ? branch : spec.childOrder.length - 1 - branch;
  if (count === 0 || spec.emptyChild.length === 0) return false;
  const bytes = side === "left" ? op.prefix.subarray(op.prefix.length - count * spec.childSize) : op.suffix;
  for (let i = 0; i < count; i++) {
    if (!bytesEqual(bytes.subarray(i * spec.childSize, (i + 1) * spec.childSize), spec.emptyChild)) return false;
  }
  return true;
}

function isLeftMost(spec: InnerSpec, path: InnerOp[]): boolean {
  const first = padding(spec, 0);
  return path.every((op) => hasPadding(op, first) || siblingsEmpty(spec, op, "left"));
}

function isRightMost(spec: InnerSpec, path: InnerOp[]): boolean {
  const last = padding(spec, spec.childOrder.length - 1);
  return path.every((op) => hasPadding(op, last) || siblingsEmpty(spec, op, "right"));
}

/** Whether the leaves with these paths (leaf first, root last) are adjacent, left before right. */
function isLeftNeighbour(spec: InnerSpec, left: InnerOp[], right: InnerOp[]): boolean {
  let l = left.length - 1;
  let r = right.length - 1;
  // The steps the two paths share, from the root down.
  while (l >= 0 && r >= 0 && bytesEqual(left[l]!.prefix, right[r]!.prefix) && bytesEqual(left[l]!.suffix, right[r]!.suffix)) {
    l--;
    r--;
  }
  if (l < 0 || r < 0) return false;
  if (branchOf(spec, right[r]!) !== branchOf(spec, left[l]!) + 1) return false;
  return isRightMost(spec, left.slice(0, l)) && isLeftMost(spec, right.slice(0, r));
}

/**
 * Whether `proof` shows `key` absent under `root`. Returns false for a well-formed proof of
 * something else; throws a ProofError for a malformed one. Only an empty tree's root accepts a
 * proof without neighbours.
 */
export function verifyNonExistence(proof: NonExistenceProof, root: Uint8Array, key: Uint8Array, spec: AgoraProofSpec = SMT_SPEC): boolean {
  if (!bytesEqual(proof.key, key) || key.length === 0) return false;
  const { left, right } = proof;
  if (!left && !right) return spec.innerSpec.emptyChild.length > 0 && bytesEqual(root, spec.innerSpec.emptyChild);
  if (left && !verifyExistence(left, root, left.key, left.value, spec)) return false;
  if (right && !verifyExistence(right, root, right.key, right.value, spec)) return false;
  const order = (k: Uint8Array) => (spec.prehashKeyBeforeComparison ? sha256(k) : k);
  if (left && Buffer.compare(order(left.key), order(key)) >= 0) return false;
  if (right && Buffer.compare(order(key), order(right.key)) >= 0) return false;
  if (!left) return isLeftMost(spec.innerSpec, right!.path);
  if (!right) return isRightMost(spec.innerSpec, left.path);
  return isLeftNeighbour(spec.innerSpec, left.path, right.path);
}
