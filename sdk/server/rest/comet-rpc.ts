/**
 * A small CometBFT RPC client (URI form over fetch) for the REST paths the node answers rather than
 * the app: broadcast, tx lookup and search, blocks, status, validators.
 */
import { GatewayError, GrpcCode } from "./errors.js";

// A node that does not answer in this time is as good as down for a REST client waiting on it.
const RPC_TIMEOUT_MS = 15_000;

export class CometRpcError extends Error {
  constructor(
    readonly method: string,
    readonly data: string,
  ) {
    super(`CometBFT RPC ${method}: ${data}`);
    this.name = "CometRpcError";
  }
}

export class CometRpc {
  private readonly base: string;

  /** `address` as config.toml's `[rpc] laddr` writes it: tcp://127.0.0.1:26657 or http://... */
  constructor(address: string) {
    this.base = address.replace(/^tcp:\/\//, "http://").replace(/\/$/, "").replace("//0.0.0.0:", "//127.0.0.1:");
  }

  /**
   * One RPC call's `result`. Arguments are given as the URI form wants them: strings quoted,
   * bytes as 0x hex, numbers bare. A refused call throws CometRpcError with the node's reason;
   * an unreachable node is UNAVAILABLE.
   */
  async call<T>(method: string, args: Record<string, string | number | boolean | undefined> = {}): Promise<T> {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(args)) if (value !== undefined) query.set(name, String(value));
    let response: Response;
    try {
      response = await fetch(`${this.base}/${method}?${query.toString()}`, { signal: AbortSignal.timeout(RPC_TIMEOUT_MS) });
    } catch (err) {
      throw new GatewayError(GrpcCode.UNAVAILABLE, `cannot reach the CometBFT RPC at ${this.base}: ${(err as Error).message}`);
    }
    const body = (await response.json()) as { result?: T; error?: { message?: string; data?: string } };
    if (body.error) throw new CometRpcError(method, body.error.data || body.error.message || "error");
    if (body.result === undefined) throw new CometRpcError(method, `no result (HTTP ${response.status})`);
    return body.result;
  }
}

/** A string argument in the URI form. */
export function quoted(text: string): string {
  return JSON.stringify(text);
}

export function hexToBase64(hex: string): string | null {
  return hex ? Buffer.from(hex, "hex").toString("base64") : null;
}
