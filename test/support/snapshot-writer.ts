/**
 * A child process for crash tests: opens a node home's state, then commits a block and snapshots
 * it (every height, keeping 2) forever, so the parent can kill -9 it at any moment and check what
 * survived in data/snapshots.
 */
import { createModules, snapshotsPath, stateDatabasePath } from "../../app/app.js";
import { SnapshotManager } from "../../sdk/snapshots/manager.js";
import { RootMultiStore } from "../../sdk/store/multistore.js";
import { writeBankLikeBalances } from "./bank-state.js";

/** Small chunks: a snapshot is many files, so a kill lands inside one. */
export const WRITER_CHUNK_BYTES = 8 * 1024;

if (process.argv[1]?.endsWith("snapshot-writer.js") && process.argv[2]) {
  const home = process.argv[2];
  const store = RootMultiStore.open(stateDatabasePath(home), createModules().modules.storeKeys());
  const manager = new SnapshotManager(snapshotsPath(home), store, { interval: 1, keepRecent: 2, chunkSize: WRITER_CHUNK_BYTES });
  for (let version = store.lastCommitId().version + 1n; ; version++) {
    writeBankLikeBalances(store.getKVStore("bank"), 100, Number(version) * 100, version);
    store.commit(version);
    manager.afterCommit(version);
    await manager.idle();
  }
}
