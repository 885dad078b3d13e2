/**
 * The blocks from a height on, for the block stream (agora.stream.v1.Stream/SubscribeBlocks):
 * the retained records first, then each block as it commits, in order and without gaps. The
 * generator is pulled one block at a time, so a slow client holds back only itself and nothing
 * is buffered for it.
 */
import { once } from "node:events";
import type { EventEmitter } from "node:events";
import { BlockData } from "../../../generated/proto/agora/stream/v1/stream.js";

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
}

export async function* subscribeBlocks(store: BlockSource, commits: EventEmitter, fromHeight: bigint, signal?: AbortSignal): AsyncGenerator<BlockData> {
  let height = fromHeight;
  for (;;) {
    signal?.throwIfAborted();
    const oldest = store.oldestBlockRecord();
    if (height === 0n) height = oldest ?? 1n;
    const record = store.blockRecord(height);
    if (record) {
      yield BlockData.decode(record);
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
