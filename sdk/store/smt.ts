/**
 * A sparse Merkle tree over sha256(key), in the canonical compressed form: a subtree holding one
 * leaf is that leaf, an empty subtree hashes to 32 zero bytes. The shape depends only on the set
 * of keys, so the root is independent of write order; each leaf sits on a unique bit path, which
 * is what existence and non-existence proofs (ICS-23) later walk.
 *
 *   leaf  = sha256(0x00 || sha256(key) || sha256(value))
 *   inner = sha256(0x01 || left || right)
 *
 * A leaf's stored value is the hashed bytes followed by the key itself: a non-existence proof
 * names the neighbouring keys, and a walk finds them by their hashes alone.
 *
 * Nodes are stored under a 12-byte key: the version whose commit wrote them (8 bytes) and their
 * creation index within it (4 bytes), as IAVL does. Pruning drops a node once no kept version
 * reaches it: each commit records the nodes it replaced (its orphans). A commit's nodes are thus appended in key
 * order at the end of the database instead of landing on thousands of random pages (as hash keys
 * would), and can be written as they are made. A node's value is the bytes that were hashed; an
 * inner node adds the keys of its two children, which locate them.
 */
import { sha256 } from "./hash.js";
import { MAX_KEY_BYTES } from "./keys.js";
import type { RecordList } from "./records.js";

export const EMPTY_HASH: Buffer = Buffer.alloc(32);
const LEAF = 0x00;
const INNER = 0x01;
export const NODE_KEY_SIZE = 12;
const NO_KEY = Buffer.alloc(NODE_KEY_SIZE);

/** A subtree: the hash of its root node and where that node is stored. */
export interface NodeRef {
  hash: Buffer;
  key: Buffer;
}

export const EMPTY_TREE: NodeRef = { hash: EMPTY_HASH, key: NO_KEY };

/** One key's change in a batch: the key, its hash and the hash of its new value (null deletes). */
export interface LeafChange {
  key: Uint8Array;
  keyHash: Uint8Array;
  valueHash: Uint8Array | null;
}

interface Ref extends NodeRef {
  /** Unknown for untouched subtrees until a collapse needs to know. */
  isLeaf: boolean | undefined;
}

const EMPTY: Ref = { ...EMPTY_TREE, isLeaf: false };

/** Loads a node's stored value by its key. */
export type NodeReader = (key: Buffer) => Uint8Array | undefined;

/** Receives each new node's key and value; both are scratch space, overwritten by the next. */
export type NodeSink = (key: Buffer, value: Buffer) => void;

/** Receives the key of each stored node a change replaced (scratch space as well). */
export type OrphanSink = (key: Buffer) => void;

/** The parts of a stored leaf node. */
export function leafParts(node: Uint8Array): { keyHash: Uint8Array; valueHash: Uint8Array; key: Uint8Array } {
  return { keyHash: node.subarray(1, 33), valueHash: node.subarray(33, 65), key: node.subarray(65) };
}

export const isLeafNode = (node: Uint8Array) => node[0] === LEAF;

/** The hashes and stored keys of an inner node's two children. */
export function innerChildren(node: Uint8Array): [NodeRef, NodeRef] {
  const bytes = Buffer.from(node.buffer, node.byteOffset, node.byteLength);
  return [
    { hash: bytes.subarray(1, 33), key: bytes.subarray(65, 65 + NODE_KEY_SIZE) },
    { hash: bytes.subarray(33, 65), key: bytes.subarray(65 + NODE_KEY_SIZE, 65 + 2 * NODE_KEY_SIZE) },
  ];
}

export function isEmptyHash(hash: Uint8Array): boolean {
  return Buffer.compare(hash, EMPTY_HASH) === 0;
}

function bitAt(hash: Uint8Array, depth: number): number {
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

/** Makes the nodes of one version, numbering them in creation order. */
class NodeMaker {
  private readonly key = Buffer.alloc(NODE_KEY_SIZE);
  private readonly value = Buffer.alloc(65 + Math.max(2 * NODE_KEY_SIZE, MAX_KEY_BYTES));
  private next = 0;

  constructor(
    version: number,
    private readonly sink: NodeSink,
  ) {
    this.key.writeUIntBE(version, 2, 6);
  }

  leaf(key: Uint8Array, keyHash: Uint8Array, valueHash: Uint8Array): Ref {
    this.value[0] = LEAF;
    this.value.set(keyHash, 1);
    this.value.set(valueHash, 33);
    this.value.set(key, 65);
    return this.store(65 + key.length, true);
  }

  inner(left: NodeRef, right: NodeRef): Ref {
    this.value[0] = INNER;
    this.value.set(left.hash, 1);
    this.value.set(right.hash, 33);
    this.value.set(left.key, 65);
    this.value.set(right.key, 65 + NODE_KEY_SIZE);
    return this.store(65 + 2 * NODE_KEY_SIZE, false);
  }

  private store(length: number, isLeaf: boolean): Ref {
    const hash = sha256(this.value.subarray(0, 65));
    this.key.writeUInt32BE(this.next++, 8);
    this.sink(this.key, this.value.subarray(0, length));
    return { hash, key: Buffer.from(this.key), isLeaf };
  }
}

/**
 * Applies a batch of changes (sorted by keyHash, one per key) to the tree at `root` and returns
 * the new root; every node created is stored under `version` and handed to `sink`, every stored
 * node the new tree no longer uses to `orphan`.
 */
export function applyChanges(
  root: NodeRef,
  changes: LeafChange[],
  readNode: NodeReader,
  version: number,
  sink: NodeSink,
  orphan: OrphanSink = () => {},
): NodeRef {
  const make = new NodeMaker(version, sink);
  const load = (ref: NodeRef): Buffer => {
    const node = readNode(ref.key);
    if (!node) throw new Error(`state tree node ${ref.hash.toString("hex")} is missing: the store is corrupt`);
    return Buffer.from(node.buffer, node.byteOffset, node.byteLength);
  };

  const refOf = (hash: Buffer, key: Buffer): Ref => (isEmptyHash(hash) ? EMPTY : { hash, key, isLeaf: undefined });
  const isLeaf = (ref: Ref): boolean => ref.isLeaf ?? load(ref)[0] === LEAF;

  // A subtree with one leaf collapses into that leaf; an empty side makes no node.
  const combine = (left: Ref, right: Ref): Ref => {
    const leftEmpty = left === EMPTY || isEmptyHash(left.hash);
    const rightEmpty = right === EMPTY || isEmptyHash(right.hash);
    if (leftEmpty && rightEmpty) return EMPTY;
    if (leftEmpty && isLeaf(right)) return right;
    if (rightEmpty && isLeaf(left)) return left;
    return make.inner(left, right);
  };

  // Builds the subtree of a set of present leaves (sorted, no deletions).
  const build = (leaves: LeafChange[], lo: number, hi: number, depth: number): Ref => {
    if (lo === hi) return EMPTY;
    if (hi - lo === 1) return make.leaf(leaves[lo]!.key, leaves[lo]!.keyHash, leaves[lo]!.valueHash!);
    if (depth >= 256) throw new Error("two distinct keys share a 256-bit hash path");
    const mid = splitIndex(leaves, lo, hi, depth);
    return make.inner(build(leaves, lo, mid, depth + 1), build(leaves, mid, hi, depth + 1));
  };

  const update = (ref: Ref, lo: number, hi: number, depth: number): Ref => {
    if (lo === hi) return ref;
    if (isEmptyHash(ref.hash)) {
      const present = changes.slice(lo, hi).filter((c) => c.valueHash !== null);
      return build(present, 0, present.length, depth);
    }
    const node = load(ref);
    // Every node on a changed path is made anew, the untouched leaf of a split included.
    orphan(ref.key);
    if (node[0] === LEAF) {
      const existing: LeafChange = leafParts(node);
      const merged = mergeLeaf(existing, changes, lo, hi).filter((c) => c.valueHash !== null);
      return build(merged, 0, merged.length, depth);
    }
    const left = refOf(node.subarray(1, 33), node.subarray(65, 65 + NODE_KEY_SIZE));
    const right = refOf(node.subarray(33, 65), node.subarray(65 + NODE_KEY_SIZE, 65 + 2 * NODE_KEY_SIZE));
    const mid = splitIndex(changes, lo, hi, depth);
    return combine(lo === mid ? left : update(left, lo, mid, depth + 1), mid === hi ? right : update(right, mid, hi, depth + 1));
  };

  const result = update({ ...root, isLeaf: undefined }, 0, changes.length, 0);
  return { hash: result.hash, key: result.key };
}

/**
 * The tree of exactly these leaves, built from nothing (a first commit): the tree applyChanges
 * yields from an empty root, in the same node order, without an object per leaf so that a
 * genesis of millions of keys fits in memory. Leaf i has key leafKey(i), key hash keyHashes[i]
 * and value hash valueHash(i); `order` lists the leaves by key hash.
 */
export function buildTree(
  keyHashes: RecordList,
  order: Uint32Array,
  leafKey: (i: number) => Uint8Array,
  valueHash: (i: number) => Uint8Array,
  version: number,
  sink: NodeSink,
): NodeRef {
  const make = new NodeMaker(version, sink);
  const bit = (pos: number, depth: number) => (keyHashes.byte(order[pos]!, depth >> 3) >> (7 - (depth & 7))) & 1;
  const build = (lo: number, hi: number, depth: number): Ref => {
    if (lo === hi) return EMPTY;
    if (hi - lo === 1) return make.leaf(leafKey(order[lo]!), keyHashes.slice(order[lo]!), valueHash(order[lo]!));
    if (depth >= 256) throw new Error("two distinct keys share a 256-bit hash path");
    let a = lo;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (bit(mid, depth) === 0) a = mid + 1;
      else b = mid;
    }
    return make.inner(build(lo, a, depth + 1), build(a, hi, depth + 1));
  };
  const root = build(0, order.length, 0);
  return { hash: root.hash, key: root.key };
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
