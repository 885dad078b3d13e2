import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { CommitmentProof, type NonExistenceProof } from "cosmjs-types/cosmos/ics23/v1/proofs";
import type { ProofOps } from "cosmjs-types/tendermint/crypto/proof";
import { sha256 } from "../hash.js";
import { RootMultiStore } from "../multistore.js";
import { verifyNonExistence } from "./absence.js";
import { verifyStoreProof } from "./multistore.js";
import { ProofError } from "./verify.js";

const enc = (s: string) => Buffer.from(s);

async function withStore(names: string[], body: (ms: RootMultiStore) => void | Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "agora-absence-"));
  const ms = RootMultiStore.open(join(dir, "state.lmdb"), names);
  try {
    await body(ms);
  } finally {
    await ms.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const keyProof = (ops: ProofOps) => CommitmentProof.decode(ops.ops[0]!.data);

test("absent keys are proven absent up to the app hash; present keys cannot be", async () => {
  await withStore(["bank", "auth", "gov"], (ms) => {
    for (let i = 0; i < 2000; i++) ms.getKVStore("bank").set(enc(`balance/${i}`), enc(`${i * 7}uagora`));
    ms.getKVStore("auth").set(enc("account/1"), enc("one"));
    const { hash: appHash } = ms.commit(1n);

    for (let i = 0; i < 300; i++) {
      const key = enc(`absent/${i}`);
      const { value, proof } = ms.prove("bank", key);
      assert.equal(value, undefined);
      assert.ok(verifyStoreProof(proof, appHash, "bank", key, undefined), `absence of absent/${i}`);
      assert.equal(verifyStoreProof(proof, appHash, "bank", key, enc("x")), false, "an absence proof proves no value");
      const { left, right } = keyProof(proof).nonexist!;
      assert.ok(left || right);
    }
    for (let i = 0; i < 2000; i += 97) {
      const key = enc(`balance/${i}`);
      const { value, proof } = ms.prove("bank", key);
      assert.deepEqual(Buffer.from(value!), enc(`${i * 7}uagora`));
      assert.ok(verifyStoreProof(proof, appHash, "bank", key, value));
      assert.equal(verifyStoreProof(proof, appHash, "bank", key, enc("1uagora")), false, "another value");
      assert.equal(verifyStoreProof(proof, appHash, "bank", key, undefined), false, "an existence proof proves no absence");
      assert.equal(verifyStoreProof(proof, appHash, "auth", key, value), false, "another store");
      const otherHash = Buffer.from(appHash);
      otherHash[3]! ^= 1;
      assert.equal(verifyStoreProof(proof, otherHash, "bank", key, value), false, "another app hash");
    }
    // A store with one key, and an empty store, prove absence too.
    assert.ok(verifyStoreProof(ms.prove("auth", enc("nobody")).proof, appHash, "auth", enc("nobody"), undefined));
    const empty = ms.prove("gov", enc("proposal/1"));
    assert.ok(verifyStoreProof(empty.proof, appHash, "gov", enc("proposal/1"), undefined));
    assert.equal(keyProof(empty.proof).nonexist!.left, undefined);
    // The ops in the wrong order are refused.
    const swapped = { ops: [empty.proof.ops[1]!, empty.proof.ops[0]!] };
    assert.throws(() => verifyStoreProof(swapped, appHash, "gov", enc("proposal/1"), undefined), ProofError);
  });
});

test("forged absence proofs are rejected: skipped neighbours, a missing side, a present key", async () => {
  await withStore(["s"], (ms) => {
    const keys = Array.from({ length: 1000 }, (_, i) => enc(`k${i}`));
    for (const k of keys) ms.getKVStore("s").set(k, enc("v"));
    ms.commit(1n);
    const store = ms.getKVStore("s");
    const root = store.root;
    // Keys in the tree's order: by sha256(key).
    const sorted = [...keys].sort((a, b) => Buffer.compare(sha256(a), sha256(b)));
    const existence = (k: Buffer) => store.proveExistence(k)!;

    const absent = enc("missing-key");
    const honest = store.prove(absent).nonexist!;
    assert.ok(verifyNonExistence(honest, root, absent));
    const at = sorted.findIndex((k) => Buffer.compare(sha256(k), sha256(absent)) > 0);
    assert.ok(at > 1 && at < sorted.length - 2, "the key falls inside the tree");
    assert.deepEqual(Buffer.from(honest.right!.key), sorted[at]);
    assert.deepEqual(Buffer.from(honest.left!.key), sorted[at - 1]);

    const forged = (p: Partial<NonExistenceProof>) => verifyNonExistence({ ...honest, ...p }, root, absent);
    // Neighbours that skip a key in between: the left one too far left, the right one too far right.
    assert.equal(forged({ left: existence(sorted[at - 2]!) }), false);
    assert.equal(forged({ right: existence(sorted[at + 1]!) }), false);
    // One side dropped: the other is not the tree's first or last leaf.
    assert.equal(forged({ left: undefined }), false);
    assert.equal(forged({ right: undefined }), false);
    // Sides swapped.
    assert.equal(forged({ left: honest.right, right: honest.left }), false);
    // A present key between its own neighbours is not absent.
    const present = sorted[at + 5]!;
    const around = { key: present, left: existence(sorted[at + 4]!), right: existence(sorted[at + 6]!) };
    assert.equal(verifyNonExistence(around, root, present), false);
    // Adjacent neighbours, but the key asked about lies elsewhere.
    assert.equal(verifyNonExistence({ ...honest, key: sorted[0]! }, root, sorted[0]!), false);
    // The first and last leaves prove keys before and after everything.
    const beforeAll = [...Array(5000).keys()].map((i) => enc(`probe${i}`)).find((k) => Buffer.compare(sha256(k), sha256(sorted[0]!)) < 0)!;
    const edge = store.prove(beforeAll).nonexist!;
    assert.equal(edge.left, undefined);
    assert.ok(verifyNonExistence(edge, root, beforeAll));
    // No neighbours at all is only an empty tree's proof.
    assert.equal(verifyNonExistence({ key: absent }, root, absent), false);
  });
});
