/**
 * The blocks from a height on, for the block stream (agora.stream.v1.Stream/SubscribeBlocks):
 * the retained records first, then each block as it commits, in order and without gaps. The
 * generator is pulled one block at a time, so a slow client holds back only itself and nothing
 * is buffered for it.
 */
import { once } from "node:events";
import type { EventEmitter } from "node:events";
import { BlockData, type StoreKVPair, type SubscribeBlocksResponse } from "../../../generated/proto/agora/stream/v1/stream.js";
import type { KVReader } from "../../store/types.js";

/** Pairs per StateChunk: a few MB a message, well under gRPC's default 4 MB receive limit for small values. */
export const STATE_CHUNK_PAIRS = 4096;

/** A height the stream cannot serve; carries the height a client can resume from. */
export class StreamRangeError extends Error {
  override name = "StreamRangeError";
  constructor(
    message: string,
    readonly oldest: bigint | undefined,
  ) {
    super(message);
  }
}

export interface BlockSource {
  lastCommitId(): { version: bigint };
  oldestBlockRecord(): bigint | undefined;
  blockRecord(version: bigint): Uint8Array | undefined;
  storeNames(): string[];
  viewAt(version: bigint): { getKVStore(name: string): KVReader };
  /** Keeps a version from pruning while its state is being sent. */
  hold(version: bigint): void;
  release(version: bigint): void;
}

export async function* subscribeBlocks(store: BlockSource, commits: EventEmitter, fromHeight: bigint, signal?: AbortSignal): AsyncGenerator<SubscribeBlocksResponse> {
  let height = fromHeight;
  for (;;) {
    signal?.throwIfAborted();
    const oldest = store.oldestBlockRecord();
    if (height === 0n) height = oldest ?? 1n;
    const record = store.blockRecord(height);
    if (record) {
      const block = BlockData.decode(record);
      yield { block };
      if (block.changesOmitted) yield* stateAt(store, height, signal);
      height++;
      continue;
    }
    if (height <= store.lastCommitId().version) {
      const resume = oldest === undefined ? "no block is retained yet" : `the oldest height to resume from is ${oldest}`;
      throw new StreamRangeError(`block ${height} is no longer retained (pruned, or from before this node's state): ${resume}`, oldest);
    }
    // Not committed yet: wait for the next commit (a gap cannot open: heights commit in order).
    await once(commits, "commit", signal ? { signal } : {});
  }
}

/** The whole state at `height`, in StateChunks: what a client needs when the change set was not kept. */
function* stateAt(store: BlockSource, height: bigint, signal?: AbortSignal): Generator<SubscribeBlocksResponse> {
  store.hold(height);
  try {
    const view = store.viewAt(height);
    let pairs: StoreKVPair[] = [];
    for (const name of [...store.storeNames()].sort()) {
      for (const [key, value] of view.getKVStore(name).iterator()) {
        pairs.push({ storeKey: name, delete: false, key, value });
        if (pairs.length === STATE_CHUNK_PAIRS) {
          signal?.throwIfAborted();
          yield { state: { height, pairs, last: false } };
          pairs = [];
        }
      }
    }
    yield { state: { height, pairs, last: true } };
  } finally {
    store.release(height);
  }
}
