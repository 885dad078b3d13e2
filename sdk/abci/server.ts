/**
 * ABCI 2.0 socket server for CometBFT v0.38. CometBFT opens four connections
 * (consensus, mempool, query, snapshot) that look identical on the wire, so
 * each is served the same way by an AbciConnection; a connection that breaks
 * the protocol is dropped without affecting the others or the process.
 */
import { existsSync, statSync, unlinkSync } from "node:fs";
import { type AddressInfo, type Server, type Socket, createServer } from "node:net";
import type { Logger } from "pino";
import type { AbciApplication } from "./application.js";
import { AbciConnection } from "./connection.js";
import type { FatalHandler } from "./dispatch.js";
import { DEFAULT_MAX_FRAME_BYTES } from "./framing.js";

export interface AbciServerOptions {
  /** Largest accepted request frame; bigger length prefixes close the connection. */
  maxFrameBytes?: number;
  /** Called after FinalizeBlock or Commit failed (its exception response still goes out). */
  onFatal?: FatalHandler;
}

export type ListenTarget = { kind: "tcp"; host: string; port: number } | { kind: "unix"; path: string };

/** Parses CometBFT-style addresses: "tcp://host:port" or "unix:///path". */
export function parseAddress(address: string): ListenTarget {
  if (address.startsWith("unix://")) {
    const path = address.slice("unix://".length);
    if (path === "") throw new Error(`missing socket path in ${address}`);
    return { kind: "unix", path };
  }
  const m = /^tcp:\/\/(\[[^\]]+\]|[^:/]*):(\d+)$/.exec(address);
  if (!m) throw new Error(`unsupported ABCI address ${address}; use tcp://host:port or unix:///path`);
  const host = m[1]!.replace(/^\[|\]$/g, "");
  return { kind: "tcp", host: host === "" ? "0.0.0.0" : host, port: Number(m[2]) };
}

export class AbciServer {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly maxFrameBytes: number;
  private readonly onFatal: FatalHandler | undefined;
  private bound = "";

  constructor(
    private readonly app: AbciApplication,
    private readonly logger: Logger,
    options: AbciServerOptions = {},
  ) {
    this.maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    this.onFatal = options.onFatal;
  }

  /** The bound address, with the real port when listening on port 0. */
  get address(): string {
    return this.bound;
  }

  async listen(address: string): Promise<void> {
    if (this.server) throw new Error("AbciServer is already listening");
    const target = parseAddress(address);
    // A socket file left by a crashed run would make listen fail with EADDRINUSE.
    if (target.kind === "unix" && existsSync(target.path) && statSync(target.path).isSocket()) {
      unlinkSync(target.path);
    }
    const server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      const done = (): void => {
        server.off("error", reject);
        resolve();
      };
      if (target.kind === "unix") server.listen(target.path, done);
      else server.listen(target.port, target.host, done);
    });
    server.on("error", (err) => this.logger.error({ err }, "ABCI server error"));
    this.server = server;
    if (target.kind === "unix") this.bound = address;
    else {
      const info = server.address() as AddressInfo;
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      this.bound = `tcp://${host}:${info.port}`;
    }
    this.logger.info({ address: this.bound }, "ABCI server listening");
  }

  /** Stops accepting, drops open connections, and resolves once fully closed. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
    this.logger.info({ address: this.bound }, "ABCI server closed");
  }

  private accept(socket: Socket): void {
    const remote = socket.remoteAddress ? `${socket.remoteAddress}:${socket.remotePort}` : this.bound;
    const log = this.logger.child({ remote });
    this.sockets.add(socket);
    socket.setNoDelay(true);
    socket.once("close", () => {
      this.sockets.delete(socket);
      log.debug("ABCI connection closed");
    });
    log.debug("ABCI connection opened");
    new AbciConnection(socket, this.app, log, this.maxFrameBytes, this.onFatal);
  }
}
