/**
 * The four ABCI state sync methods. A serving node lists and loads the snapshots its manager
 * wrote; a joining node (empty app database) accepts an offered snapshot with the app hash
 * CometBFT's light client trusts for its height, then restores the chunks in order, asking
 * CometBFT to refetch a chunk that does not match its hash and to drop the peer that sent it.
 */
import {
  ResponseApplySnapshotChunk_Result as ApplyResult,
  ResponseOfferSnapshot_Result as OfferResult,
  type RequestApplySnapshotChunk,
  type RequestLoadSnapshotChunk,
  type RequestOfferSnapshot,
  type ResponseApplySnapshotChunk,
  type ResponseListSnapshots,
  type ResponseLoadSnapshotChunk,
  type ResponseOfferSnapshot,
} from "cosmjs-types/tendermint/abci/types";
import type { Logger } from "pino";
import { SNAPSHOT_FORMAT, SnapshotFormatError } from "../snapshots/format.js";
import type { SnapshotManager } from "../snapshots/manager.js";
import { AppHashMismatchError, SnapshotRestore, type RestoreTarget } from "../snapshots/restore.js";
import { chunkHashesOf, toAbciSnapshot } from "../snapshots/snapshot.js";

export interface StateSyncOptions {
  store: RestoreTarget;
  /** Absent: this node serves no snapshots (it can still restore one). */
  snapshots: SnapshotManager | undefined;
  logger: Logger;
  /** Called once a restored state is committed. */
  onRestored: () => void;
}

export class StateSync {
  private restore: SnapshotRestore | undefined;

  constructor(private readonly options: StateSyncOptions) {}

  listSnapshots(): ResponseListSnapshots {
    return { snapshots: (this.options.snapshots?.list() ?? []).map(toAbciSnapshot) };
  }

  loadSnapshotChunk(req: RequestLoadSnapshotChunk): ResponseLoadSnapshotChunk {
    return { chunk: this.options.snapshots?.loadChunk(req.height, req.format, req.chunk) ?? new Uint8Array() };
  }

  offerSnapshot(req: RequestOfferSnapshot): ResponseOfferSnapshot {
    // A new offer (another snapshot, or the same one again) starts over.
    this.restore?.abort();
    this.restore = undefined;
    const offered = req.snapshot;
    if (!offered) return this.reject(OfferResult.REJECT, "no snapshot in the offer");
    const log = this.options.logger.child({ height: offered.height.toString(), format: offered.format });
    if (offered.format !== SNAPSHOT_FORMAT) return this.reject(OfferResult.REJECT_FORMAT, `format ${offered.format} is not supported`, log);
    const last = this.options.store.lastCommitId();
    if (last.version !== 0n) return this.reject(OfferResult.REJECT, `the app already has state at height ${last.version}`, log);
    if (req.appHash.length === 0) return this.reject(OfferResult.REJECT, "the offer has no trusted app hash", log);
    if (offered.height < 1n) return this.reject(OfferResult.REJECT, "a snapshot of height 0 holds no state", log);
    let chunkHashes: Buffer[];
    try {
      chunkHashes = chunkHashesOf(offered);
    } catch (err) {
      return this.reject(OfferResult.REJECT, (err as Error).message, log);
    }
    this.restore = new SnapshotRestore(this.options.store, { height: offered.height, format: offered.format, chunkHashes }, req.appHash);
    log.info({ chunks: offered.chunks }, "snapshot accepted; restoring");
    return { result: OfferResult.ACCEPT };
  }

  applySnapshotChunk(req: RequestApplySnapshotChunk): ResponseApplySnapshotChunk {
    const restore = this.restore;
    const none = { refetchChunks: [], rejectSenders: [] };
    if (!restore) {
      this.options.logger.error({ chunk: req.index }, "snapshot chunk without an accepted snapshot offer; aborting state sync");
      return { result: ApplyResult.ABORT, ...none };
    }
    if (req.index !== restore.expectedChunk) {
      // CometBFT applies chunks in order; a gap means starting this snapshot over.
      this.options.logger.warn({ chunk: req.index, expected: restore.expectedChunk }, "snapshot chunk out of order; restarting the snapshot");
      restore.abort();
      this.restore = undefined;
      return { result: ApplyResult.RETRY_SNAPSHOT, ...none };
    }
    if (!restore.matches(req.index, req.chunk)) {
      this.options.logger.warn({ chunk: req.index, sender: req.sender }, "snapshot chunk does not match its hash; refetching it from another peer");
      return { result: ApplyResult.RETRY, refetchChunks: [req.index], rejectSenders: req.sender ? [req.sender] : [] };
    }
    try {
      if (restore.apply(req.chunk)) {
        this.restore = undefined;
        this.options.logger.info({ height: restore.snapshot.height.toString() }, "snapshot restored");
        this.options.onRestored();
      }
      return { result: ApplyResult.ACCEPT, ...none };
    } catch (err) {
      this.restore = undefined;
      if (!(err instanceof AppHashMismatchError || err instanceof SnapshotFormatError)) throw err;
      this.options.logger.warn({ reason: err.message, height: restore.snapshot.height.toString() }, "snapshot rejected; the app state is left empty");
      return { result: ApplyResult.REJECT_SNAPSHOT, ...none };
    }
  }

  private reject(result: OfferResult, reason: string, log = this.options.logger): ResponseOfferSnapshot {
    log.info({ reason }, "snapshot offer rejected");
    return { result };
  }
}
