import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { RootMultiStore } from "./multistore.js";
import { merkleRoot } from "./proof/multistore.js";
import { sha256 } from "./hash.js";
import { prngInt } from "../../test/support/prng.js";

const enc = (s: string) => Buffer.from(s);
const dec = (b: Uint8Array | undefined) => (b ? Buffer.from(b).toString() : undefined);

function tempHome(): string {
  return mkdtempSync(join(tmpdir(), "agora-store-"));
}


test("a branch's writes reach the store only when written, and a dropped branch leaves nothing", async () => {
  const dir = tempHome();
  const ms = RootMultiStore.open(join(dir, "state.lmdb"), ["bank"]);
  const branch = ms.cacheMultiStore();
  branch.getKVStore("bank").set(enc("a"), enc("1"));
  assert.equal(dec(ms.getKVStore("bank").get(enc("a"))), undefined);
  assert.equal(dec(branch.getKVStore("bank").get(enc("a"))), "1");
  branch.write();
  assert.equal(dec(ms.getKVStore("bank").get(enc("a"))), "1");

  const failed = ms.cacheMultiStore();
  failed.getKVStore("bank").set(enc("a"), enc("2"));
  failed.getKVStore("bank").delete(enc("a"));
  assert.equal(dec(ms.getKVStore("bank").get(enc("a"))), "1");
  await ms.close();
  rmSync(dir, { recursive: true });
});

test("iteration merges branch writes and deletions with committed state, in both directions", async () => {
  const dir = tempHome();
  const ms = RootMultiStore.open(join(dir, "state.lmdb"), ["s"]);
  const s = ms.getKVStore("s");
  for (const k of ["a", "c", "e", "g"]) s.set(enc(k), enc(k.toUpperCase()));
  ms.commit(1n);
  const branch = ms.cacheMultiStore().getKVStore("s");
  branch.set(enc("b"), enc("B"));
  branch.delete(enc("e"));
  branch.set(enc("g"), enc("G2"));
  const keys = (it: Iterable<[Uint8Array, Uint8Array]>) => [...it].map(([k, v]) => `${dec(k)}=${dec(v)}`);
  assert.deepEqual(keys(branch.iterator()), ["a=A", "b=B", "c=C", "g=G2"]);
  assert.deepEqual(keys(branch.iterator(enc("b"), enc("g"))), ["b=B", "c=C"]);
  assert.deepEqual(keys(branch.iterator(undefined, undefined, true)), ["g=G2", "c=C", "b=B", "a=A"]);
  assert.deepEqual(keys(branch.iterator(enc("b"), enc("g"), true)), ["c=C", "b=B"]);
  await ms.close();
  rmSync(dir, { recursive: true });
});

test("the app hash depends on the final state alone, not on write order or how blocks split it", async () => {
  const next = prngInt(7);
  const final = new Map<string, string>();
  const blocks: [string, string | null][][] = [];
  for (let b = 0; b < 8; b++) {
    const ops: [string, string | null][] = [];
    for (let i = 0; i < 300; i++) {
      const key = `k${next(500)}`;
      const del = next(4) === 0;
      const value = del ? null : `v${next(1_000_000)}`;
      ops.push([key, value]);
      if (value === null) final.delete(key);
      else final.set(key, value);
    }
    blocks.push(ops);
  }

  const dirA = tempHome();
  const incremental = RootMultiStore.open(join(dirA, "state.lmdb"), ["m"]);
  let v = 0n;
  for (const ops of blocks) {
    for (const [k, val] of ops) {
      if (val === null) incremental.getKVStore("m").delete(enc(k));
      else incremental.getKVStore("m").set(enc(k), enc(val));
    }
    incremental.commit(++v);
  }

  const dirB = tempHome();
  const oneShot = RootMultiStore.open(join(dirB, "state.lmdb"), ["m"]);
  const shuffled = [...final.entries()].sort((a, b) => (sha256(enc(a[0]))[0]! - sha256(enc(b[0]))[0]!));
  for (const [k, val] of shuffled) oneShot.getKVStore("m").set(enc(k), enc(val));
  oneShot.commit(1n);

  assert.deepEqual(Buffer.from(incremental.lastCommitId().hash), Buffer.from(oneShot.lastCommitId().hash));
  await incremental.close();
  await oneShot.close();
  rmSync(dirA, { recursive: true });
  rmSync(dirB, { recursive: true });
});

test("deleting every key returns a store to the empty root", async () => {
  const dir = tempHome();
  const ms = RootMultiStore.open(join(dir, "state.lmdb"), ["m"]);
  const emptyHash = Buffer.from(ms.workingHash());
  for (let i = 0; i < 50; i++) ms.getKVStore("m").set(enc(`k${i}`), enc("x"));
  ms.commit(1n);
  assert.notDeepEqual(Buffer.from(ms.lastCommitId().hash), emptyHash);
  for (let i = 0; i < 50; i++) ms.getKVStore("m").delete(enc(`k${i}`));
  ms.commit(2n);
  assert.deepEqual(Buffer.from(ms.lastCommitId().hash), emptyHash);
  await ms.close();
  rmSync(dir, { recursive: true });
});

test("a reopened store has the last committed version and forgets an uncommitted block", async () => {
  const dir = tempHome();
  let ms = RootMultiStore.open(join(dir, "state.lmdb"), ["auth", "bank"]);
  ms.getKVStore("bank").set(enc("alice"), enc("100"));
  const committed = ms.commit(1n);
  ms.getKVStore("bank").set(enc("alice"), enc("999"));
  ms.workingHash();
  await ms.close();

  ms = RootMultiStore.open(join(dir, "state.lmdb"), ["auth", "bank"]);
  assert.equal(ms.lastCommitId().version, 1n);
  assert.deepEqual(Buffer.from(ms.lastCommitId().hash), Buffer.from(committed.hash));
  assert.equal(dec(ms.getKVStore("bank").get(enc("alice"))), "100");
  await ms.close();
  rmSync(dir, { recursive: true });
});

test("queries read committed state while a block is pending", async () => {
  const dir = tempHome();
  const ms = RootMultiStore.open(join(dir, "state.lmdb"), ["bank"]);
  ms.getKVStore("bank").set(enc("a"), enc("1"));
  ms.commit(1n);
  ms.getKVStore("bank").set(enc("a"), enc("2"));
  assert.equal(dec(ms.committedStore("bank").get(enc("a"))), "1");
  assert.equal(dec(ms.getKVStore("bank").get(enc("a"))), "2");
  await ms.close();
  rmSync(dir, { recursive: true });
});

test("an empty value is a value: read, iterated, committed and reopened, in the pending layer and after", async () => {
  const dir = tempHome();
  let ms = RootMultiStore.open(join(dir, "state.lmdb"), ["m"]);
  const keys = (it: Iterable<[Uint8Array, Uint8Array]>) => [...it].map(([k, v]) => `${dec(k)}=${v.length}`);
  ms.getKVStore("m").set(enc("empty"), new Uint8Array());
  ms.getKVStore("m").set(enc("full"), enc("x"));
  assert.equal(ms.getKVStore("m").get(enc("empty"))?.length, 0);
  assert.deepEqual(keys(ms.getKVStore("m").iterator()), ["empty=0", "full=1"]);
  const committed = Buffer.from(ms.commit(1n).hash);
  await ms.close();
  ms = RootMultiStore.open(join(dir, "state.lmdb"), ["m"]);
  assert.deepEqual(Buffer.from(ms.lastCommitId().hash), committed);
  assert.equal(ms.getKVStore("m").get(enc("empty"))?.length, 0);
  assert.deepEqual(keys(ms.getKVStore("m").iterator()), ["empty=0", "full=1"]);
  await ms.close();
  rmSync(dir, { recursive: true });
});

test("merkleRoot matches CometBFT's RFC 6962 vectors", () => {
  // Leaf hash of the empty tree and of one item, as crypto/merkle defines them.
  assert.equal(merkleRoot([]).toString("hex"), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  assert.equal(merkleRoot([Buffer.from("")]).toString("hex"), sha256(Buffer.from([0])).toString("hex"));
  const three = merkleRoot([enc("a"), enc("b"), enc("c")]);
  const leaf = (s: string) => sha256(Buffer.concat([Buffer.from([0]), enc(s)]));
  const inner = (l: Buffer, r: Buffer) => sha256(Buffer.concat([Buffer.from([1]), l, r]));
  assert.deepEqual(three, inner(inner(leaf("a"), leaf("b")), leaf("c")));
});
