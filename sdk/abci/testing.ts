/**
 * A minimal ABCI socket client for tests: it speaks the same wire format as
 * CometBFT (length-prefixed Requests, then a Flush) so in-process tests can
 * drive an AbciServer over a real socket without the cometbft binary.
 */
import { type Socket, connect } from "node:net";
import { pino, type Logger } from "pino";
import {
  Request,
  Response,
  ResponseApplySnapshotChunk,
  ResponseCheckTx,
  ResponseFinalizeBlock,
  ResponseInfo,
  ResponseInitChain,
  ResponseOfferSnapshot,
  ResponseQuery,
  ResponseProcessProposal_ProposalStatus as ProposalStatus,
  ResponseVerifyVoteExtension_VerifyStatus as VerifyStatus,
} from "cosmjs-types/tendermint/abci/types";
import type { AbciApplication } from "./application.js";
import { FrameDecoder, encodeFrame } from "./framing.js";
import { parseAddress } from "./server.js";

interface Waiter {
  count: number;
  responses: Response[];
  resolve: (responses: Response[]) => void;
  reject: (err: Error) => void;
}

/** Opens a raw socket to a "tcp://host:port" or "unix:///path" address. */
export function connectRaw(address: string): Promise<Socket> {
  const target = parseAddress(address);
  return new Promise((resolve, reject) => {
    const socket =
      target.kind === "unix" ? connect(target.path) : connect(target.port, target.host);
    socket.once("error", reject);
    socket.once("connect", () => {
      socket.off("error", reject);
      resolve(socket);
    });
  });
}

/** Encodes requests as wire frames, optionally followed by a Flush. */
export function encodeRequests(requests: Request[], withFlush = true): Buffer {
  const all = withFlush ? [...requests, { flush: {} }] : requests;
  return Buffer.concat(all.map((r) => encodeFrame(Request.encode(r).finish())));
}

export class AbciTestClient {
  private readonly decoder = new FrameDecoder();
  private readonly waiters: Waiter[] = [];
  private failure: Error | undefined;

  private constructor(readonly socket: Socket) {
    socket.on("data", (chunk: Buffer) => {
      try {
        for (const frame of this.decoder.push(chunk)) this.onResponse(Response.decode(frame));
      } catch (err) {
        this.abort(err instanceof Error ? err : new Error(String(err)));
      }
    });
    socket.on("error", (err) => this.abort(err));
    socket.on("close", () => this.abort(new Error("ABCI connection closed")));
  }

  static async connect(address: string): Promise<AbciTestClient> {
    return new AbciTestClient(await connectRaw(address));
  }

  /**
   * Sends the requests plus a Flush and resolves with the responses to the
   * requests (the Flush response is checked and stripped). Calls may overlap;
   * results are matched FIFO like the protocol itself.
   */
  request(requests: Request[]): Promise<Response[]> {
    if (this.failure) return Promise.reject(this.failure);
    const done = new Promise<Response[]>((resolve, reject) => {
      this.waiters.push({ count: requests.length + 1, responses: [], resolve, reject });
    });
    this.socket.write(encodeRequests(requests));
    return done;
  }

  async close(): Promise<void> {
    if (this.socket.destroyed) return;
    await new Promise<void>((resolve) => this.socket.end(resolve));
    this.socket.destroy();
  }

  private onResponse(res: Response): void {
    const waiter = this.waiters[0];
    if (!waiter) throw new Error("unsolicited ABCI response");
    waiter.responses.push(res);
    if (waiter.responses.length < waiter.count) return;
    this.waiters.shift();
    const flush = waiter.responses.pop()!;
    if (!flush.flush) waiter.reject(new Error("expected a Flush response last"));
    else waiter.resolve(waiter.responses);
  }

  private abort(err: Error): void {
    this.failure ??= err;
    for (const w of this.waiters.splice(0)) w.reject(err);
    this.socket.destroy();
  }
}

/** One-shot helper: connect, send requests + Flush, collect responses, close. */
export async function roundTrip(address: string, requests: Request[]): Promise<Response[]> {
  const client = await AbciTestClient.connect(address);
  try {
    return await client.request(requests);
  } finally {
    await client.close();
  }
}

/**
 * An application whose every method returns an empty, valid response
 * (ACCEPT for the two verification methods); tests override what they need.
 */
export function stubApplication(overrides: Partial<AbciApplication> = {}): AbciApplication {
  const base: AbciApplication = {
    info: () => ResponseInfo.fromPartial({}),
    query: () => ResponseQuery.fromPartial({}),
    checkTx: () => ResponseCheckTx.fromPartial({}),
    initChain: () => ResponseInitChain.fromPartial({}),
    prepareProposal: (req) => ({ txs: req.txs }),
    processProposal: () => ({ status: ProposalStatus.ACCEPT }),
    extendVote: () => ({ voteExtension: new Uint8Array() }),
    verifyVoteExtension: () => ({ status: VerifyStatus.ACCEPT }),
    finalizeBlock: () => ResponseFinalizeBlock.fromPartial({}),
    commit: () => ({ retainHeight: 0n }),
    listSnapshots: () => ({ snapshots: [] }),
    offerSnapshot: () => ResponseOfferSnapshot.fromPartial({}),
    loadSnapshotChunk: () => ({ chunk: new Uint8Array() }),
    applySnapshotChunk: () => ResponseApplySnapshotChunk.fromPartial({}),
  };
  return { ...base, ...overrides };
}

/** A pino logger writing parsed JSON records into `records`, for assertions on logs. */
export function captureLogger(level = "debug"): { logger: Logger; records: Record<string, unknown>[] } {
  const records: Record<string, unknown>[] = [];
  const logger = pino({ level }, { write: (line: string) => void records.push(JSON.parse(line)) });
  return { logger, records };
}
