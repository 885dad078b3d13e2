/**
 * A child process for crash tests: opens a store and commits deterministic blocks forever, so
 * the parent can kill -9 it at any moment and check what survived.
 */
import { RootMultiStore } from "../../sdk/store/multistore.js";

export const CRASH_STORES = ["acc", "bank"];

/** The writes of block `version`: the same on every run, touching old keys and deleting some. */
export function applyCrashBlock(store: RootMultiStore, version: bigint): void {
  const v = Number(version);
  for (let j = 0; j < 300; j++) {
    const key = Buffer.from(`key-${(v * 37 + j * 11) % 5000}`);
    const target = store.getKVStore(CRASH_STORES[j % 2]!);
    if (j % 9 === 0) target.delete(key);
    else target.set(key, Buffer.from(`value-${v}-${j}`));
  }
}

if (process.argv[1]?.endsWith("crash-writer.js") && process.argv[2]) {
  const store = RootMultiStore.open(process.argv[2]!, CRASH_STORES);
  for (let version = store.lastCommitId().version + 1n; ; version++) {
    applyCrashBlock(store, version);
    store.commit(version);
  }
}
