/**
 * A sparse Merkle tree over sha256(key), in the canonical compressed form: a subtree holding one
 * leaf is that leaf, an empty subtree hashes to 32 zero bytes. The shape depends only on the set
 * of keys, so the root is independent of write order; each leaf sits on a unique bit path, which
 * is what existence and non-existence proofs (ICS-23) later walk.
 *
 *   leaf  = sha256(0x00 || sha256(key) || sha256(value))
 *   inner = sha256(0x01 || left || right)
 *
 * A node is stored under its own hash, encoded as the bytes that were hashed.
 */
import { sha256 } from "./hash.js";

export const EMPTY_HASH: Buffer = Buffer.alloc(32);
const LEAF = 0x00;
const INNER = 0x01;

/** One key's change in a batch: its hashed key and the hash of its new value (null deletes). */
export interface LeafChange {
  keyHash: Buffer;
  valueHash: Buffer | null;
}

interface Ref {
  hash: Buffer;
  /** Unknown for untouched subtrees until a collapse needs to know. */
  isLeaf: boolean | undefined;
}

const EMPTY: Ref = { hash: EMPTY_HASH, isLeaf: false };

/** Loads a node's encoding by its hash. */
export type NodeReader = (hash: Buffer) => Uint8Array | undefined;

export function isEmptyHash(hash: Uint8Array): boolean {
  return Buffer.compare(hash, EMPTY_HASH) === 0;
}

function bitAt(hash: Buffer, depth: number): number {
  return (hash[depth >> 3]! >> (7 - (depth & 7))) & 1;
}

/** First index in the sorted range [lo, hi) whose key has bit 1 at depth. */
function splitIndex(changes: LeafChange[], lo: number, hi: number, depth: number): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (bitAt(changes[mid]!.keyHash, depth) === 0) a = mid + 1;
    else b = mid;
  }
  return a;
}

/**
 * Applies a batch of changes (sorted by keyHash, one per key) to the tree at `root` and returns
 * the new root; every node created is added to `created` (hash as latin1 → encoding).
 */
export function applyChanges(
  root: Buffer,
  changes: LeafChange[],
  readNode: NodeReader,
  created: Map<string, Buffer>,
): Buffer {
  const load = (hash: Buffer): Uint8Array => {
    const staged = created.get(hash.toString("latin1"));
    const node = staged ?? readNode(hash);
    if (!node) throw new Error(`state tree node ${hash.toString("hex")} is missing: the store is corrupt`);
    return node;
  };

  const store = (encoding: Buffer, isLeaf: boolean): Ref => {
    const hash = sha256(encoding);
    created.set(hash.toString("latin1"), encoding);
    return { hash, isLeaf };
  };

  const makeLeaf = (keyHash: Buffer, valueHash: Buffer): Ref => {
    const enc = Buffer.allocUnsafe(65);
    enc[0] = LEAF;
    keyHash.copy(enc, 1);
    valueHash.copy(enc, 33);
    return store(enc, true);
  };

  const makeInner = (left: Ref, right: Ref): Ref => {
    const enc = Buffer.allocUnsafe(65);
    enc[0] = INNER;
    left.hash.copy(enc, 1);
    right.hash.copy(enc, 33);
    return store(enc, false);
  };

  const refOf = (hash: Buffer): Ref => (isEmptyHash(hash) ? EMPTY : { hash, isLeaf: undefined });
  const isLeaf = (ref: Ref): boolean => ref.isLeaf ?? load(ref.hash)[0] === LEAF;

  // A subtree with one leaf collapses into that leaf; an empty side makes no node.
  const combine = (left: Ref, right: Ref): Ref => {
    const leftEmpty = left === EMPTY || isEmptyHash(left.hash);
    const rightEmpty = right === EMPTY || isEmptyHash(right.hash);
    if (leftEmpty && rightEmpty) return EMPTY;
    if (leftEmpty && isLeaf(right)) return right;
    if (rightEmpty && isLeaf(left)) return left;
    return makeInner(left, right);
  };

  // Builds the subtree of a set of present leaves (sorted, no deletions).
  const build = (leaves: LeafChange[], lo: number, hi: number, depth: number): Ref => {
    if (lo === hi) return EMPTY;
    if (hi - lo === 1) return makeLeaf(leaves[lo]!.keyHash, leaves[lo]!.valueHash!);
    if (depth >= 256) throw new Error("two distinct keys share a 256-bit hash path");
    const mid = splitIndex(leaves, lo, hi, depth);
    return makeInner(build(leaves, lo, mid, depth + 1), build(leaves, mid, hi, depth + 1));
  };

  const update = (ref: Ref, lo: number, hi: number, depth: number): Ref => {
    if (lo === hi) return ref;
    if (isEmptyHash(ref.hash)) {
      const present = changes.slice(lo, hi).filter((c) => c.valueHash !== null);
      return build(present, 0, present.length, depth);
    }
    const node = load(ref.hash);
    if (node[0] === LEAF) {
      const existing: LeafChange = {
        keyHash: Buffer.from(node.subarray(1, 33)),
        valueHash: Buffer.from(node.subarray(33, 65)),
      };
      const merged = mergeLeaf(existing, changes, lo, hi).filter((c) => c.valueHash !== null);
      return build(merged, 0, merged.length, depth);
    }
    const left = Buffer.from(node.subarray(1, 33));
    const right = Buffer.from(node.subarray(33, 65));
    const mid = splitIndex(changes, lo, hi, depth);
    const newLeft = lo === mid ? refOf(left) : update(refOf(left), lo, mid, depth + 1);
    const newRight = mid === hi ? refOf(right) : update(refOf(right), mid, hi, depth + 1);
    return combine(newLeft, newRight);
  };

  return update(refOf(root), 0, changes.length, 0).hash;
}

/** The changes in [lo, hi) with an existing leaf added unless a change replaces it. */
function mergeLeaf(existing: LeafChange, changes: LeafChange[], lo: number, hi: number): LeafChange[] {
  const out: LeafChange[] = [];
  let placed = false;
  for (let i = lo; i < hi; i++) {
    const c = changes[i]!;
    const order = Buffer.compare(c.keyHash, existing.keyHash);
    if (!placed && order >= 0) {
      placed = true;
      if (order > 0) out.push(existing);
    }
    out.push(c);
  }
  if (!placed) out.push(existing);
  return out;
}
