/**
 * agora.stream.v1.Stream on a grpc-js server: SubscribeBlocks streams subscribeBlocks()'s blocks
 * to the client. A block is only read when the client's transport has taken the previous one
 * (write() returning false waits for "drain"), so a slow indexer gets back-pressure, never an
 * unbounded buffer. A height outside the retained window ends the call with OUT_OF_RANGE and
 * the height to resume from; a client that goes away ends its subscription.
 */
import { once, type EventEmitter } from "node:events";
import { status, type Server, type ServerWritableStream, type ServiceDefinition } from "@grpc/grpc-js";
import { SubscribeBlocksRequest, SubscribeBlocksResponse } from "../../../generated/proto/agora/stream/v1/stream.js";
import { StreamRangeError, subscribeBlocks, type BlockSource } from "./subscribe.js";

export const SUBSCRIBE_BLOCKS_PATH = "/agora.stream.v1.Stream/SubscribeBlocks";

/** The service's grpc-js definition, for servers and for clients (makeGenericClientConstructor). */
export const streamServiceDefinition: ServiceDefinition = {
  SubscribeBlocks: {
    path: SUBSCRIBE_BLOCKS_PATH,
    requestStream: false,
    responseStream: true,
    requestSerialize: (r: SubscribeBlocksRequest) => Buffer.from(SubscribeBlocksRequest.encode(r).finish()),
    requestDeserialize: (b: Buffer) => SubscribeBlocksRequest.decode(b),
    responseSerialize: (r: SubscribeBlocksResponse) => Buffer.from(SubscribeBlocksResponse.encode(r).finish()),
    responseDeserialize: (b: Buffer) => SubscribeBlocksResponse.decode(b),
    originalName: "subscribeBlocks",
  },
};

export function addStreamService(server: Server, store: BlockSource, commits: EventEmitter): void {
  server.addService(streamServiceDefinition, {
    SubscribeBlocks: (call: ServerWritableStream<SubscribeBlocksRequest, SubscribeBlocksResponse>) => void serve(call, store, commits),
  });
}

async function serve(call: ServerWritableStream<SubscribeBlocksRequest, SubscribeBlocksResponse>, store: BlockSource, commits: EventEmitter): Promise<void> {
  const gone = new AbortController();
  call.on("cancelled", () => gone.abort());
  call.on("close", () => gone.abort());
  try {
    if (call.request.fromHeight < 0n) throw Object.assign(new Error(`from_height ${call.request.fromHeight} is negative: use 0 for the oldest retained block`), { code: status.INVALID_ARGUMENT });
    for await (const response of subscribeBlocks(store, commits, call.request.fromHeight, gone.signal)) {
      if (!call.write(response)) await once(call, "drain", { signal: gone.signal });
    }
  } catch (err) {
    if (gone.signal.aborted) return;
    const code = err instanceof StreamRangeError ? status.OUT_OF_RANGE : ((err as { code?: number }).code ?? status.INTERNAL);
    call.emit("error", { code, details: (err as Error).message });
  }
}
