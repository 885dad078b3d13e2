/**
 * The tx and tendermint services' gateway paths (cosmos/tx/v1beta1/service.proto and
 * cosmos/base/tendermint/v1beta1/query.proto): broadcast, simulate, tx lookups and search, blocks,
 * node info and validator sets, each answered by the node's gRPC method.
 */
import * as tendermint from "cosmjs-types/cosmos/base/tendermint/v1beta1/query";
import * as tx from "cosmjs-types/cosmos/tx/v1beta1/service";
import { invalidArgument } from "../status.js";
import type { GatewayRoute } from "./gateway.js";
import { parseBytes, parseUint64, queryValue, queryValues } from "./params.js";
import type { RestParam, RestRequest } from "./route.js";

const TX = "/cosmos.tx.v1beta1.Service/";
const TENDERMINT = "/cosmos.base.tendermint.v1beta1.Service/";
const HEIGHT_PARAM: RestParam = { name: "height", in: "path", type: "integer", required: true };

export const NODE_ROUTES: GatewayRoute[] = [
  {
    httpMethod: "POST",
    path: "/cosmos/tx/v1beta1/txs",
    grpc: TX + "BroadcastTx",
    request: tx.BroadcastTxRequest,
    response: tx.BroadcastTxResponse,
    body: true,
    params: [],
    toRequest: (request) => ({ txBytes: bodyTxBytes(request), mode: broadcastMode(bodyField(request, "mode")) }),
  },
  {
    httpMethod: "POST",
    path: "/cosmos/tx/v1beta1/simulate",
    grpc: TX + "Simulate",
    request: tx.SimulateRequest,
    response: tx.SimulateResponse,
    body: true,
    params: [],
    toRequest: (request) => ({ txBytes: bodyTxBytes(request) }),
  },
  { path: "/cosmos/tx/v1beta1/txs/{hash}", grpc: TX + "GetTx", request: tx.GetTxRequest, response: tx.GetTxResponse, pathFields: ["hash"] },
  {
    path: "/cosmos/tx/v1beta1/txs",
    grpc: TX + "GetTxsEvent",
    request: tx.GetTxsEventRequest,
    response: tx.GetTxsEventResponse,
    params: [
      { name: "events", in: "query", type: "string", repeated: true },
      { name: "query", in: "query", type: "string" },
      { name: "page", in: "query", type: "integer" },
      { name: "limit", in: "query", type: "integer" },
      { name: "order_by", in: "query", type: "string" },
    ],
    toRequest: (request) => {
      const limit = queryValue(request, "limit") ?? queryValue(request, "pagination.limit");
      const page = queryValue(request, "page");
      return {
        events: queryValues(request, "events"),
        query: queryValue(request, "query") ?? "",
        page: page === undefined ? 0n : parseUint64("page", page),
        limit: limit === undefined ? 0n : parseUint64("limit", limit),
        orderBy: orderBy(queryValue(request, "order_by") ?? ""),
      };
    },
  },
  { path: "/cosmos/base/tendermint/v1beta1/blocks/latest", grpc: TENDERMINT + "GetLatestBlock", request: tendermint.GetLatestBlockRequest, response: tendermint.GetLatestBlockResponse },
  {
    path: "/cosmos/base/tendermint/v1beta1/blocks/{height}",
    grpc: TENDERMINT + "GetBlockByHeight",
    request: tendermint.GetBlockByHeightRequest,
    response: tendermint.GetBlockByHeightResponse,
    params: [HEIGHT_PARAM],
    toRequest: (request) => ({ height: parseUint64("height", request.params["height"] ?? "") }),
  },
  { path: "/cosmos/base/tendermint/v1beta1/node_info", grpc: TENDERMINT + "GetNodeInfo", request: tendermint.GetNodeInfoRequest, response: tendermint.GetNodeInfoResponse },
  { path: "/cosmos/base/tendermint/v1beta1/syncing", grpc: TENDERMINT + "GetSyncing", request: tendermint.GetSyncingRequest, response: tendermint.GetSyncingResponse },
  {
    path: "/cosmos/base/tendermint/v1beta1/validatorsets/latest",
    grpc: TENDERMINT + "GetLatestValidatorSet",
    request: tendermint.GetLatestValidatorSetRequest,
    response: tendermint.GetLatestValidatorSetResponse,
  },
  {
    path: "/cosmos/base/tendermint/v1beta1/validatorsets/{height}",
    grpc: TENDERMINT + "GetValidatorSetByHeight",
    request: tendermint.GetValidatorSetByHeightRequest,
    response: tendermint.GetValidatorSetByHeightResponse,
    params: [HEIGHT_PARAM],
    toRequest: (request) => ({ height: parseUint64("height", request.params["height"] ?? "") }),
  },
];

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

/** jsonpb takes an enum by name or number. */
function broadcastMode(mode: unknown): tx.BroadcastMode {
  if (typeof mode === "number" && Number.isInteger(mode)) return mode;
  if (typeof mode === "string" && mode in tx.BroadcastMode) return tx.BroadcastMode[mode as keyof typeof tx.BroadcastMode] as tx.BroadcastMode;
  throw invalidArgument(`unsupported broadcast mode ${JSON.stringify(mode)}: use BROADCAST_MODE_SYNC or BROADCAST_MODE_ASYNC (block mode was removed; poll /cosmos/tx/v1beta1/txs/{hash})`);
}

function orderBy(text: string): tx.OrderBy {
  if (text === "" || text === "ORDER_BY_UNSPECIFIED" || text === "0") return tx.OrderBy.ORDER_BY_UNSPECIFIED;
  if (text === "ORDER_BY_ASC" || text === "1") return tx.OrderBy.ORDER_BY_ASC;
  if (text === "ORDER_BY_DESC" || text === "2") return tx.OrderBy.ORDER_BY_DESC;
  throw invalidArgument(`order_by must be ORDER_BY_ASC or ORDER_BY_DESC, got "${text}"`);
}
