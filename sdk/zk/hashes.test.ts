/**
 * Commitments, nullifiers and Merkle paths computed in TypeScript equal the ones Go computes and
 * the circuits constrain (circuits/build/vectors/{notes,identity,merkle}.json).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { FR_ORDER } from "./field.js";
import * as H from "./hashes.js";
import { DEPTH, MerkleTree, rootFromPath } from "./merkle.js";
import { readVectors } from "./vectors.js";

interface NotesVectors {
  noteCommitments: { value: string; asset: string; owner: string; blinding: string; commitment: string }[];
  nullifiers: { spendKey: string; position: string; commitment: string; nullifier: string }[];
  owners: { spendKey: string; owner: string }[];
  valueCommitments: { value: string; asset: string; blinding: string; commitment: string }[];
}
interface IdentityVectors {
  attestations: { identitySecret: string; birthDate: string; country: string; salt: string; attestation: string }[];
  identityCommitments: { identitySecret: string; identityCommitment: string }[];
  voteNullifiers: { proposalId: string; identitySecret: string; nullifier: string }[];
  voterSet: { root: string; secrets: string[] };
}
interface MerkleVectors {
  depth: number;
  emptyRoot: string;
  leaves: string[];
  node: { left: string; right: string; output: string };
  paths: { leaf: string; position: string; path: string[] }[];
  root: string;
  singleLeaf42: { leaves: string[]; root: string };
}

test("note commitments, owners, nullifiers and value commitments match Go", () => {
  const v = readVectors("notes") as NotesVectors;
  for (const c of v.noteCommitments) assert.equal(H.noteCommitment(c.value, c.asset, c.owner, c.blinding), BigInt(c.commitment));
  for (const c of v.nullifiers) assert.equal(H.nullifier(c.spendKey, c.position, c.commitment), BigInt(c.nullifier));
  for (const c of v.owners) assert.equal(H.owner(c.spendKey), BigInt(c.owner));
  for (const c of v.valueCommitments) assert.equal(H.valueCommitment(c.value, c.asset, c.blinding), BigInt(c.commitment));
});

test("identity commitments, attestations and vote nullifiers match Go", () => {
  const v = readVectors("identity") as IdentityVectors;
  for (const c of v.identityCommitments) assert.equal(H.identityCommitment(c.identitySecret), BigInt(c.identityCommitment));
  for (const c of v.attestations) assert.equal(H.attestationCommitment(c.identitySecret, c.birthDate, c.country, c.salt), BigInt(c.attestation));
  for (const c of v.voteNullifiers) assert.equal(H.voteNullifier(c.proposalId, c.identitySecret), BigInt(c.nullifier));
  const voters = new MerkleTree(v.voterSet.secrets.map((s) => H.identityCommitment(s)));
  assert.equal(voters.root(), BigInt(v.voterSet.root));
});

test("Merkle nodes, paths and roots of depth 32 match Go", () => {
  const v = readVectors("merkle") as MerkleVectors;
  assert.equal(v.depth, DEPTH);
  assert.equal(H.merkleNode(v.node.left, v.node.right), BigInt(v.node.output));
  assert.equal(new MerkleTree().root(), BigInt(v.emptyRoot));
  assert.equal(new MerkleTree(v.singleLeaf42.leaves).root(), BigInt(v.singleLeaf42.root));
  const tree = new MerkleTree(v.leaves);
  assert.equal(tree.root(), BigInt(v.root));
  assert.ok(v.paths.length > 0);
  for (const p of v.paths) {
    assert.deepEqual(tree.path(Number(p.position)).map(String), p.path, `path of leaf ${p.position}`);
    assert.equal(rootFromPath(p.leaf, BigInt(p.position), p.path), BigInt(v.root), `root from leaf ${p.position}`);
  }
});

test("appending leaves one by one gives the same tree as building it at once", () => {
  const leaves = Array.from({ length: 11 }, (_, i) => BigInt(i * 7919 + 1));
  const grown = new MerkleTree();
  for (const [i, leaf] of leaves.entries()) {
    assert.equal(grown.append(leaf), i);
    assert.equal(grown.root(), new MerkleTree(leaves.slice(0, i + 1)).root());
  }
  for (let i = 0; i < leaves.length; i++) assert.equal(rootFromPath(leaves[i]!, i, grown.path(i)), grown.root());
});

test("a path proves one leaf at one position only", () => {
  const tree = new MerkleTree([1n, 2n, 3n]);
  const path = tree.path(1);
  assert.notEqual(rootFromPath(2n, 0, path), tree.root());
  assert.notEqual(rootFromPath(3n, 1, path), tree.root());
});

test("hash inputs must be field elements; paths and positions must fit the tree", () => {
  assert.throws(() => H.noteCommitment(FR_ORDER, 1n, 2n, 3n), /note commitment input 0 must be below/);
  assert.throws(() => H.nullifier("1", "-2", "3"), /nullifier input 1 must be a field element/);
  assert.throws(() => rootFromPath(1n, 0, []), /has 32 siblings/);
  assert.throws(() => rootFromPath(1n, 2n ** 32n, new Array(32).fill(0n)), /position must be in/);
  assert.throws(() => new MerkleTree([1n]).path(1), /not a set leaf/);
  assert.throws(() => H.tag("x".repeat(32)), /longer than 31 bytes/);
});
