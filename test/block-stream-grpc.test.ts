import assert from "node:assert/strict";
import { test } from "node:test";
import { credentials, makeGenericClientConstructor, Server, ServerCredentials, status, type ClientReadableStream } from "@grpc/grpc-js";
import type { SubscribeBlocksResponse } from "../generated/proto/agora/stream/v1/stream.js";
import { addStreamService, streamServiceDefinition } from "../sdk/server/stream/grpc-service.js";
import { genesisState, TestChain } from "./support/chain.js";
import { testAccount } from "./support/signing.js";

test("SubscribeBlocks over gRPC: retained blocks, then live ones; OUT_OF_RANGE with the resume height; negative heights refused", async () => {
  const alice = await testAccount(1);
  const chain = TestChain.open(undefined, undefined, undefined, { streamBlocks: true });
  const server = new Server();
  addStreamService(server, chain.app.base.store, chain.app.base.commits);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
  const Client = makeGenericClientConstructor(streamServiceDefinition, "Stream");
  const client = new Client(`127.0.0.1:${port}`, credentials.createInsecure()) as unknown as {
    SubscribeBlocks(req: { fromHeight: bigint }): ClientReadableStream<SubscribeBlocksResponse>;
    close(): void;
  };
  try {
    chain.initChain(genesisState([{ address: alice.address, amount: 5n }]));
    for (let i = 0; i < 3; i++) chain.block([]);

    const call = client.SubscribeBlocks({ fromHeight: 2n });
    const heights: bigint[] = [];
    const done = new Promise<void>((resolve, reject) => {
      call.on("data", (r: SubscribeBlocksResponse) => {
        heights.push(r.block!.height);
        if (heights.length === 2) chain.block([]);
        if (heights.length === 3) resolve();
      });
      call.on("error", (e: { code: number }) => (e.code === status.CANCELLED ? undefined : reject(e)));
    });
    await done;
    assert.deepEqual(heights, [2n, 3n, 4n]);
    call.cancel();

    const failure = (fromHeight: bigint) =>
      new Promise<{ code: number; details: string }>((resolve) => {
        const c = client.SubscribeBlocks({ fromHeight });
        c.on("data", () => {});
        c.on("error", (e: { code: number; details: string }) => resolve(e));
      });
    // Heights up to 2 pruned: block 1 is out of the window.
    chain.app.base.store.pruneTo(2n);
    const gone = await failure(1n);
    assert.equal(gone.code, status.OUT_OF_RANGE);
    assert.match(gone.details, /block 1 is no longer retained .*: the oldest height to resume from is 3/);
    const negative = await failure(-1n);
    assert.equal(negative.code, status.INVALID_ARGUMENT);
    assert.match(negative.details, /from_height -1 is negative/);
  } finally {
    client.close();
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    await chain.destroy();
  }
});
