/**
 * The snapshot bench: create and restore a snapshot of a bank-like state of n keys, each phase
 * in its own process so its peak RSS is its own. `benchSnapshot(n)` runs the three phases;
 * run directly, `node dist/bench/snapshot.js <keys>` prints its result as one JSON line.
 *
 *   --build <keys> <home>   writes the state with the store directly and commits it as height 1
 *   --create <home>         writes a snapshot of it (default 10 MiB chunks)
 *   --restore <home> <to>   restores that snapshot into an empty store at <to>
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createModules, snapshotsPath, stateDatabasePath } from "../app/app.js";
import { SnapshotStore } from "../sdk/snapshots/files.js";
import { SnapshotManager } from "../sdk/snapshots/manager.js";
import { SnapshotRestore } from "../sdk/snapshots/restore.js";
import { RootMultiStore } from "../sdk/store/multistore.js";
import { writeBankLikeBalances } from "../test/support/bank-state.js";
import { peakRss } from "./machine.js";

export interface SnapshotBenchResult {
  keys: number;
  /** Writing and committing the state (not part of the snapshot figures). */
  buildSeconds: number;
  createSeconds: number;
  chunks: number;
  snapshotBytes: number;
  /** Peak RSS of the process that opened the store and wrote the snapshot. */
  createPeakRss: number;
  /**
   * The longest the event loop waited while the snapshot was written: how long an ABCI request
   * (a block, a CheckTx) could wait behind it on a running node.
   */
  createMaxEventLoopDelayMs: number;
  restoreSeconds: number;
  /** Peak RSS of the process that restored the snapshot into an empty store. */
  restorePeakRss: number;
  /** The restored state's app hash is the snapshotted one. */
  appHashMatches: boolean;
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const storeNames = () => createModules().modules.storeKeys();

async function build(keys: number, home: string) {
  const store = RootMultiStore.open(stateDatabasePath(home), storeNames());
  const start = process.hrtime.bigint();
  writeBankLikeBalances(store.getKVStore("bank"), keys);
  store.commit(1n);
  const buildSeconds = seconds(start);
  await store.close();
  return { buildSeconds };
}

async function create(home: string) {
  const store = RootMultiStore.open(stateDatabasePath(home), storeNames());
  const manager = new SnapshotManager(snapshotsPath(home), store, { interval: 0, keepRecent: 0 });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const start = process.hrtime.bigint();
  const snapshot = await manager.create();
  const createSeconds = seconds(start);
  delay.disable();
  let snapshotBytes = 0;
  for (let i = 0; i < snapshot.chunkHashes.length; i++) snapshotBytes += manager.loadChunk(snapshot.height, snapshot.format, i)!.length;
  await store.close();
  return { createSeconds, chunks: snapshot.chunkHashes.length, snapshotBytes, createPeakRss: peakRss(), createMaxEventLoopDelayMs: delay.max / 1e6 };
}

async function restore(home: string, to: string) {
  const files = new SnapshotStore(snapshotsPath(home));
  const snapshot = files.list()[0]!;
  const store = RootMultiStore.open(stateDatabasePath(to), storeNames());
  const start = process.hrtime.bigint();
  const restore = new SnapshotRestore(store, snapshot, snapshot.appHash);
  for (let i = 0; i < snapshot.chunkHashes.length; i++) {
    const chunk = files.loadChunk(snapshot.height, snapshot.format, i)!;
    if (!restore.matches(i, chunk)) throw new Error(`chunk ${i} does not match its hash`);
    restore.apply(chunk);
  }
  const restoreSeconds = seconds(start);
  const appHashMatches = Buffer.from(store.lastCommitId().hash).equals(snapshot.appHash);
  await store.close();
  return { restoreSeconds, restorePeakRss: peakRss(), appHashMatches };
}

/** Runs one phase in a process of its own and returns its JSON result. */
function phase<T>(...args: string[]): T {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [script, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (child.status !== 0) throw new Error(`the snapshot bench phase ${args[0]} failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as T;
}

/** Creates and restores a snapshot of `keys` bank-like keys; returns the timings and peak RSS. */
export function benchSnapshot(keys: number): SnapshotBenchResult {
  const dir = mkdtempSync(join(tmpdir(), "agora-snapbench-"));
  try {
    const home = join(dir, "source");
    const built = phase<{ buildSeconds: number }>("--build", String(keys), home);
    const created = phase<Pick<SnapshotBenchResult, "createSeconds" | "chunks" | "snapshotBytes" | "createPeakRss" | "createMaxEventLoopDelayMs">>("--create", home);
    const restored = phase<Pick<SnapshotBenchResult, "restoreSeconds" | "restorePeakRss" | "appHashMatches">>("--restore", home, join(dir, "target"));
    return { keys, ...built, ...created, ...restored };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode, a, b] = process.argv.slice(2);
  const print = (result: unknown) => console.log(JSON.stringify(result));
  if (mode === "--build") print(await build(Number(a), b!));
  else if (mode === "--create") print(await create(a!));
  else if (mode === "--restore") print(await restore(a!, b!));
  else print(benchSnapshot(Number(mode ?? 1_000_000)));
}
