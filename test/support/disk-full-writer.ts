/**
 * A child process for the full-disk test: commits the crash test's blocks (crash-writer.ts) to
 * the store at argv[2] and prints "committed <version> <app hash>" after each durable commit,
 * until a commit fails. It handles no error itself, so the parent sees what a node would: the
 * exception (or signal) a full disk ends the process with.
 */
import { RootMultiStore } from "../../sdk/store/multistore.js";
import { applyCrashBlock, CRASH_STORES } from "./crash-writer.js";

if (process.argv[1]?.endsWith("disk-full-writer.js") && process.argv[2]) {
  const store = RootMultiStore.open(process.argv[2], CRASH_STORES);
  for (let version = store.lastCommitId().version + 1n; ; version++) {
    applyCrashBlock(store, version);
    const { hash } = store.commit(version);
    process.stdout.write(`committed ${version} ${Buffer.from(hash).toString("hex")}\n`);
  }
}
