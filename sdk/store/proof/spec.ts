/**
 * The ICS-23 ProofSpec of a store's tree (sdk/store/smt.ts):
 *
 *   leaf  = sha256(0x00 || sha256(key) || sha256(value))   LeafOp: SHA256, prehash key and value
 *                                                          SHA256, no length prefix, prefix 0x00
 *   inner = sha256(0x01 || left || right)                  InnerOp: prefix 0x01 (|| left sibling),
 *                                                          suffix (right sibling), 32-byte children
 *   empty = 32 zero bytes
 *
 * Compared with `SmtSpec` in the ICS-23 Go library (cosmos/ics23 go/proof.go, written for
 * Celestia's / lazyledger's sparse Merkle tree):
 *  - identical: leaf spec (hash SHA256, prehashKey SHA256, prehashValue SHA256, length
 *    NO_PREFIX, prefix 0x00), inner spec (childOrder [0, 1], childSize 32, min/max prefix
 *    length 1, emptyChild 32 zero bytes, hash SHA256), maxDepth 256, minDepth 0 (unset), and
 *    prehashKeyBeforeComparison true (neighbours are ordered by sha256(key), as our leaves are).
 *    A proof of ours is thus checkable by any ICS-23 verifier configured with SmtSpec.
 *  - different, but invisible to the spec: our tree is compressed (a subtree holding one leaf
 *    is that leaf), so a leaf sits at the depth of its shortest unique prefix, not at 256, and
 *    proofs are short (about log2(n) inner ops). ICS-23 existence proofs do not fix the depth,
 *    so this fits the spec; the Celestia SMT it was written for compresses the same way.
 *    A non-existence walk then ends at an empty child or at a leaf of another key on the key's
 *    path; the proof names the neighbours in sha256(key) order (prove.ts, absence.ts).
 *  - cosmjs-types 0.11's ProofSpec predates field 5 (prehash_key_before_comparison), so it is
 *    carried beside the generated type here and would be dropped by `ProofSpec.encode`; a
 *    client that needs the encoded spec must add it (field 5, bool) itself.
 */
import { HashOp, LengthOp, type InnerSpec, type LeafOp, type ProofSpec } from "cosmjs-types/cosmos/ics23/v1/proofs";

/** A ProofSpec with the field cosmjs-types 0.11 lacks. */
export interface AgoraProofSpec extends ProofSpec {
  leafSpec: LeafOp;
  innerSpec: InnerSpec;
  prehashKeyBeforeComparison: boolean;
}

export const LEAF_PREFIX = Uint8Array.of(0x00);
export const INNER_PREFIX = Uint8Array.of(0x01);

export const SMT_LEAF_OP: LeafOp = {
  hash: HashOp.SHA256,
  prehashKey: HashOp.SHA256,
  prehashValue: HashOp.SHA256,
  length: LengthOp.NO_PREFIX,
  prefix: LEAF_PREFIX,
};

export const SMT_INNER_SPEC: InnerSpec = {
  childOrder: [0, 1],
  childSize: 32,
  minPrefixLength: 1,
  maxPrefixLength: 1,
  emptyChild: new Uint8Array(32),
  hash: HashOp.SHA256,
};

/** The spec of every store's tree (the same as ICS-23's SmtSpec). */
export const SMT_SPEC: AgoraProofSpec = {
  leafSpec: SMT_LEAF_OP,
  innerSpec: SMT_INNER_SPEC,
  maxDepth: 256,
  minDepth: 0,
  prehashKeyBeforeComparison: true,
};
