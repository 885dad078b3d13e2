/**
 * Restoring a snapshot into an empty store, one chunk at a time: each chunk is checked against
 * its hash, parsed and written to the store's pending layer, then dropped. After the last chunk
 * the pending state must hash to the trusted app hash; only then is it committed, as the
 * snapshot's height. Anything else leaves the store as empty as it was.
 */
import type { CommitId, KVStore } from "../store/types.js";
import { SNAPSHOT_FORMAT, SnapshotFormatError, SnapshotStreamReader } from "./format.js";
import { sha256, type Snapshot } from "./snapshot.js";

/** A store with nothing committed, as RootMultiStore is before its first block. */
export interface RestoreTarget {
  lastCommitId(): CommitId;
  setInitialVersion(version: bigint): void;
  storeNames(): string[];
  getKVStore(name: string): KVStore;
  workingHash(): Uint8Array;
  commit(version: bigint): CommitId;
  discardPending(): void;
}

/** The restored state is whole but is not the state the trusted app hash commits to. */
export class AppHashMismatchError extends Error {}

export class SnapshotRestore {
  private nextIndex = 0;
  private readonly reader: SnapshotStreamReader;
  private store: KVStore | undefined;
  private aborted = false;

  constructor(
    private readonly target: RestoreTarget,
    readonly snapshot: Pick<Snapshot, "height" | "format" | "chunkHashes">,
    private readonly trustedAppHash: Uint8Array,
  ) {
    const last = target.lastCommitId();
    if (last.version !== 0n) throw new Error(`cannot restore a snapshot over existing state (height ${last.version}): it needs an empty app database`);
    if (snapshot.format !== SNAPSHOT_FORMAT) throw new Error(`snapshot format ${snapshot.format} is not supported (this node reads format ${SNAPSHOT_FORMAT})`);
    target.setInitialVersion(snapshot.height);
    const mounted = new Set(target.storeNames());
    this.reader = new SnapshotStreamReader({
      store: (name) => {
        if (!mounted.has(name)) throw new SnapshotFormatError(`snapshot holds store "${name}", which this app does not have`);
        this.store = target.getKVStore(name);
      },
      entry: (key, value) => this.store!.set(key, value),
    });
  }

  /** The index of the chunk `apply` expects next. */
  get expectedChunk(): number {
    return this.nextIndex;
  }

  get done(): boolean {
    return this.nextIndex === this.snapshot.chunkHashes.length;
  }

  /** Whether `chunk` is chunk `index` of the snapshot, by its hash. */
  matches(index: number, chunk: Uint8Array): boolean {
    const expected = this.snapshot.chunkHashes[index];
    return expected !== undefined && sha256(chunk).equals(expected);
  }

  /**
   * Applies the next chunk (checked with `matches` first); after the last one, verifies the app
   * hash and commits. Returns true once the snapshot is restored. On a malformed stream or a
   * wrong app hash it throws, having discarded everything written so far.
   */
  apply(chunk: Uint8Array): boolean {
    if (this.done) throw new Error("snapshot is already restored");
    if (this.aborted) throw new Error("snapshot restore was aborted: offer the snapshot again");
    try {
      this.reader.push(chunk);
      this.nextIndex++;
      if (!this.done) return false;
      this.reader.end();
      const appHash = Buffer.from(this.target.workingHash());
      if (!appHash.equals(this.trustedAppHash)) {
        throw new AppHashMismatchError(
          `restored state has app hash ${appHash.toString("hex").toUpperCase()}, expected ${Buffer.from(this.trustedAppHash).toString("hex").toUpperCase()}`,
        );
      }
      this.target.commit(this.snapshot.height);
      return true;
    } catch (err) {
      this.abort();
      throw err;
    }
  }

  /** Forgets the chunks applied so far: the store is as empty as before. */
  abort(): void {
    this.target.discardPending();
    this.target.setInitialVersion(1n);
    this.aborted = true;
  }
}
