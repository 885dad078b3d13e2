import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { applyCrashBlock, CRASH_STORES } from "../../test/support/crash-writer.js";
import { RootMultiStore } from "./multistore.js";

const writer = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "test", "support", "crash-writer.js");

test("kill -9 at any moment leaves the last committed version whole, and the store carries on from it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "agora-crash-"));
  const path = join(dir, "state.lmdb");
  const reference = RootMultiStore.open(join(dir, "reference.lmdb"), CRASH_STORES);
  const expected = new Map<bigint, string>();
  const expectUpTo = (version: bigint) => {
    for (let v = reference.lastCommitId().version + 1n; v <= version; v++) {
      applyCrashBlock(reference, v);
      expected.set(v, Buffer.from(reference.commit(v).hash).toString("hex"));
    }
  };

  let lastVersion = 0n;
  const delays = [40, 90, 150, 230, 310, 170];
  for (const delay of delays) {
    const child = spawn(process.execPath, [writer, path], { stdio: "ignore" });
    await new Promise((r) => setTimeout(r, delay));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));

    const store = RootMultiStore.open(path, CRASH_STORES);
    const { version, hash } = store.lastCommitId();
    assert.ok(version >= lastVersion, `version went back from ${lastVersion} to ${version}`);
    expectUpTo(version);
    if (version > 0n) assert.equal(Buffer.from(hash).toString("hex"), expected.get(version), `app hash at version ${version}`);
    // The flat state itself, not just the recorded hash, is that of the version.
    for (const name of CRASH_STORES) {
      const entries = (s: RootMultiStore) => [...s.getKVStore(name).iterator()].map(([k, v]) => `${Buffer.from(k)}=${Buffer.from(v)}`);
      assert.deepEqual(entries(store), version > 0n ? entries(reference) : []);
    }
    await store.close();
    lastVersion = version;
  }
  assert.ok(lastVersion > 0n, "the writer committed at least one version");
  await reference.close();
  rmSync(dir, { recursive: true, force: true });
});
