/**
 * Socket-level tests of AbciServer: real connections, assertions on the
 * exact bytes written back, ordering, error handling and logging.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, existsSync, rmSync } from "node:fs";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import {
  type Request,
  Response,
  RequestCheckTx,
  RequestFinalizeBlock,
  RequestInfo,
  RequestProcessProposal,
  RequestVerifyVoteExtension,
  ResponseCheckTx,
  ResponseInfo,
  ResponseProcessProposal_ProposalStatus as ProposalStatus,
  ResponseVerifyVoteExtension_VerifyStatus as VerifyStatus,
} from "cosmjs-types/tendermint/abci/types";
import type { AbciApplication } from "./application.js";
import { encodeFrame } from "./framing.js";
import { AbciServer } from "./server.js";
import { AbciTestClient, captureLogger, connectRaw, encodeRequests, roundTrip, stubApplication } from "./testing.js";

/** Starts a server on a free TCP port; the caller closes it. */
async function start(overrides: Partial<AbciApplication> = {}, maxFrameBytes?: number) {
  const { logger, records } = captureLogger();
  const server = new AbciServer(stubApplication(overrides), logger, maxFrameBytes ? { maxFrameBytes } : {});
  await server.listen("tcp://127.0.0.1:0");
  return { server, records };
}

/** Accumulates everything a raw socket receives and notes when it closes. */
function collect(socket: Socket) {
  const chunks: Buffer[] = [];
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.on("data", (c: Buffer) => chunks.push(c));
  socket.on("error", () => {});
  return {
    closed,
    bytes: () => Buffer.concat(chunks),
    async waitFor(length: number, timeoutMs = 5000): Promise<Buffer> {
      const deadline = Date.now() + timeoutMs;
      while (Buffer.concat(chunks).length < length) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${length} bytes`);
        await delay(5);
      }
      return Buffer.concat(chunks);
    },
  };
}

const wireResponses = (responses: Response[]): Buffer =>
  Buffer.concat([...responses, { flush: {} }].map((r) => encodeFrame(Response.encode(r).finish())));

const checkTx = (tx: string | Uint8Array): Request => ({
  checkTx: RequestCheckTx.fromPartial({ tx: typeof tx === "string" ? Buffer.from(tx) : tx }),
});

/** checkTx that echoes the tx as data and its length as gasWanted. */
const echoCheckTx = (req: RequestCheckTx): ResponseCheckTx =>
  ResponseCheckTx.fromPartial({ data: req.tx, gasWanted: BigInt(req.tx.length) });

test("listen reports the real bound port", async () => {
  const { server } = await start();
  try {
    assert.match(server.address, /^tcp:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(server.address, "tcp://127.0.0.1:0");
  } finally {
    await server.close();
  }
});

test("requests sent one byte at a time are answered with the exact expected bytes", async () => {
  const info = ResponseInfo.fromPartial({ data: "agora", lastBlockHeight: 7n });
  const { server } = await start({ info: () => info });
  const socket = await connectRaw(server.address);
  socket.setNoDelay(true);
  const rx = collect(socket);
  try {
    const wire = encodeRequests([{ echo: { message: "ping" } }, { info: RequestInfo.fromPartial({ version: "0.38" }) }]);
    for (const byte of wire) {
      socket.write(Buffer.from([byte]));
      await delay(1);
    }
    const expected = wireResponses([{ echo: { message: "ping" } }, { info }]);
    assert.deepEqual(await rx.waitFor(expected.length), expected);
  } finally {
    socket.destroy();
    await server.close();
  }
});

test("many frames in one write are all answered, in order, in one flush", async () => {
  const { server } = await start({ checkTx: echoCheckTx });
  const socket = await connectRaw(server.address);
  const rx = collect(socket);
  try {
    const txs = Array.from({ length: 500 }, (_, i) => `tx-${i}`);
    socket.write(encodeRequests(txs.map(checkTx)));
    const expected = wireResponses(txs.map((tx) => ({ checkTx: echoCheckTx(RequestCheckTx.fromPartial({ tx: Buffer.from(tx) })) })));
    assert.deepEqual(await rx.waitFor(expected.length), expected);
  } finally {
    socket.destroy();
    await server.close();
  }
});

test("large frames (4 MiB and 20 MiB CheckTx) round-trip", async () => {
  const { server } = await start({
    checkTx: (req) => ResponseCheckTx.fromPartial({ gasWanted: BigInt(req.tx.length), data: req.tx.subarray(-4) }),
  });
  const client = await AbciTestClient.connect(server.address);
  try {
    for (const size of [4 * 1024 * 1024, 20 * 1024 * 1024 + 3]) {
      const tx = Buffer.alloc(size, 0xab);
      tx.writeUInt32BE(size, size - 4);
      const [res] = await client.request([checkTx(tx)]);
      assert.equal(res?.checkTx?.gasWanted, BigInt(size));
      assert.deepEqual(Buffer.from(res!.checkTx!.data), tx.subarray(-4));
    }
  } finally {
    await client.close();
    await server.close();
  }
});

test("garbage on one connection closes only that connection and is logged", async () => {
  const { server, records } = await start();
  const bystander = await AbciTestClient.connect(server.address);
  try {
    const cases: [Buffer, RegExp][] = [
      [Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), /exceeds maximum/], // huge length
      [Buffer.alloc(11, 0x80), /longer than 10 bytes/], // malformed varint
      [encodeFrame(Buffer.from("GET / HTTP/1.1")), /undecodable Request/], // framed, but not protobuf
    ];
    for (const [garbage, reason] of cases) {
      const socket = await connectRaw(server.address);
      const remote = `127.0.0.1:${socket.localPort}`;
      const rx = collect(socket);
      socket.write(Buffer.concat([garbage, encodeRequests([{ echo: { message: "after garbage" } }])]));
      await rx.closed;
      assert.equal(rx.bytes().length, 0, "nothing is answered on a broken stream");
      const logged = records.find((r) => r["level"] === 50 && r["remote"] === remote);
      assert.ok(logged, `error logged with remote ${remote}`);
      assert.match(String(logged["msg"]), reason);

      const [echo] = await roundTrip(server.address, [{ echo: { message: "fresh" } }]);
      assert.equal(echo?.echo?.message, "fresh", "a new connection works");
    }
    const [still] = await bystander.request([{ echo: { message: "still here" } }]);
    assert.equal(still?.echo?.message, "still here", "other connections stay up");
  } finally {
    await bystander.close();
    await server.close();
  }
});

test("a frame above maxFrameBytes closes the connection", async () => {
  const { server, records } = await start({}, 1024);
  try {
    const client = await AbciTestClient.connect(server.address);
    await assert.rejects(client.request([checkTx(Buffer.alloc(2000))]), /closed/);
    assert.ok(records.some((r) => r["level"] === 50 && /exceeds maximum of 1024/.test(String(r["msg"]))));
    const [ok] = await roundTrip(server.address, [checkTx(Buffer.alloc(100))]);
    assert.ok(ok?.checkTx);
  } finally {
    await server.close();
  }
});

test("responses are FIFO and handlers run sequentially even when an earlier one is slower", async () => {
  const events: string[] = [];
  const { server } = await start({
    checkTx: async (req) => {
      const tx = Buffer.from(req.tx).toString();
      events.push(`start ${tx}`);
      if (tx === "slow") await delay(100);
      events.push(`end ${tx}`);
      return echoCheckTx(req);
    },
  });
  try {
    const responses = await roundTrip(server.address, [checkTx("slow"), { echo: { message: "mid" } }, checkTx("fast")]);
    assert.deepEqual(
      responses.map((r) => (r.checkTx ? Buffer.from(r.checkTx.data).toString() : r.echo?.message)),
      ["slow", "mid", "fast"],
    );
    assert.deepEqual(events, ["start slow", "end slow", "start fast", "end fast"]);
  } finally {
    await server.close();
  }
});

test("nothing is written before the Flush request", async () => {
  const { server } = await start({ checkTx: echoCheckTx });
  const socket = await connectRaw(server.address);
  const rx = collect(socket);
  try {
    socket.write(encodeRequests([{ echo: { message: "a" } }, checkTx("b")], false));
    await delay(200);
    assert.equal(rx.bytes().length, 0);
    socket.write(encodeRequests([]));
    const expected = wireResponses([{ echo: { message: "a" } }, { checkTx: echoCheckTx(RequestCheckTx.fromPartial({ tx: Buffer.from("b") })) }]);
    assert.deepEqual(await rx.waitFor(expected.length), expected);
  } finally {
    socket.destroy();
    await server.close();
  }
});

test("a throwing app gives REJECT for the verification methods and an exception otherwise", async () => {
  const boom = (): never => {
    throw new Error("boom");
  };
  const { server, records } = await start({ processProposal: boom, verifyVoteExtension: boom, checkTx: boom });
  try {
    const responses = await roundTrip(server.address, [
      { processProposal: RequestProcessProposal.fromPartial({}) },
      { verifyVoteExtension: RequestVerifyVoteExtension.fromPartial({}) },
      checkTx("x"),
      { echo: { message: "connection still usable" } },
    ]);
    assert.deepEqual(responses[0], Response.fromPartial({ processProposal: { status: ProposalStatus.REJECT } }));
    assert.deepEqual(responses[1], Response.fromPartial({ verifyVoteExtension: { status: VerifyStatus.REJECT } }));
    assert.equal(responses[2]?.exception?.error, "checkTx: boom");
    assert.equal(responses[3]?.echo?.message, "connection still usable");
    const failed = records.filter((r) => r["level"] === 50).map((r) => r["method"]);
    assert.deepEqual(failed, ["processProposal", "verifyVoteExtension", "checkTx"]);
  } finally {
    await server.close();
  }
});

test("a failed Commit or FinalizeBlock is answered with an exception and reported as fatal; a failed CheckTx is not", async () => {
  const fatal: string[] = [];
  const { logger } = captureLogger();
  const fail = (message: string) => (): never => {
    throw new Error(message);
  };
  const app = stubApplication({ commit: fail("the disk holding /x is full"), finalizeBlock: fail("bad block"), checkTx: fail("bad tx") });
  const server = new AbciServer(app, logger, { onFatal: (method, err) => fatal.push(`${method}: ${(err as Error).message}`) });
  await server.listen("tcp://127.0.0.1:0");
  try {
    const responses = await roundTrip(server.address, [checkTx("x"), { finalizeBlock: RequestFinalizeBlock.fromPartial({}) }, { commit: {} }]);
    assert.equal(responses[0]?.exception?.error, "checkTx: bad tx");
    assert.equal(responses[1]?.exception?.error, "finalizeBlock: bad block");
    assert.equal(responses[2]?.exception?.error, "commit: the disk holding /x is full");
    assert.deepEqual(fatal, ["finalizeBlock: bad block", "commit: the disk holding /x is full"]);
  } finally {
    await server.close();
  }
});

test("an UNKNOWN status from processProposal/verifyVoteExtension is turned into REJECT", async () => {
  const { server } = await start({
    processProposal: () => ({ status: ProposalStatus.UNKNOWN }),
    verifyVoteExtension: () => ({ status: VerifyStatus.UNKNOWN }),
  });
  try {
    const [pp, vve] = await roundTrip(server.address, [
      { processProposal: RequestProcessProposal.fromPartial({}) },
      { verifyVoteExtension: RequestVerifyVoteExtension.fromPartial({}) },
    ]);
    assert.equal(pp?.processProposal?.status, ProposalStatus.REJECT);
    assert.equal(vve?.verifyVoteExtension?.status, VerifyStatus.REJECT);
  } finally {
    await server.close();
  }
});

test("an unknown request type gets an exception response", async () => {
  const { server } = await start();
  const socket = await connectRaw(server.address);
  const rx = collect(socket);
  try {
    // Field 99 (length-delimited, empty) is not a Request variant; an empty frame has none either.
    socket.write(Buffer.concat([encodeFrame(Buffer.from([0x9a, 0x06, 0x00])), encodeFrame(Buffer.alloc(0)), encodeRequests([])]));
    const expected = wireResponses([{ exception: { error: "unknown request type" } }, { exception: { error: "unknown request type" } }]);
    assert.deepEqual(await rx.waitFor(expected.length), expected);
  } finally {
    socket.destroy();
    await server.close();
  }
});

test("serves a unix socket and close() drops open connections", async () => {
  const dir = mkdtempSync(join(tmpdir(), "abci-"));
  const { logger } = captureLogger();
  const server = new AbciServer(stubApplication(), logger);
  const address = `unix://${join(dir, "app.sock")}`;
  try {
    await server.listen(address);
    assert.equal(server.address, address);
    const client = await AbciTestClient.connect(address);
    const [res] = await client.request([{ echo: { message: "over unix" } }]);
    assert.equal(res?.echo?.message, "over unix");
    const dropped = new Promise<void>((resolve) => client.socket.once("close", () => resolve()));
    await server.close();
    await dropped;
    assert.equal(existsSync(join(dir, "app.sock")), false);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
