/**
 * ICS-23 proofs from a committed store tree (see spec.ts for the spec they follow).
 *
 * The walk starts at the root and follows sha256(key)'s bits (0: left, 1: right), loading each
 * inner node by its stored key (version, index). It ends at the key's leaf, at an empty child or
 * at the leaf of another key that shares the path so far.
 *
 * Existence: each step records the sibling, as the InnerOp {prefix: 0x01 || sibling, suffix: ""}
 * when the path goes right and {prefix: 0x01, suffix: sibling} when it goes left; ICS-23 applies
 * path[0] first (next to the leaf), so the steps are reversed.
 *
 * Absence: the proof holds the existence proofs of the key's neighbours in sha256(key) order.
 * The left one is the other leaf the walk ended at, if its hash is smaller, or else the rightmost
 * leaf of the deepest left sibling the walk passed; the right one likewise. An empty tree has no
 * neighbours: its absence proof holds neither, and only the empty root (32 zero bytes) accepts it.
 */
import { HashOp, type CommitmentProof, type ExistenceProof, type InnerOp } from "cosmjs-types/cosmos/ics23/v1/proofs";
import { sha256 } from "../hash.js";
import { innerChildren, isEmptyHash, isLeafNode, leafParts, type NodeReader, type NodeRef } from "../smt.js";
import { INNER_PREFIX, SMT_LEAF_OP } from "./spec.js";

function bitAt(hash: Uint8Array, depth: number): number {
  return (hash[depth >> 3]! >> (7 - (depth & 7))) & 1;
}

interface Step {
  children: [NodeRef, NodeRef];
  wentRight: boolean;
}

interface Walk {
  steps: Step[];
  /** The leaf the walk ended at, if it did not end at an empty child. */
  leaf: ReturnType<typeof leafParts> | undefined;
}

function loadNode(ref: NodeRef, readNode: NodeReader): Uint8Array {
  const node = readNode(ref.key);
  if (!node) throw new Error(`state tree node ${ref.hash.toString("hex")} is missing: the store is corrupt or the version pruned`);
  return node;
}

function walk(root: NodeRef, keyHash: Uint8Array, readNode: NodeReader): Walk {
  const steps: Step[] = [];
  let ref = root;
  for (let depth = 0; ; depth++) {
    if (isEmptyHash(ref.hash)) return { steps, leaf: undefined };
    const node = loadNode(ref, readNode);
    if (isLeafNode(node)) return { steps, leaf: leafParts(node) };
    if (depth >= 256) throw new Error("state tree deeper than 256: the store is corrupt");
    const children = innerChildren(node);
    const wentRight = bitAt(keyHash, depth) === 1;
    steps.push({ children, wentRight });
    ref = children[wentRight ? 1 : 0];
  }
}

/** The key of the leftmost (side 0) or rightmost (side 1) leaf under `ref`, a non-empty subtree. */
function outermostKey(ref: NodeRef, side: 0 | 1, readNode: NodeReader): Uint8Array {
  for (;;) {
    const node = loadNode(ref, readNode);
    if (isLeafNode(node)) return leafParts(node).key;
    const children = innerChildren(node);
    ref = isEmptyHash(children[side].hash) ? children[1 - side]! : children[side];
  }
}

function existenceProof(key: Uint8Array, value: Uint8Array, steps: Step[]): ExistenceProof {
  const path: InnerOp[] = steps.map(({ children: [left, right], wentRight }) =>
    wentRight
      ? { hash: HashOp.SHA256, prefix: Buffer.concat([INNER_PREFIX, left.hash]), suffix: new Uint8Array(0) }
      : { hash: HashOp.SHA256, prefix: Uint8Array.from(INNER_PREFIX), suffix: Uint8Array.from(right.hash) },
  );
  return {
    key: Uint8Array.from(key),
    value: Uint8Array.from(value),
    leaf: { ...SMT_LEAF_OP, prefix: Uint8Array.from(SMT_LEAF_OP.prefix) },
    path: path.reverse(),
  };
}

/** The existence proof of a key known to be in the tree. */
function proveMember(root: NodeRef, key: Uint8Array, readNode: NodeReader, valueOf: (key: Uint8Array) => Uint8Array | undefined): ExistenceProof {
  const { steps, leaf } = walk(root, sha256(key), readNode);
  const value = valueOf(key);
  if (!leaf || value === undefined || Buffer.compare(leaf.valueHash, sha256(value)) !== 0) {
    throw new Error(`the state of key ${Buffer.from(key).toString("hex")} does not match its tree leaf: the store is corrupt`);
  }
  return existenceProof(key, value, steps);
}

/**
 * A proof that `key` holds its value (existence) or is absent (non-existence) in the tree at
 * `root`; `valueOf` reads the values of the same version.
 */
export function proveKey(root: NodeRef, key: Uint8Array, readNode: NodeReader, valueOf: (key: Uint8Array) => Uint8Array | undefined): CommitmentProof {
  if (key.length === 0) throw new Error("cannot prove an empty key");
  const keyHash = sha256(key);
  const { steps, leaf } = walk(root, keyHash, readNode);
  if (leaf && Buffer.compare(leaf.keyHash, keyHash) === 0) return { exist: proveMember(root, key, readNode, valueOf) };

  const neighbourKey = (side: 0 | 1): Uint8Array | undefined => {
    // side 0: the left neighbour (smaller hash), side 1: the right one.
    if (leaf && Buffer.compare(leaf.keyHash, keyHash) === (side === 0 ? -1 : 1)) return leaf.key;
    for (let i = steps.length - 1; i >= 0; i--) {
      const { children, wentRight } = steps[i]!;
      const sibling = children[side];
      if (wentRight === (side === 0) && !isEmptyHash(sibling.hash)) return outermostKey(sibling, side === 0 ? 1 : 0, readNode);
    }
    return undefined;
  };
  const left = neighbourKey(0);
  const right = neighbourKey(1);
  return {
    nonexist: {
      key: Uint8Array.from(key),
      left: left && proveMember(root, left, readNode, valueOf),
      right: right && proveMember(root, right, readNode, valueOf),
    },
  };
}
