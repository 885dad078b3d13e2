/**
 * The indexer's loop: subscribe to the node's block stream from the block after the last one
 * indexed, and write each block in its own transaction. A restart resumes exactly there. A
 * failing database write is retried (with back-off) for the same block, a broken stream is
 * re-opened from the last indexed height; neither loses nor repeats a block.
 */
import { credentials, makeGenericClientConstructor, status, type ClientReadableStream } from "@grpc/grpc-js";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { SubscribeBlocksResponse } from "../../../generated/proto/agora/stream/v1/stream.js";
import { streamServiceDefinition } from "../../../sdk/server/stream/grpc-service.js";
import { BlockAssembler } from "./from-stream.js";
import type { IndexerDatabase } from "./schema.js";
import { indexBlock, lastIndexedHeight } from "./write-block.js";

export interface IndexerOptions {
  db: Kysely<IndexerDatabase>;
  /** The node's gRPC address, host:port. */
  grpc: string;
  logger: Logger;
  signal: AbortSignal;
  /** Called after each block is indexed. */
  onIndexed?: (height: bigint) => void;
}

const StreamClient = makeGenericClientConstructor(streamServiceDefinition, "Stream");
type Subscriber = { SubscribeBlocks(req: { fromHeight: bigint }): ClientReadableStream<SubscribeBlocksResponse>; close(): void };

const MAX_BACKOFF_MS = 10_000;

export async function runIndexer(options: IndexerOptions): Promise<void> {
  const { db, logger, signal } = options;
  const client = new StreamClient(options.grpc, credentials.createInsecure()) as unknown as Subscriber;
  let backoff = 100;
  // Each pause and each stream takes its abort listener off again when done: an outage of hours
  // retries thousands of times, and listeners left behind would keep every call alive.
  const pause = () =>
    new Promise<void>((resolve) => {
      const wake = () => (clearTimeout(timer), resolve());
      const timer = setTimeout(() => (signal.removeEventListener("abort", wake), resolve()), backoff);
      signal.addEventListener("abort", wake, { once: true });
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    });
  try {
    while (!signal.aborted) {
      let from: bigint;
      try {
        from = (await lastIndexedHeight(db)) + 1n;
      } catch (err) {
        logger.warn({ err: (err as Error).message }, "PostgreSQL unavailable; retrying");
        await pause();
        continue;
      }
      const call = client.SubscribeBlocks({ fromHeight: from });
      const cancel = () => call.cancel();
      signal.addEventListener("abort", cancel, { once: true });
      // A fresh assembler per call: a broken stream resumes from the last indexed block, whole.
      const assembler = new BlockAssembler();
      try {
        for await (const response of call as AsyncIterable<SubscribeBlocksResponse>) {
          const block = assembler.add(response);
          if (!block) continue;
          // The same block until it is written: a database outage holds the stream, loses nothing.
          for (;;) {
            try {
              await indexBlock(db, block);
              break;
            } catch (err) {
              if (signal.aborted) return;
              logger.warn({ height: block.height.toString(), err: (err as Error).message }, "cannot write block; retrying");
              await pause();
            }
          }
          backoff = 100;
          options.onIndexed?.(block.height);
        }
      } catch (err) {
        if (signal.aborted) return;
        if ((err as { code?: number }).code === status.OUT_OF_RANGE) {
          throw new Error(`the node no longer has the blocks this indexer needs (${(err as { details?: string }).details}): index from a node that keeps them, or start over on an empty database`);
        }
        logger.warn({ from: from.toString(), err: (err as Error).message }, "block stream broke; reconnecting");
        await pause();
      } finally {
        signal.removeEventListener("abort", cancel);
      }
    }
  } finally {
    client.close();
  }
}
