/**
 * The snapshot manager: after Commit of every `interval`-th height it writes a snapshot of that
 * height to disk and prunes all but the newest `keepRecent`, so peers can state sync from this
 * node. It also serves the snapshots it has to ListSnapshots and LoadSnapshotChunk.
 *
 * A snapshot is written in the background: the height is held in the store (not pruned) and
 * read through a view of that version, chunk by chunk with the event loop free in between, so
 * consensus goes on committing blocks meanwhile.
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

/** The committed state a manager snapshots: the root multistore. */
export interface SnapshottedStore {
  storeNames(): string[];
  lastCommitId(): CommitId;
  viewAt(version: bigint): { getKVStore(name: string): KVReader };
  hold(version: bigint): void;
  release(version: bigint): void;
}

export class SnapshotManager {
  readonly files: SnapshotStore;
  private readonly chunkSize: number;
  /** The background writer, while it runs. */
  private running: Promise<void> | undefined;
  /** The next height to snapshot (held in the store), when one came due while writing. */
  private queued: CommitId | undefined;
  private closing = false;

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

  /**
   * Called right after `height` is committed: when it is due, snapshots it in the background.
   * A height that comes due while another is written waits for it; a newer one replaces it.
   */
  afterCommit(height: bigint): void {
    const { interval } = this.options;
    if (interval === 0 || height % BigInt(interval) !== 0n || this.closing) return;
    const committed = this.store.lastCommitId();
    if (committed.version !== height) throw new Error(`snapshot of height ${height} asked after commit of ${committed.version}`);
    this.store.hold(height);
    if (this.queued) this.store.release(this.queued.version);
    this.queued = committed;
    this.startWriter();
  }

  /** Writes a snapshot of the last committed height now (the node stopped: `agorad snapshots export`). */
  async create(): Promise<Snapshot> {
    const committed = this.store.lastCommitId();
    if (committed.version === 0n) throw new Error("there is no committed state to snapshot yet");
    this.store.hold(committed.version);
    try {
      return await this.write(committed);
    } finally {
      this.store.release(committed.version);
    }
  }

  /** Resolves once no snapshot is being written. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops after the chunk being written (its snapshot is dropped) and waits for that. */
  async close(): Promise<void> {
    this.closing = true;
    await this.idle();
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

  /**
   * Runs the background writer unless it runs already. `running` is cleared in a callback, never
   * by the writer itself: one that finishes without awaiting anything would clear it before it
   * is set.
   */
  private startWriter(): void {
    if (this.running) return;
    this.running = this.writeQueued().finally(() => {
      this.running = undefined;
      if (this.queued) this.startWriter();
    });
  }

  /** Writes queued heights until none is left; a failure is logged, never thrown at consensus. */
  private async writeQueued(): Promise<void> {
    for (let next = this.queued; next; next = this.queued) {
      this.queued = undefined;
      const height = next.version.toString();
      try {
        if (!this.closing && this.makeRoomFor(next)) {
          const snapshot = await this.write(next);
          this.logger?.info({ height, chunks: snapshot.chunkHashes.length }, "snapshot created");
          this.prune();
        }
      } catch (err) {
        this.logger?.error({ err: (err as Error).message, height }, "snapshot failed; the node carries on without it");
      } finally {
        this.store.release(next.version);
      }
    }
  }

  /**
   * Whether a snapshot of `committed` is still to be written. One of its height may be there
   * already: the same state when a rolled back height was executed again (kept), or another
   * state after a hard rollback made a new block there (replaced: peers would reject it).
   */
  private makeRoomFor(committed: CommitId): boolean {
    const existing = this.files.get(committed.version, SNAPSHOT_FORMAT);
    if (!existing) return true;
    if (existing.appHash.equals(committed.hash)) return false;
    this.logger?.warn({ height: committed.version.toString() }, "replacing a snapshot of a height whose block changed");
    this.files.delete(committed.version, SNAPSHOT_FORMAT);
    return true;
  }

  /** Writes the snapshot of a held version. */
  private async write(committed: CommitId): Promise<Snapshot> {
    const { version } = committed;
    // Each store is viewed when its turn comes: by then `version` may no longer be the latest,
    // and the view reads it from the store's history instead.
    const source: SnapshotSource = { storeNames: this.store.storeNames(), getKVStore: (name) => this.store.viewAt(version).getKVStore(name) };
    const writer = this.files.begin(version, SNAPSHOT_FORMAT);
    try {
      for (const chunk of snapshotChunks(source, this.chunkSize)) {
        if (this.closing) throw new Error(`snapshot of height ${version} stopped: the node is shutting down`);
        if (chunk === null) await new Promise((resolve) => setImmediate(resolve));
        else await writer.addChunk(chunk);
      }
      return await writer.finish(committed.hash);
    } catch (err) {
      await writer.abort();
      throw err;
    }
  }
}
