/**
 * One ABCI socket connection. CometBFT pipelines requests and expects the
 * responses in the same order, delivered when it sends Flush; so requests are
 * queued as they arrive and executed strictly one after another (each app
 * call is awaited before the next starts), responses are buffered, and the
 * buffer goes out in a single write when the Flush is answered.
 */
import type { Socket } from "node:net";
import type { Logger } from "pino";
import { Request, Response } from "cosmjs-types/tendermint/abci/types";
import type { AbciApplication } from "./application.js";
import { dispatch, type FatalHandler } from "./dispatch.js";
import { FrameDecoder, encodeFrame } from "./framing.js";

/** Stop reading while this many requests wait, so a flood cannot exhaust memory. */
const QUEUE_HIGH_WATER = 4096;
const FLUSH_FRAME = encodeFrame(Response.encode({ flush: {} }).finish());

export class AbciConnection {
  private readonly decoder: FrameDecoder;
  private readonly queue: Request[] = [];
  private readonly pending: Buffer[] = [];
  private draining = false;

  constructor(
    private readonly socket: Socket,
    private readonly app: AbciApplication,
    private readonly log: Logger,
    maxFrameBytes: number,
    private readonly onFatal?: FatalHandler,
  ) {
    this.decoder = new FrameDecoder(maxFrameBytes);
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", (err) => this.log.warn({ err }, "ABCI connection error"));
  }

  private onData(chunk: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.decoder.push(chunk);
    } catch (err) {
      return this.fail("invalid framing", err);
    }
    for (const frame of frames) {
      try {
        this.queue.push(Request.decode(frame));
      } catch (err) {
        return this.fail("undecodable Request", err);
      }
    }
    if (this.queue.length >= QUEUE_HIGH_WATER) this.socket.pause();
    void this.drain();
  }

  /** The peer broke the protocol: nothing later on this stream can be trusted. */
  private fail(what: string, err: unknown): void {
    const reason = err instanceof Error ? err.message : String(err);
    this.log.error({ reason }, `closing ABCI connection: ${what}: ${reason}`);
    this.queue.length = 0;
    this.socket.destroy();
  }

  /** Single consumer of the queue; re-entrant calls return immediately. */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0 && !this.socket.destroyed) {
        const req = this.queue.shift()!;
        if (req.flush) this.flush();
        else this.pending.push(encodeFrame(await dispatch(this.app, req, this.log, this.onFatal)));
        if (this.queue.length < QUEUE_HIGH_WATER / 2 && this.socket.isPaused()) this.socket.resume();
      }
    } finally {
      this.draining = false;
    }
  }

  private flush(): void {
    this.pending.push(FLUSH_FRAME);
    const out = Buffer.concat(this.pending);
    this.pending.length = 0;
    this.socket.write(out);
  }
}
