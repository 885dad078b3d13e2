/**
 * The snapshot manager: after Commit of every `interval`-th height it writes a snapshot of that
 * height to disk and prunes all but the newest `keepRecent`, so peers can state sync from this
 * node. It also serves the snapshots it has to ListSnapshots and LoadSnapshotChunk.
 */
import type { Logger } from "pino";
import type { CommitId, KVReader } from "../store/types.js";
import { SnapshotStore } from "./files.js";
import { checkChunkSize, DEFAULT_CHUNK_BYTES, SNAPSHOT_FORMAT, snapshotChunks, type SnapshotSource } from "./format.js";
import type { Snapshot } from "./snapshot.js";

export interface SnapshotOptions {
  /** Snapshot after Commit of every height that is a multiple of this; 0: never. */
  interval: number;
  /** How many of the newest snapshots to keep; 0: all of them. */
  keepRecent: number;
  /** Chunk size in bytes (default 10 MiB); small values let tests cut a small state in many. */
  chunkSize?: number;
}

export const DEFAULT_KEEP_RECENT = 2;

/** The committed state a manager snapshots (the root multistore). */
export interface SnapshottedStore {
  storeNames(): string[];
  lastCommitId(): CommitId;
  committedStore(name: string): KVReader;
}

export class SnapshotManager {
  readonly files: SnapshotStore;
  private readonly chunkSize: number;

  constructor(
    dir: string,
    private readonly store: SnapshottedStore,
    private readonly options: SnapshotOptions,
    private readonly logger?: Logger,
  ) {
    for (const [name, value] of [["interval", options.interval], ["keepRecent", options.keepRecent]] as const) {
      if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`expected snapshot ${name} to be a whole number >= 0, got ${value}`);
    }
    this.chunkSize = checkChunkSize(options.chunkSize ?? DEFAULT_CHUNK_BYTES);
    this.files = new SnapshotStore(dir);
    this.files.removeUnfinished();
  }

  /** Called once `height` is committed: snapshots it when it is due. Never throws. */
  afterCommit(height: bigint): void {
    const { interval } = this.options;
    if (interval === 0 || height % BigInt(interval) !== 0n) return;
    try {
      const snapshot = this.create();
      this.logger?.info({ height: height.toString(), chunks: snapshot.chunkHashes.length }, "snapshot created");
      this.prune();
    } catch (err) {
      this.logger?.error({ err: (err as Error).message, height: height.toString() }, "snapshot failed; the node carries on without it");
    }
  }

  /** Writes a snapshot of the last committed height now. */
  create(): Snapshot {
    const { version, hash } = this.store.lastCommitId();
    if (version === 0n) throw new Error("there is no committed state to snapshot yet");
    const source: SnapshotSource = { storeNames: this.store.storeNames(), getKVStore: (name) => this.store.committedStore(name) };
    const writer = this.files.begin(version, SNAPSHOT_FORMAT);
    try {
      for (const chunk of snapshotChunks(source, this.chunkSize)) writer.addChunk(chunk);
      return writer.finish(hash);
    } catch (err) {
      writer.abort();
      throw err;
    }
  }

  /** Deletes all but the newest `keepRecent` snapshots. */
  prune(): void {
    if (this.options.keepRecent === 0) return;
    for (const old of this.files.list().slice(this.options.keepRecent)) {
      this.files.delete(old.height, old.format);
      this.logger?.info({ height: old.height.toString(), format: old.format }, "snapshot pruned");
    }
  }

  list(): Snapshot[] {
    return this.files.list();
  }

  loadChunk(height: bigint, format: number, index: number): Buffer | undefined {
    return this.files.loadChunk(height, format, index);
  }
}
