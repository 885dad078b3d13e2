/**
 * The tx service's gateway paths: broadcast and look-ups go to CometBFT's RPC (the node holds the
 * mempool and the tx index), simulate to the app.
 */
import { createHash } from "node:crypto";
import { SimulateRequest, SimulateResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import type { BaseApp } from "../../baseapp/baseapp.js";
import { SIMULATE_PATH } from "../../baseapp/simulate.js";
import { CometRpc, CometRpcError, quoted } from "./comet-rpc.js";
import { fromAbciError, GatewayError, GrpcCode, invalidArgument } from "./errors.js";
import { parseBytes, parseUint64, queryValue, queryValues } from "./params.js";
import { toGatewayJson, type AnyResolver, type Json } from "./proto-json.js";
import type { RestRequest, RestRoute } from "./route.js";
import { broadcastResponseJson, txJson, txResponseJson, type RpcTx, type RpcTxResult } from "./tx-json.js";

const MAX_LIMIT = 100n;

export function txRoutes(base: BaseApp, rpc: CometRpc, resolve: AnyResolver): RestRoute[] {
  const blockTimes = new BlockTimes(rpc);
  return [
    {
      method: "POST",
      path: "/cosmos/tx/v1beta1/txs",
      operation: "cosmos.tx.v1beta1.Service.BroadcastTx",
      params: [],
      requestBody: "cosmos.tx.v1beta1.BroadcastTxRequest",
      response: "cosmos.tx.v1beta1.BroadcastTxResponse",
      async handle(request) {
        const txBytes = bodyTxBytes(request);
        const method = broadcastMethod(bodyField(request, "mode"));
        const result = await rpcCall(() => rpc.call<RpcTxResult & { hash: string }>(method, { tx: "0x" + Buffer.from(txBytes).toString("hex") }), GrpcCode.INVALID_ARGUMENT);
        const hash = result.hash || createHash("sha256").update(txBytes).digest("hex").toUpperCase();
        return { body: { tx_response: broadcastResponseJson(hash, result) } };
      },
    },
    {
      method: "POST",
      path: "/cosmos/tx/v1beta1/simulate",
      operation: "cosmos.tx.v1beta1.Service.Simulate",
      params: [],
      requestBody: "cosmos.tx.v1beta1.SimulateRequest",
      response: "cosmos.tx.v1beta1.SimulateResponse",
      async handle(request) {
        const data = SimulateRequest.encode({ txBytes: bodyTxBytes(request) }).finish();
        const answer = base.query({ path: SIMULATE_PATH, data, height: 0n, prove: false });
        if (answer.code !== 0) throw fromAbciError(answer.codespace, answer.code, answer.log);
        return { body: toGatewayJson(SimulateResponse.decode(answer.value), resolve), height: answer.height };
      },
    },
    {
      method: "GET",
      path: "/cosmos/tx/v1beta1/txs/{hash}",
      operation: "cosmos.tx.v1beta1.Service.GetTx",
      params: [{ name: "hash", in: "path", type: "string", required: true }],
      response: "cosmos.tx.v1beta1.GetTxResponse",
      async handle(request) {
        const hash = request.params["hash"] ?? "";
        if (!/^[0-9a-fA-F]{64}$/.test(hash)) throw invalidArgument(`tx hash must be 64 hex characters, got "${hash}"`);
        const found = await rpcCall(() => rpc.call<RpcTx>("tx", { hash: "0x" + hash }), GrpcCode.NOT_FOUND, `tx not found: ${hash}`);
        return { body: { tx: txJson(found.tx, resolve), tx_response: txResponseJson(found, await blockTimes.of(found.height), resolve) } };
      },
    },
    {
      method: "GET",
      path: "/cosmos/tx/v1beta1/txs",
      operation: "cosmos.tx.v1beta1.Service.GetTxsEvent",
      params: [
        { name: "events", in: "query", type: "string", repeated: true },
        { name: "query", in: "query", type: "string" },
        { name: "page", in: "query", type: "integer" },
        { name: "limit", in: "query", type: "integer" },
        { name: "order_by", in: "query", type: "string" },
      ],
      response: "cosmos.tx.v1beta1.GetTxsEventResponse",
      async handle(request) {
        const query = searchQuery(request);
        const page = parseUint64("page", queryValue(request, "page") ?? "1");
        const limit = parseUint64("limit", queryValue(request, "limit") ?? queryValue(request, "pagination.limit") ?? String(MAX_LIMIT));
        if (page < 1n) throw invalidArgument("page must be 1 or more");
        if (limit < 1n || limit > MAX_LIMIT) throw invalidArgument(`limit must be between 1 and ${MAX_LIMIT}, got ${limit}`);
        const orderBy = queryValue(request, "order_by") ?? "";
        const order = orderBy === "ORDER_BY_DESC" || orderBy === "2" ? "desc" : "asc";
        const found = await rpcCall(
          () => rpc.call<{ txs: RpcTx[]; total_count: string }>("tx_search", { query: quoted(query), prove: false, page: Number(page), per_page: Number(limit), order_by: quoted(order) }),
          GrpcCode.INVALID_ARGUMENT,
        );
        const txResponses: Json[] = [];
        for (const tx of found.txs) txResponses.push(txResponseJson(tx, await blockTimes.of(tx.height), resolve));
        return { body: { txs: found.txs.map((tx) => txJson(tx.tx, resolve)), tx_responses: txResponses, pagination: null, total: found.total_count } };
      },
    },
  ];
}

function bodyField(request: RestRequest, name: string): unknown {
  const body = request.body;
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw invalidArgument("the request body must be a JSON object");
  return (body as Record<string, unknown>)[name];
}

function bodyTxBytes(request: RestRequest): Uint8Array {
  const text = bodyField(request, "tx_bytes");
  if (typeof text !== "string" || text === "") throw invalidArgument("invalid empty tx: give the signed TxRaw bytes as base64 in tx_bytes");
  return parseBytes("tx_bytes", text);
}

function broadcastMethod(mode: unknown): string {
  if (mode === "BROADCAST_MODE_SYNC" || mode === 2) return "broadcast_tx_sync";
  if (mode === "BROADCAST_MODE_ASYNC" || mode === 3) return "broadcast_tx_async";
  throw invalidArgument(`unsupported broadcast mode ${JSON.stringify(mode)}: use BROADCAST_MODE_SYNC or BROADCAST_MODE_ASYNC (block mode was removed; poll /cosmos/tx/v1beta1/txs/{hash})`);
}

/** `query`, or the `events` joined with AND, each as type.attribute='value'. */
function searchQuery(request: RestRequest): string {
  const query = queryValue(request, "query");
  if (query) return query;
  const events = queryValues(request, "events");
  if (events.length === 0) throw invalidArgument("query cannot be empty: give events=type.attribute='value' (repeatable) or query=...");
  return events
    .map((event) => {
      const parts = event.split("=");
      if (parts.length !== 2 || !parts[0]) throw invalidArgument(`invalid event ${event}: should be of the format {eventType}.{eventAttribute}={value}`);
      const value = parts[1]!;
      return /^'.*'$/.test(value) || /^\d+$/.test(value) ? event : `${parts[0]}='${value}'`;
    })
    .join(" AND ");
}

/** Runs an RPC call; the node refusing it becomes the gateway error `code` with its reason. */
async function rpcCall<T>(call: () => Promise<T>, code: number, message?: string): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof CometRpcError) throw new GatewayError(code, message ?? err.data);
    throw err;
  }
}

/** Block times by height (a tx's timestamp is its block's time); a bounded cache. */
class BlockTimes {
  private readonly times = new Map<string, string>();
  constructor(private readonly rpc: CometRpc) {}

  async of(height: string): Promise<string> {
    const known = this.times.get(height);
    if (known !== undefined) return known;
    const { header } = await this.rpc.call<{ header: { time: string } }>("header", { height });
    // The SDK writes the block time as RFC 3339 in whole seconds.
    const time = header.time.replace(/\.\d+Z$/, "Z");
    if (this.times.size >= 1024) this.times.delete(this.times.keys().next().value!);
    this.times.set(height, time);
    return time;
  }
}
