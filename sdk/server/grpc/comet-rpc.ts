/**
 * The CometBFT RPC the tx and tendermint services read blocks and txs from, and broadcast
 * through: the node's own `[rpc] laddr`, reached over HTTP JSON-RPC.
 */
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import { status } from "@grpc/grpc-js";
import { GrpcError } from "../status.js";

/** An RPC listen address as config.toml writes it ("tcp://0.0.0.0:26657") as a URL to call. */
export function rpcUrl(laddr: string): string {
  const m = /^(?:tcp|http):\/\/(.+):(\d+)$/.exec(laddr.trim());
  if (!m) throw new Error(`cannot reach CometBFT RPC at "${laddr}": expected tcp://host:port`);
  const host = m[1] === "0.0.0.0" || m[1] === "" ? "127.0.0.1" : m[1]!;
  return `http://${host}:${m[2]}`;
}

/** Connects on first use, so the gRPC server may start before CometBFT listens. */
export class CometRpc {
  private client: Promise<Comet38Client> | undefined;

  constructor(readonly url: string) {}

  /** Runs one RPC call; its failure becomes a gRPC status a client can act on. */
  async call<T>(what: string, run: (client: Comet38Client) => Promise<T>): Promise<T> {
    this.client ??= Comet38Client.connect(this.url);
    try {
      return await run(await this.client);
    } catch (err) {
      if (err instanceof GrpcError) throw err;
      throw rpcFailure(what, this.url, err);
    }
  }

  close(): void {
    void this.client?.then((c) => c.disconnect(), () => undefined);
  }
}

function rpcFailure(what: string, url: string, err: unknown): GrpcError {
  const message = err instanceof Error ? err.message : String(err);
  if (/not found/i.test(message)) return new GrpcError(status.NOT_FOUND, `${what}: ${message}`);
  if (/must be less than or equal to the current blockchain height|height must be greater than 0|is not available/i.test(message)) {
    return new GrpcError(status.INVALID_ARGUMENT, `${what}: ${message}`);
  }
  if (/ECONNREFUSED|fetch failed|socket hang up/i.test(message)) {
    return new GrpcError(status.UNAVAILABLE, `${what}: CometBFT RPC at ${url} does not answer (${message}); is the node running?`);
  }
  return new GrpcError(status.UNKNOWN, `${what}: ${message}`);
}
