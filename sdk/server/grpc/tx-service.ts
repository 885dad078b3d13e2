/**
 * cosmos.tx.v1beta1.Service's node-side methods: broadcasting to CometBFT's mempool and reading
 * included txs and blocks back from its RPC (Simulate is a query method: see query-methods.ts).
 */
import { sha256 } from "@cosmjs/crypto";
import { fromHex, toHex } from "@cosmjs/encoding";
import { status } from "@grpc/grpc-js";
import { TxResponse } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import {
  BroadcastMode,
  BroadcastTxRequest,
  BroadcastTxResponse,
  GetBlockWithTxsRequest,
  GetBlockWithTxsResponse,
  GetTxRequest,
  GetTxResponse,
  GetTxsEventRequest,
  GetTxsEventResponse,
  OrderBy,
} from "cosmjs-types/cosmos/tx/v1beta1/service";
import { block, blockId, decodeTx, includedTxResponse } from "./comet-messages.js";
import type { CometRpc } from "./comet-rpc.js";
import { decodeRequest, type Codec } from "./request-codec.js";
import { GrpcError } from "../status.js";
import type { MethodTable } from "./unary-methods.js";

const SERVICE = "/cosmos.tx.v1beta1.Service";
/** The SDK's cap on GetTxsEvent's page size, and its default. */
const MAX_LIMIT = 100n;

export function txServiceMethods(rpc: CometRpc): MethodTable {
  const method = <Q, R>(request: Codec<Q>, response: Codec<R>, handle: (q: Q) => Promise<R>) =>
    async (bytes: Uint8Array) => ({ response: response.encode(await handle(decodeRequest(request, bytes))).finish() });
  return new Map([
    [`${SERVICE}/BroadcastTx`, method(BroadcastTxRequest, BroadcastTxResponse, (q) => broadcastTx(rpc, q))],
    [`${SERVICE}/GetTx`, method(GetTxRequest, GetTxResponse, (q) => getTx(rpc, q))],
    [`${SERVICE}/GetTxsEvent`, method(GetTxsEventRequest, GetTxsEventResponse, (q) => getTxsEvent(rpc, q))],
    [`${SERVICE}/GetBlockWithTxs`, method(GetBlockWithTxsRequest, GetBlockWithTxsResponse, (q) => getBlockWithTxs(rpc, q))],
  ]);
}

async function broadcastTx(rpc: CometRpc, q: BroadcastTxRequest): Promise<BroadcastTxResponse> {
  if (q.txBytes.length === 0) throw new GrpcError(status.INVALID_ARGUMENT, "invalid empty tx: tx_bytes is required");
  if (q.mode === BroadcastMode.BROADCAST_MODE_SYNC) {
    const refused = await mempoolRefusal(() => rpc.call("broadcast_tx_sync", (c) => c.broadcastTxSync({ tx: q.txBytes })), q.txBytes);
    if (!("accepted" in refused)) return refused;
    const res = refused.accepted;
    return {
      txResponse: TxResponse.fromPartial({
        txhash: toHex(res.hash).toUpperCase(),
        codespace: res.codespace ?? "",
        code: res.code,
        data: toHex(res.data ?? new Uint8Array()).toUpperCase(),
        rawLog: res.log ?? "",
      }),
    };
  }
  if (q.mode === BroadcastMode.BROADCAST_MODE_ASYNC) {
    const refused = await mempoolRefusal(() => rpc.call("broadcast_tx_async", (c) => c.broadcastTxAsync({ tx: q.txBytes })), q.txBytes);
    if (!("accepted" in refused)) return refused;
    const res = refused.accepted;
    return { txResponse: TxResponse.fromPartial({ txhash: toHex(res.hash).toUpperCase() }) };
  }
  throw new GrpcError(status.INVALID_ARGUMENT, `unsupported broadcast mode ${BroadcastMode[q.mode] ?? q.mode}: use BROADCAST_MODE_SYNC or BROADCAST_MODE_ASYNC`);
}

/**
 * CometBFT refuses some txs with an RPC error rather than a CheckTx code; the SDK answers those
 * as a TxResponse with its own code (19 already in the mempool cache, 20 mempool full, 21 too large).
 */
const MEMPOOL_REFUSALS: [RegExp, number, string][] = [
  [/tx already exists in cache/i, 19, "tx already in mempool"],
  [/mempool is full/i, 20, "mempool is full"],
  [/tx too large/i, 21, "tx too large"],
];

async function mempoolRefusal<T>(broadcast: () => Promise<T>, txBytes: Uint8Array): Promise<{ accepted: T } | BroadcastTxResponse> {
  try {
    return { accepted: await broadcast() };
  } catch (err) {
    const refusal = MEMPOOL_REFUSALS.find(([pattern]) => pattern.test((err as Error).message));
    if (!refusal) throw err;
    const [, code, rawLog] = refusal;
    return { txResponse: TxResponse.fromPartial({ txhash: toHex(sha256(txBytes)).toUpperCase(), codespace: "sdk", code, rawLog }) };
  }
}

async function getTx(rpc: CometRpc, q: GetTxRequest): Promise<GetTxResponse> {
  if (!/^[0-9a-fA-F]{64}$/.test(q.hash)) throw new GrpcError(status.INVALID_ARGUMENT, `tx hash must be 64 hex characters, got "${q.hash}"`);
  const tx = await rpc.call(`tx ${q.hash}`, (c) => c.tx({ hash: fromHex(q.hash) }));
  const time = (await rpc.call("block", (c) => c.block(tx.height))).block.header.time;
  return { tx: decodeTx(tx.tx), txResponse: includedTxResponse(tx, time) };
}

async function getTxsEvent(rpc: CometRpc, q: GetTxsEventRequest): Promise<GetTxsEventResponse> {
  const query = q.query.trim() || eventsQuery(q.events);
  const limit = q.limit === 0n ? MAX_LIMIT : q.limit;
  if (limit > MAX_LIMIT) throw new GrpcError(status.INVALID_ARGUMENT, `limit must be at most ${MAX_LIMIT}, got ${q.limit}`);
  const page = q.page === 0n ? 1n : q.page;
  const found = await rpc.call(`tx_search ${query}`, (c) =>
    c.txSearch({ query, page: Number(page), per_page: Number(limit), order_by: q.orderBy === OrderBy.ORDER_BY_DESC ? "desc" : "asc" }),
  );
  const times = new Map<number, Awaited<ReturnType<typeof blockTime>>>();
  for (const tx of found.txs) if (!times.has(tx.height)) times.set(tx.height, await blockTime(rpc, tx.height));
  return {
    txs: found.txs.map((tx) => decodeTx(tx.tx)),
    txResponses: found.txs.map((tx) => includedTxResponse(tx, times.get(tx.height)!)),
    total: BigInt(found.totalCount),
  };
}

/**
 * The `events` joined with AND, each `type.attribute=value` with the value quoted as CometBFT's
 * query language wants (numbers and quoted values are left as they are).
 */
function eventsQuery(events: string[]): string {
  if (events.length === 0) throw new GrpcError(status.INVALID_ARGUMENT, "query cannot be empty: give events (type.attribute='value', repeatable) or a CometBFT tx query such as message.sender='agora1...'");
  return events
    .map((event) => {
      const parts = event.split("=");
      if (parts.length !== 2 || !parts[0]) throw new GrpcError(status.INVALID_ARGUMENT, `invalid event ${event}: should be of the format {eventType}.{eventAttribute}={value}`);
      const value = parts[1]!;
      return /^'.*'$/.test(value) || /^\d+$/.test(value) ? event : `${parts[0]}='${value}'`;
    })
    .join(" AND ");
}

async function blockTime(rpc: CometRpc, height: number) {
  return (await rpc.call("block", (c) => c.block(height))).block.header.time;
}

async function getBlockWithTxs(rpc: CometRpc, q: GetBlockWithTxsRequest): Promise<GetBlockWithTxsResponse> {
  if (q.height <= 0n) throw new GrpcError(status.INVALID_ARGUMENT, `height must be greater than 0, got ${q.height}`);
  const res = await rpc.call(`block ${q.height}`, (c) => c.block(Number(q.height)));
  const offset = Number(q.pagination?.offset ?? 0n);
  const limit = Number(q.pagination?.limit || MAX_LIMIT);
  const page = res.block.txs.slice(offset, offset + limit);
  return {
    txs: page.map(decodeTx),
    blockId: blockId(res.blockId),
    block: block(res.block),
    pagination: { nextKey: new Uint8Array(), total: BigInt(res.block.txs.length) },
  };
}
