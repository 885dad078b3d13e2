import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { HashOp, LengthOp, type ExistenceProof } from "cosmjs-types/cosmos/ics23/v1/proofs";
import { RootMultiStore } from "../multistore.js";
import { prngInt } from "../../../test/support/prng.js";
import { SMT_SPEC } from "./spec.js";
import { calculateRoot, ProofError, verifyExistence } from "./verify.js";

const enc = (s: string) => Buffer.from(s);

function tempHome(): string {
  return mkdtempSync(join(tmpdir(), "agora-proof-"));
}

/** A deep copy, so tampering with one proof leaves the original intact. */
function clone(p: ExistenceProof): ExistenceProof {
  return {
    key: Uint8Array.from(p.key),
    value: Uint8Array.from(p.value),
    leaf: { ...p.leaf!, prefix: Uint8Array.from(p.leaf!.prefix) },
    path: p.path.map((op) => ({ hash: op.hash, prefix: Uint8Array.from(op.prefix), suffix: Uint8Array.from(op.suffix) })),
  };
}

function assertProves(ms: RootMultiStore, name: string, key: string, value: string): ExistenceProof {
  const store = ms.getKVStore(name);
  const proof = store.proveExistence(enc(key));
  assert.ok(proof, `no proof for ${key}`);
  assert.ok(verifyExistence(proof, store.root, enc(key), enc(value)), `proof for ${key} does not verify`);
  return proof;
}

test("existence proofs of random keys verify against the store root, across commits and a reopen", async () => {
  const dir = tempHome();
  const path = join(dir, "state.lmdb");
  const next = prngInt(23);
  const state = new Map<string, string>();
  let ms = RootMultiStore.open(path, ["bank", "other"]);
  for (let i = 0; i < 3000; i++) state.set(`key/${i}`, `value-${next(1_000_000)}`);
  for (const [k, v] of state) ms.getKVStore("bank").set(enc(k), enc(v));
  ms.getKVStore("other").set(enc("only"), enc("one"));
  ms.commit(1n);

  const keys = () => [...state.keys()];
  const sample = (n: number) => Array.from({ length: n }, () => keys()[next(state.size)]!);
  for (const k of sample(200)) assertProves(ms, "bank", k, state.get(k)!);
  // A one-leaf tree: the leaf is the root, the path is empty.
  assert.equal(assertProves(ms, "other", "only", "one").path.length, 0);

  // A second block: updates, deletions and new keys go through applyChanges.
  const bank = ms.getKVStore("bank");
  for (let i = 0; i < 500; i++) {
    const k = keys()[next(state.size)]!;
    if (next(3) === 0) {
      state.delete(k);
      bank.delete(enc(k));
    } else {
      const v = `updated-${next(1_000_000)}`;
      state.set(k, v);
      bank.set(enc(k), enc(v));
    }
  }
  for (let i = 3000; i < 3300; i++) {
    state.set(`key/${i}`, `new-${i}`);
    bank.set(enc(`key/${i}`), enc(`new-${i}`));
  }
  const before = bank.root;
  const oldProof = bank.proveExistence(enc(keys()[0]!));
  // Proofs read the committed tree, not pending writes.
  assert.ok(oldProof && verifyExistence(oldProof, before, oldProof.key, oldProof.value));
  ms.commit(2n);
  assert.notDeepEqual(bank.root, before);
  for (const k of sample(200)) assertProves(ms, "bank", k, state.get(k)!);
  for (let i = 3000; i < 3300; i += 37) assertProves(ms, "bank", `key/${i}`, `new-${i}`);

  // Absent and deleted keys have no existence proof.
  assert.equal(bank.proveExistence(enc("never-written")), undefined);
  assert.equal(bank.proveExistence(new Uint8Array(0)), undefined);
  for (let i = 0; i < 3000; i++) if (!state.has(`key/${i}`)) assert.equal(bank.proveExistence(enc(`key/${i}`)), undefined);

  // After a reopen the nodes come from the database, not the cache.
  const root = bank.root;
  await ms.close();
  ms = RootMultiStore.open(path, ["bank", "other"]);
  assert.deepEqual(ms.getKVStore("bank").root, root);
  for (const k of sample(50)) assertProves(ms, "bank", k, state.get(k)!);
  await ms.close();
  rmSync(dir, { recursive: true });
});

test("tampered proofs are rejected", async () => {
  const dir = tempHome();
  const ms = RootMultiStore.open(join(dir, "state.lmdb"), ["s"]);
  const s = ms.getKVStore("s");
  for (let i = 0; i < 2000; i++) s.set(enc(`k${i}`), enc(`v${i}`));
  ms.commit(1n);
  const root = s.root;
  const proof = s.proveExistence(enc("k42"))!;
  assert.ok(proof.path.length > 3);
  assert.ok(verifyExistence(proof, root, enc("k42"), enc("v42")));
  assert.deepEqual(Buffer.from(calculateRoot(proof)), root);

  // A neighbour key, claimed with this proof: another key is asked for, or the key is swapped in.
  assert.equal(verifyExistence(proof, root, enc("k43"), enc("v42")), false);
  const neighbour = clone(proof);
  neighbour.key = enc("k43");
  assert.equal(verifyExistence(neighbour, root, enc("k43"), enc("v42")), false);
  // A neighbour's own proof does not prove this key either.
  const other = s.proveExistence(enc("k43"))!;
  assert.equal(verifyExistence(other, root, enc("k42"), enc("v42")), false);

  // A changed value.
  assert.equal(verifyExistence(proof, root, enc("k42"), enc("v43")), false);
  const changed = clone(proof);
  changed.value = enc("v43");
  assert.equal(verifyExistence(changed, root, enc("k42"), enc("v43")), false);

  // A flipped byte in a sibling hash, in the suffix or after the prefix byte, at every level.
  for (let i = 0; i < proof.path.length; i++) {
    const flipped = clone(proof);
    const op = flipped.path[i]!;
    if (op.suffix.length > 0) op.suffix[7]! ^= 0x01;
    else op.prefix[9]! ^= 0x80;
    assert.equal(verifyExistence(flipped, root, enc("k42"), enc("v42")), false, `flip at level ${i}`);
  }
  // Another root.
  const otherRoot = Buffer.from(root);
  otherRoot[0]! ^= 1;
  assert.equal(verifyExistence(proof, otherRoot, enc("k42"), enc("v42")), false);

  const rejects = (mutate: (p: ExistenceProof) => void, message: RegExp) => {
    const p = clone(proof);
    mutate(p);
    assert.throws(() => verifyExistence(p, root, p.key, p.value), (e: unknown) => e instanceof ProofError && message.test(e.message));
  };
  // Forged leaf ops: prefix, hashes, length.
  rejects((p) => (p.leaf!.prefix = Uint8Array.of(0x01)), /leaf op prefix/);
  rejects((p) => (p.leaf!.prefix = Uint8Array.of(0x00, 0x00)), /leaf op prefix/);
  rejects((p) => (p.leaf!.prefix = new Uint8Array(0)), /leaf op prefix/);
  rejects((p) => (p.leaf!.prehashKey = HashOp.NO_HASH), /prehash key/);
  rejects((p) => (p.leaf!.prehashValue = HashOp.NO_HASH), /prehash value/);
  rejects((p) => (p.leaf!.hash = HashOp.SHA512), /leaf op hash/);
  rejects((p) => (p.leaf!.length = LengthOp.VAR_PROTO), /leaf op length/);
  rejects((p) => delete p.leaf, /no leaf op/);
  // Wrong inner-op lengths and prefixes.
  rejects((p) => (p.path[0]!.prefix = new Uint8Array(0)), /prefix of 0 bytes, shorter/);
  rejects((p) => (p.path[0]!.prefix = Buffer.concat([Uint8Array.of(1), new Uint8Array(33)])), /longer than 33/);
  rejects((p) => (p.path[0]!.prefix = Uint8Array.of(1, 2)), /child boundary/);
  rejects((p) => (p.path[0]!.suffix = new Uint8Array(31)), /not a multiple of 32/);
  rejects((p) => {
    p.path[0]!.prefix = Uint8Array.of(1);
    p.path[0]!.suffix = new Uint8Array(64);
  }, /2 sibling hashes/);
  rejects((p) => {
    p.path[0]!.prefix = Uint8Array.of(1);
    p.path[0]!.suffix = new Uint8Array(0);
  }, /0 sibling hashes/);
  rejects((p) => (p.path[1]!.prefix[0] = 0x00), /starts with the leaf prefix/);
  rejects((p) => (p.path[1]!.hash = HashOp.SHA512), /inner op 1: hash/);
  // A path deeper than the bound.
  rejects((p) => {
    while (p.path.length <= SMT_SPEC.maxDepth) p.path.push({ hash: HashOp.SHA256, prefix: Uint8Array.of(1), suffix: new Uint8Array(32) });
  }, /more than the spec's maximum depth 256/);
  // Empty key or value.
  rejects((p) => (p.key = new Uint8Array(0)), /empty key/);
  rejects((p) => (p.value = new Uint8Array(0)), /empty value/);
  // A root of the wrong size.
  assert.throws(() => verifyExistence(proof, root.subarray(1), enc("k42"), enc("v42")), ProofError);

  await ms.close();
  rmSync(dir, { recursive: true });
});

test("the spec matches ICS-23's SmtSpec", () => {
  assert.deepEqual(
    { ...SMT_SPEC, leafSpec: { ...SMT_SPEC.leafSpec, prefix: [...SMT_SPEC.leafSpec.prefix] }, innerSpec: { ...SMT_SPEC.innerSpec, emptyChild: [...SMT_SPEC.innerSpec.emptyChild] } },
    {
      leafSpec: { hash: HashOp.SHA256, prehashKey: HashOp.SHA256, prehashValue: HashOp.SHA256, length: LengthOp.NO_PREFIX, prefix: [0] },
      innerSpec: { childOrder: [0, 1], childSize: 32, minPrefixLength: 1, maxPrefixLength: 1, emptyChild: new Array(32).fill(0), hash: HashOp.SHA256 },
      maxDepth: 256,
      minDepth: 0,
      prehashKeyBeforeComparison: true,
    },
  );
});
