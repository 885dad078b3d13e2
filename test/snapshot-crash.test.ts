/**
 * kill -9 while a snapshot is written and while one is restored: listed snapshots are always
 * whole, and an interrupted restore leaves an app database that reads as empty.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { createModules, snapshotsPath, stateDatabasePath } from "../app/app.js";
import { SnapshotStore } from "../sdk/snapshots/files.js";
import { SnapshotManager } from "../sdk/snapshots/manager.js";
import { SnapshotRestore } from "../sdk/snapshots/restore.js";
import { sha256, type Snapshot } from "../sdk/snapshots/snapshot.js";
import { RootMultiStore } from "../sdk/store/multistore.js";
import { writeBankLikeBalances } from "./support/bank-state.js";
import { tempDirs } from "./support/temp-dirs.js";

const here = dirname(fileURLToPath(import.meta.url));
const writer = join(here, "support", "snapshot-writer.js");
const agorad = join(here, "..", "cmd", "agorad", "main.js");
const STORES = createModules().modules.storeKeys();

const tempDir = tempDirs("agora-snapcrash-");

/** A home whose app state is `keys` balances committed as height 1. */
async function homeWithBalances(keys: number): Promise<string> {
  const home = tempDir();
  const store = RootMultiStore.open(stateDatabasePath(home), STORES);
  writeBankLikeBalances(store.getKVStore("bank"), keys);
  store.commit(1n);
  await store.close();
  return home;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `args` under node and, once `started()` holds (the child is at work, however slow the
 * machine is), kills it with SIGKILL after `delayMs`; waits for it to end.
 */
async function killAfter(delayMs: number, args: string[], started: () => boolean): Promise<void> {
  const child = spawn(process.execPath, args, { stdio: "ignore" });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  while (!started() && child.exitCode === null) await sleep(5);
  await sleep(delayMs);
  child.kill("SIGKILL");
  await exited;
}

/** Restores `snapshot` from its files into a new store; returns that store's entries of "bank". */
async function restoreFromFiles(files: SnapshotStore, snapshot: Snapshot): Promise<string[]> {
  const store = RootMultiStore.open(join(tempDir(), "restored.lmdb"), STORES);
  const restore = new SnapshotRestore(store, snapshot, snapshot.appHash);
  for (let i = 0; i < snapshot.chunkHashes.length; i++) restore.apply(files.loadChunk(snapshot.height, snapshot.format, i)!);
  assert.equal(store.lastCommitId().version, snapshot.height);
  const entries = bankEntries(store, snapshot.height);
  await store.close();
  return entries;
}

/** A folder's entries, sorted; none when it is not there (yet). */
function entries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** What a kill left half-written or half-deleted. */
function unfinished(dir: string): string[] {
  return entries(dir).filter((name) => name.startsWith(".tmp-"));
}

function bankEntries(store: RootMultiStore, version: bigint): string[] {
  return [...store.viewAt(version).getKVStore("bank").iterator()].map(([k, v]) => `${Buffer.from(k).toString("hex")}=${Buffer.from(v)}`);
}

test("kill -9 while snapshots are written and pruned: every listed snapshot is whole and restores to its height's state", async () => {
  const home = await homeWithBalances(20_000);
  const files = new SnapshotStore(snapshotsPath(home));
  let interrupted = 0;
  for (const delay of [0, 150, 400, 650, 900, 275]) {
    // At work once the snapshot folder changes: a new snapshot, or one begun.
    const before = entries(files.dir).join();
    await killAfter(delay, [writer, home], () => entries(files.dir).join() !== before);
    if (unfinished(files.dir).length > 0) interrupted++;

    const listed = files.list();
    for (const snapshot of listed) {
      for (let i = 0; i < snapshot.chunkHashes.length; i++) {
        const chunk = files.loadChunk(snapshot.height, snapshot.format, i);
        assert.ok(chunk, `chunk ${i} of listed snapshot ${snapshot.height} is there`);
        assert.deepEqual(sha256(chunk), snapshot.chunkHashes[i], `chunk ${i} of listed snapshot ${snapshot.height} is whole`);
      }
    }
    const newest = listed[0];
    if (newest) {
      // Loadable: it restores, to its app hash, and to the state the node had at that height.
      const restored = await restoreFromFiles(files, newest);
      const source = RootMultiStore.open(stateDatabasePath(home), STORES);
      assert.deepEqual(restored, bankEntries(source, newest.height));
      await source.close();
    }
  }
  assert.ok(interrupted > 0, "at least one kill landed while a snapshot was being written");
  assert.ok(files.list().length > 0, "snapshots were written");

  // The next start clears what the kills left half-written.
  const store = RootMultiStore.open(stateDatabasePath(home), STORES);
  new SnapshotManager(files.dir, store, { interval: 1, keepRecent: 2 });
  assert.deepEqual(unfinished(files.dir), []);
  await store.close();
});

test("kill -9 during `agorad snapshots restore`: the app database reads as empty, and a fresh restore succeeds", async () => {
  const source = await homeWithBalances(60_000);
  const store = RootMultiStore.open(stateDatabasePath(source), STORES);
  const snapshot = await new SnapshotManager(snapshotsPath(source), store, { interval: 0, keepRecent: 0, chunkSize: 256 * 1024 }).create();
  const expected = bankEntries(store, 1n);
  await store.close();

  const homeWithSnapshot = () => {
    const home = tempDir();
    assert.equal(spawnSync(process.execPath, [agorad, "--home", home, "init", "node0"]).status, 0);
    mkdirSync(snapshotsPath(home), { recursive: true });
    cpSync(join(snapshotsPath(source), "1-1"), join(snapshotsPath(home), "1-1"), { recursive: true });
    return home;
  };
  const restoreArgs = (home: string) => [agorad, "--home", home, "snapshots", "restore", "1", "1"];
  // One whole restore first, to time it on this machine as loaded as it is now.
  const start = Date.now();
  const calibration = await new Promise<number | null>((resolve) => spawn(process.execPath, restoreArgs(homeWithSnapshot()), { stdio: "ignore" }).once("exit", resolve));
  assert.equal(calibration, 0);
  const duration = Date.now() - start;

  const target = homeWithSnapshot();
  let emptyAfterKill = 0;
  for (const fraction of [0.2, 0.4, 0.6, 0.8]) {
    await killAfter(duration * fraction, restoreArgs(target), () => true);
    const state = RootMultiStore.open(stateDatabasePath(target), STORES);
    const version = state.lastCommitId().version;
    if (version === 0n) {
      emptyAfterKill++;
      for (const name of STORES) assert.deepEqual([...state.getKVStore(name).iterator()], [], `store ${name} is empty after the kill`);
    } else {
      assert.equal(Buffer.from(state.lastCommitId().hash).toString("hex"), snapshot.appHash.toString("hex"), "a restore that finished is whole");
    }
    await state.close();
    if (version !== 0n) break;
  }
  assert.ok(emptyAfterKill > 0, "at least one kill landed during the restore");

  if (emptyAfterKill === 4) {
    const finished = await new Promise<number | null>((resolve) => spawn(process.execPath, restoreArgs(target), { stdio: "ignore" }).once("exit", resolve));
    assert.equal(finished, 0);
  }
  const restored = RootMultiStore.open(stateDatabasePath(target), STORES);
  assert.equal(restored.lastCommitId().version, 1n);
  assert.deepEqual(Buffer.from(restored.lastCommitId().hash), snapshot.appHash);
  assert.deepEqual(bankEntries(restored, 1n), expected);
  await restored.close();
});
