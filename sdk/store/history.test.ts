import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { RootMultiStore, StoreVersionError } from "./multistore.js";
import { pruningOptions } from "./pruning.js";
import { StateDatabase } from "./database.js";

const enc = (s: string) => Buffer.from(s);
const entryCount = (path: string, dbName: string) => {
  const db = new StateDatabase(path);
  const named = dbName.startsWith("tree/") ? db.nodes(dbName.slice(5)) : dbName.startsWith("hist/") ? db.history(dbName.slice(5)) : db.orphans(dbName.slice(8));
  const count = named.getKeysCount();
  return db.close().then(() => count);
};

/** 200 blocks of updates to the same 50 keys of a 2,000-key store. */
function churn(ms: RootMultiStore, from: bigint, to: bigint): void {
  for (let v = from; v <= to; v++) {
    const bank = ms.getKVStore("bank");
    for (let i = 0; i < 50; i++) bank.set(enc(`hot/${(Number(v) * 13 + i) % 50}`), enc(`v${v}-${i}`));
    ms.commit(v);
  }
}

test("pruning drops replaced tree nodes and history: a pruned store stays the size of its state", async () => {
  const dir = mkdtempSync(join(tmpdir(), "agora-prune-"));
  const sizes: Record<string, number> = {};
  for (const strategy of ["nothing", "everything"]) {
    const path = join(dir, `${strategy}.lmdb`);
    const ms = RootMultiStore.open(path, ["bank"], { pruning: pruningOptions(strategy) });
    for (let i = 0; i < 2000; i++) ms.getKVStore("bank").set(enc(`cold/${i}`), enc(`${i}`));
    ms.commit(1n);
    churn(ms, 2n, 201n);
    assert.equal(ms.lastCommitId().version, 201n);
    if (strategy === "everything") {
      // Kept: the last 2 as of the last pruning (at 200), and everything since.
      assert.equal(ms.earliestVersion(), 199n);
      assert.throws(() => ms.viewAt(150n), (e: unknown) => e instanceof StoreVersionError && /version 150 is pruned .* earliest kept version is 199/.test((e as Error).message));
      assert.throws(() => ms.prove("bank", enc("hot/1"), 198n), StoreVersionError);
    } else {
      assert.equal(ms.earliestVersion(), 1n);
      assert.equal(Buffer.from(ms.viewAt(2n).getKVStore("bank").get(enc("hot/26"))!).toString(), "v2-0");
    }
    assert.equal(Buffer.from(ms.viewAt(199n).getKVStore("bank").get(enc("cold/7"))!).toString(), "7");
    assert.throws(() => ms.viewAt(202n), /version 202 is not committed yet: the latest is 201/);
    await ms.close();
    sizes[strategy] = await entryCount(path, "tree/bank");
    sizes[`${strategy} history`] = await entryCount(path, "hist/bank");
  }
  // The latest tree of 2,050 keys has about 4,100 nodes; unpruned, 200 blocks of 50 changes add
  // ~ 200 * 50 * log2(2050) of them.
  assert.ok(sizes.everything! < 6_000, `pruned tree has ${sizes.everything} nodes`);
  assert.ok(sizes.nothing! > 50_000, `unpruned tree has ${sizes.nothing} nodes`);
  assert.ok(sizes["everything history"]! <= 3 * 50);
  assert.equal(sizes["nothing history"], 200 * 50);
  rmSync(dir, { recursive: true, force: true });
});

test("rollback restores the previous version's state, root and history, also after a reopen, and the chain goes on", async () => {
  const dir = mkdtempSync(join(tmpdir(), "agora-rollback-"));
  const path = join(dir, "state.lmdb");
  let ms = RootMultiStore.open(path, ["bank", "auth"]);
  ms.getKVStore("bank").set(enc("a"), enc("1"));
  ms.getKVStore("auth").set(enc("acc"), enc("x"));
  ms.commit(1n);
  ms.getKVStore("bank").set(enc("a"), enc("2"));
  ms.getKVStore("bank").set(enc("b"), enc("new"));
  const two = ms.commit(2n);
  ms.getKVStore("bank").delete(enc("a"));
  ms.getKVStore("auth").set(enc("acc"), enc("y"));
  ms.commit(3n);
  await ms.close();

  ms = RootMultiStore.open(path, ["bank", "auth"]);
  assert.deepEqual(ms.rollback(), two);
  const bank = ms.getKVStore("bank");
  assert.equal(Buffer.from(bank.get(enc("a"))!).toString(), "2");
  assert.equal(Buffer.from(ms.getKVStore("auth").get(enc("acc"))!).toString(), "x");
  assert.deepEqual([...bank.iterator()].map(([k, v]) => `${Buffer.from(k)}=${Buffer.from(v)}`), ["a=2", "b=new"]);
  // Version 1 still reads as it was.
  assert.equal(ms.viewAt(1n).getKVStore("bank").get(enc("b")), undefined);

  // Re-executing a different block 3 on top works, and survives a reopen.
  bank.set(enc("c"), enc("other"));
  const three = ms.commit(3n);
  await ms.close();
  ms = RootMultiStore.open(path, ["bank", "auth"]);
  assert.deepEqual(ms.lastCommitId(), three);
  assert.deepEqual(
    [...ms.getKVStore("bank").iterator()].map(([k]) => Buffer.from(k).toString()),
    ["a", "b", "c"],
  );
  // Down to the first version, and no further.
  ms.rollback();
  ms.rollback();
  assert.equal(ms.lastCommitId().version, 1n);
  assert.throws(() => ms.rollback(), (e: unknown) => e instanceof StoreVersionError && /earliest kept version/.test((e as Error).message));
  await ms.close();
  rmSync(dir, { recursive: true, force: true });
});

test("a store can start at an initial version, and commits only the next version", async () => {
  const dir = mkdtempSync(join(tmpdir(), "agora-initial-"));
  const ms = RootMultiStore.open(join(dir, "state.lmdb"), ["bank"]);
  ms.setInitialVersion(100n);
  ms.getKVStore("bank").set(enc("k"), enc("v"));
  assert.throws(() => ms.commit(1n), /cannot commit version 1: the next version is 100/);
  ms.commit(100n);
  assert.equal(ms.earliestVersion(), 100n);
  assert.throws(() => ms.setInitialVersion(5n), /already holds version 100/);
  assert.throws(() => ms.viewAt(99n), StoreVersionError);
  ms.getKVStore("bank").set(enc("k"), enc("w"));
  ms.commit(101n);
  assert.equal(Buffer.from(ms.viewAt(100n).getKVStore("bank").get(enc("k"))!).toString(), "v");
  await ms.close();
  rmSync(dir, { recursive: true, force: true });
});

test("pruning settings read as app.toml writes them, with clear errors", () => {
  assert.deepEqual(pruningOptions("default"), { keepRecent: 362_880, interval: 10 });
  assert.deepEqual(pruningOptions("everything"), { keepRecent: 2, interval: 10 });
  assert.deepEqual(pruningOptions("nothing"), { keepRecent: 0, interval: 0 });
  assert.deepEqual(pruningOptions("custom", "100", "5"), { keepRecent: 100, interval: 5 });
  assert.throws(() => pruningOptions("custom", "1", "5"), /keeps at least 2 versions/);
  assert.throws(() => pruningOptions("custom", "100", "0"), /interval of at least 1/);
  assert.throws(() => pruningOptions("custom", "lots", "5"), /pruning-keep-recent must be a whole number/);
  assert.throws(() => pruningOptions("sometimes"), /pruning "sometimes" is unknown: use one of default, nothing, everything, custom/);
});
