/**
 * Proofs that chain a key to the app hash, as the Cosmos SDK's ABCI query proofs do: ProofOps
 * with two ops, applied leaf first.
 *
 *   ops[0] "ics23:smt"     key: the store key   data: CommitmentProof (exist or nonexist) of the
 *                                              key in the store's tree, spec SMT_SPEC
 *   ops[1] "ics23:simple"  key: the store name  data: CommitmentProof (exist) of the store's root
 *                                              in the app hash tree, spec SIMPLE_SPEC
 *
 * The app hash tree is CometBFT's simple Merkle tree (RFC 6962) over the stores sorted by name,
 * each leaf encodeUvarint(len(name)) || name || encodeUvarint(32) || sha256(root): exactly what ICS-23's
 * `tendermintSpec` describes, the second op of every Cosmos SDK store proof. The first op differs
 * from the SDK's "ics23:iavl" because our stores are sparse Merkle trees (see spec.ts).
 */
import { CommitmentProof, HashOp, LengthOp, type ExistenceProof, type InnerOp } from "cosmjs-types/cosmos/ics23/v1/proofs";
import type { ProofOps } from "cosmjs-types/tendermint/crypto/proof";
import { encodeUvarint } from "../../codec/uvarint.js";
import { sha256 } from "../hash.js";
import { verifyNonExistence } from "./absence.js";
import { SMT_SPEC, type AgoraProofSpec } from "./spec.js";
import { calculateRoot, ProofError, verifyExistence } from "./verify.js";

export const PROOF_OP_SMT = "ics23:smt";
export const PROOF_OP_SIMPLE = "ics23:simple";

/** ICS-23's `tendermintSpec`: CometBFT's simple Merkle tree with key/value leaves. */
export const SIMPLE_SPEC: AgoraProofSpec = {
  leafSpec: { hash: HashOp.SHA256, prehashKey: HashOp.NO_HASH, prehashValue: HashOp.SHA256, length: LengthOp.VAR_PROTO, prefix: Uint8Array.of(0) },
  innerSpec: { childOrder: [0, 1], childSize: 32, minPrefixLength: 1, maxPrefixLength: 1, emptyChild: new Uint8Array(0), hash: HashOp.SHA256 },
  maxDepth: 0,
  minDepth: 0,
  prehashKeyBeforeComparison: false,
};


/** A store's leaf in the app hash tree. */
export function storeLeaf(name: string, root: Uint8Array): Buffer {
  const nameBytes = Buffer.from(name, "utf8");
  const rootHash = sha256(root);
  return Buffer.concat([encodeUvarint(nameBytes.length), nameBytes, encodeUvarint(rootHash.length), rootHash]);
}

const leafHash = (item: Uint8Array) => sha256(Buffer.concat([Buffer.of(0), item]));
const innerHash = (left: Uint8Array, right: Uint8Array) => sha256(Buffer.concat([Buffer.of(1), left, right]));

/** The largest power of two below n (n > 1): where RFC 6962 splits n items. */
function splitPoint(n: number): number {
  let split = 1;
  while (split * 2 < n) split *= 2;
  return split;
}

/** RFC 6962 Merkle root, as CometBFT's merkle.HashFromByteSlices computes it. */
export function merkleRoot(items: Uint8Array[]): Buffer {
  if (items.length === 0) return sha256(new Uint8Array());
  if (items.length === 1) return leafHash(items[0]!);
  const split = splitPoint(items.length);
  return innerHash(merkleRoot(items.slice(0, split)), merkleRoot(items.slice(split)));
}

/** The existence proof of store `index` among `roots` (sorted by name) in the app hash tree. */
export function proveStoreRoot(roots: [string, Uint8Array][], index: number): ExistenceProof {
  const items = roots.map(([name, root]) => storeLeaf(name, root));
  const path: InnerOp[] = [];
  const descend = (lo: number, hi: number) => {
    if (hi - lo === 1) return;
    const mid = lo + splitPoint(hi - lo);
    if (index < mid) {
      descend(lo, mid);
      path.push({ hash: HashOp.SHA256, prefix: Uint8Array.of(1), suffix: merkleRoot(items.slice(mid, hi)) });
    } else {
      descend(mid, hi);
      path.push({ hash: HashOp.SHA256, prefix: Buffer.concat([Buffer.of(1), merkleRoot(items.slice(lo, mid))]), suffix: new Uint8Array(0) });
    }
  };
  descend(0, items.length);
  const [name, root] = roots[index]!;
  return { key: Buffer.from(name, "utf8"), value: Uint8Array.from(root), leaf: SIMPLE_SPEC.leafSpec, path };
}

export function storeProofOps(storeName: string, key: Uint8Array, keyProof: CommitmentProof, storeRootProof: ExistenceProof): ProofOps {
  return {
    ops: [
      { type: PROOF_OP_SMT, key: Uint8Array.from(key), data: CommitmentProof.encode(keyProof).finish() },
      { type: PROOF_OP_SIMPLE, key: Buffer.from(storeName, "utf8"), data: CommitmentProof.encode({ exist: storeRootProof }).finish() },
    ],
  };
}

/**
 * Whether `ops` prove that `key` of store `storeName` holds `value` (undefined: is absent) in
 * the state whose app hash is `appHash`. Throws a ProofError for malformed proofs.
 */
export function verifyStoreProof(ops: ProofOps, appHash: Uint8Array, storeName: string, key: Uint8Array, value: Uint8Array | undefined): boolean {
  if (ops.ops.length !== 2) throw new ProofError(`a store proof has 2 ops, this one ${ops.ops.length}`);
  const [keyOp, storeOp] = ops.ops as [ProofOps["ops"][0], ProofOps["ops"][0]];
  if (keyOp.type !== PROOF_OP_SMT) throw new ProofError(`first op is ${keyOp.type}, expected ${PROOF_OP_SMT}`);
  if (storeOp.type !== PROOF_OP_SIMPLE) throw new ProofError(`second op is ${storeOp.type}, expected ${PROOF_OP_SIMPLE}`);
  if (Buffer.compare(keyOp.key, key) !== 0 || Buffer.compare(storeOp.key, Buffer.from(storeName, "utf8")) !== 0) return false;

  const keyProof = decode(keyOp.data);
  let storeRoot: Uint8Array;
  if (value !== undefined) {
    if (!keyProof.exist) return false;
    storeRoot = calculateRoot(keyProof.exist, SMT_SPEC);
    if (!verifyExistence(keyProof.exist, storeRoot, key, value, SMT_SPEC)) return false;
  } else {
    const absent = keyProof.nonexist;
    if (!absent) return false;
    const neighbour = absent.left ?? absent.right;
    storeRoot = neighbour ? calculateRoot(neighbour, SMT_SPEC) : SMT_SPEC.innerSpec.emptyChild;
    if (!verifyNonExistence(absent, storeRoot, key, SMT_SPEC)) return false;
  }
  const rootProof = decode(storeOp.data).exist;
  if (!rootProof) return false;
  return verifyExistence(rootProof, appHash, Buffer.from(storeName, "utf8"), storeRoot, SIMPLE_SPEC);
}

function decode(data: Uint8Array): CommitmentProof {
  try {
    return CommitmentProof.decode(data);
  } catch (err) {
    throw new ProofError(`proof op data is not a CommitmentProof: ${(err as Error).message}`);
  }
}
