/**
 * ICS-23 existence proofs from a committed store tree (see spec.ts for the spec they follow).
 *
 * The walk starts at the root and follows sha256(key)'s bits (0: left, 1: right), loading each
 * inner node by its stored key (version, index) through the node reader. An inner node's stored
 * value is 0x01 || leftHash || rightHash || leftKey || rightKey; a leaf's is
 * 0x00 || sha256(key) || sha256(value). Each step records the sibling: as the InnerOp
 * {prefix: 0x01 || sibling, suffix: ""} when the path goes right, {prefix: 0x01, suffix: sibling}
 * when it goes left. ICS-23 applies path[0] first (next to the leaf), so the steps are reversed.
 *
 * Non-existence proofs (issue 4) will follow the same walk: it ends at an empty child or at another key's
 * leaf; the proof is the ICS-23 neighbours (by sha256(key)) left and right of the key, found by
 * descending from the last branching node into the adjacent subtrees' right-/left-most leaves.
 */
import { HashOp, type ExistenceProof, type InnerOp } from "cosmjs-types/cosmos/ics23/v1/proofs";
import { sha256 } from "../hash.js";
import { isEmptyHash, NODE_KEY_SIZE, type NodeReader, type NodeRef } from "../smt.js";
import { INNER_PREFIX, SMT_LEAF_OP } from "./spec.js";

const LEAF = 0x00;
const INNER = 0x01;

function bitAt(hash: Uint8Array, depth: number): number {
  return (hash[depth >> 3]! >> (7 - (depth & 7))) & 1;
}

/**
 * The existence proof of `key` with committed value `value` in the tree at `root`, or undefined
 * when the tree holds no leaf for the key. Throws if the leaf's value hash is not sha256(value)
 * (the flat state and tree disagree) or a node is missing.
 */
export function proveExistence(root: NodeRef, key: Uint8Array, value: Uint8Array, readNode: NodeReader): ExistenceProof | undefined {
  if (key.length === 0) throw new Error("cannot prove an empty key");
  const keyHash = sha256(key);
  const steps: InnerOp[] = [];
  let ref: NodeRef = root;
  for (let depth = 0; ; depth++) {
    if (isEmptyHash(ref.hash)) return undefined;
    const node = readNode(ref.key);
    if (!node) throw new Error(`state tree node ${ref.hash.toString("hex")} is missing: the store is corrupt`);
    const bytes = Buffer.from(node.buffer, node.byteOffset, node.byteLength);
    if (bytes[0] === LEAF) {
      if (Buffer.compare(bytes.subarray(1, 33), keyHash) !== 0) return undefined;
      if (Buffer.compare(bytes.subarray(33, 65), sha256(value)) !== 0) {
        throw new Error(`the committed value of key ${Buffer.from(key).toString("hex")} does not match its tree leaf`);
      }
      break;
    }
    if (bytes[0] !== INNER) throw new Error(`state tree node ${ref.hash.toString("hex")} has unknown type ${bytes[0]}`);
    if (depth >= 256) throw new Error("state tree deeper than 256: the store is corrupt");
    const left = Buffer.from(bytes.subarray(1, 33));
    const right = Buffer.from(bytes.subarray(33, 65));
    if (bitAt(keyHash, depth) === 0) {
      steps.push({ hash: HashOp.SHA256, prefix: Uint8Array.from(INNER_PREFIX), suffix: right });
      ref = { hash: left, key: Buffer.from(bytes.subarray(65, 65 + NODE_KEY_SIZE)) };
    } else {
      steps.push({ hash: HashOp.SHA256, prefix: Buffer.concat([INNER_PREFIX, left]), suffix: new Uint8Array(0) });
      ref = { hash: right, key: Buffer.from(bytes.subarray(65 + NODE_KEY_SIZE, 65 + 2 * NODE_KEY_SIZE)) };
    }
  }
  return {
    key: Uint8Array.from(key),
    value: Uint8Array.from(value),
    leaf: { ...SMT_LEAF_OP, prefix: Uint8Array.from(SMT_LEAF_OP.prefix) },
    path: steps.reverse(),
  };
}
