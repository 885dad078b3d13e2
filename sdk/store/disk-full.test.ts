/**
 * A full disk: the store lives on a small tmpfs (we run as root, so the test mounts one; it fails
 * if it cannot) and commits blocks until the disk is full. The commit must fail with an error
 * that says what to do, and after space is freed the store must reopen at the last committed
 * version, whole.
 */
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { applyCrashBlock, CRASH_STORES } from "../../test/support/crash-writer.js";
import { RootMultiStore } from "./multistore.js";

const writer = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "test", "support", "disk-full-writer.js");
const FULL_DISK_MESSAGE = /^the disk holding (.+) is full: free space and restart the node/;

/** A tmpfs of `size` mounted at a new directory under `dir`. */
function mountTmpfs(dir: string, size: string): string {
  const mountPoint = join(dir, "disk");
  mkdirSync(mountPoint);
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", mountPoint], { stdio: "pipe" });
  } catch (err) {
    const reason = (err as { stderr?: Buffer }).stderr?.toString().trim() || (err as Error).message;
    throw new Error(`the full-disk test mounts a ${size} tmpfs and needs root (CAP_SYS_ADMIN) for that: mount failed: ${reason}`);
  }
  return mountPoint;
}

const growTmpfs = (mountPoint: string, size: string) => execFileSync("mount", ["-o", `remount,size=${size}`, mountPoint], { stdio: "pipe" });

function unmount(mountPoint: string): void {
  try {
    execFileSync("umount", [mountPoint], { stdio: "pipe" });
  } catch {
    // Still busy (a store the failed test left open): detach it now, it goes once released.
    execFileSync("umount", ["-l", mountPoint], { stdio: "pipe" });
  }
}

/** Runs `body` with a small tmpfs and a reference store on the real disk, then cleans up. */
async function withFullDiskSetup(body: (mountPoint: string, reference: RootMultiStore) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "agora-disk-full-"));
  let mountPoint: string | undefined;
  const reference = RootMultiStore.open(join(dir, "reference.lmdb"), CRASH_STORES);
  try {
    mountPoint = mountTmpfs(dir, "8m");
    await body(mountPoint, reference);
  } finally {
    await reference.close();
    if (mountPoint) unmount(mountPoint);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Commits the reference store up to `version` and returns its app hash there. */
function referenceHashAt(reference: RootMultiStore, version: bigint): string {
  for (let v = reference.lastCommitId().version + 1n; v <= version; v++) {
    applyCrashBlock(reference, v);
    reference.commit(v);
  }
  assert.equal(reference.lastCommitId().version, version);
  return Buffer.from(reference.lastCommitId().hash).toString("hex");
}

const entries = (store: RootMultiStore, name: string) => [...store.getKVStore(name).iterator()].map(([k, v]) => `${Buffer.from(k)}=${Buffer.from(v)}`);

/** The store at `path` reopens at `version` with the reference's app hash and data, and commits on. */
async function assertReopensWhole(path: string, reference: RootMultiStore, version: bigint): Promise<void> {
  const store = RootMultiStore.open(path, CRASH_STORES);
  try {
    assert.equal(store.lastCommitId().version, version, "the reopened store is at the last committed version");
    assert.equal(Buffer.from(store.lastCommitId().hash).toString("hex"), referenceHashAt(reference, version));
    for (const name of CRASH_STORES) assert.deepEqual(entries(store, name), entries(reference, name), `store ${name} at version ${version}`);
    // And it carries on: the next block commits to the same hash as on a disk that never filled.
    applyCrashBlock(store, version + 1n);
    assert.equal(Buffer.from(store.commit(version + 1n).hash).toString("hex"), referenceHashAt(reference, version + 1n));
  } finally {
    await store.close();
  }
}

test("a commit on a full disk fails with a clear error, and the store reopens at the last committed version once space is freed", async () => {
  await withFullDiskSetup(async (mountPoint, reference) => {
    const path = join(mountPoint, "state.lmdb");
    const store = RootMultiStore.open(path, CRASH_STORES);
    let lastCommitted = 0n;
    let failure: unknown;
    for (let version = 1n; failure === undefined; version++) {
      assert.ok(version < 10_000n, "the 8 MiB disk never filled");
      applyCrashBlock(store, version);
      try {
        store.commit(version);
        lastCommitted = version;
      } catch (err) {
        failure = err;
      }
    }
    assert.ok(lastCommitted > 0n, "some blocks committed before the disk filled");
    assert.ok(failure instanceof Error);
    assert.equal(failure.name, "DiskFullError");
    assert.equal(FULL_DISK_MESSAGE.exec(failure.message)?.[1], path, failure.message);
    // The failed block is not half-committed in memory either.
    assert.equal(store.lastCommitId().version, lastCommitted);
    await store.close();

    growTmpfs(mountPoint, "64m");
    await assertReopensWhole(path, reference, lastCommitted);
  });
});

test("a node process whose disk fills during a commit exits, and the store reopens at its last committed version whole", async () => {
  await withFullDiskSetup(async (mountPoint, reference) => {
    const path = join(mountPoint, "state.lmdb");
    // The timeout ends a writer that never fills the disk (SIGTERM, reported below).
    const child = spawn(process.execPath, [writer, path], { stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const [code, signal] = (await new Promise((resolve) => child.once("close", (...exit) => resolve(exit)))) as [number | null, NodeJS.Signals | null];

    // An exception with the clear message, not a SIGBUS from a write into a memory map.
    assert.equal(signal, null, `the writer was killed by ${signal}; its stderr:\n${stderr}`);
    assert.notEqual(code, 0);
    assert.match(stderr, /DiskFullError: the disk holding .+ is full: free space and restart the node/, stderr);

    const committed = [...stdout.matchAll(/^committed (\d+) ([0-9a-f]{64})$/gm)];
    assert.ok(committed.length > 0, `the writer committed nothing before the disk filled:\n${stderr}`);
    const [, lastVersion, lastHash] = committed.at(-1)!;
    assert.equal(lastHash, referenceHashAt(reference, BigInt(lastVersion!)));

    growTmpfs(mountPoint, "64m");
    await assertReopensWhole(path, reference, BigInt(lastVersion!));
  });
});
