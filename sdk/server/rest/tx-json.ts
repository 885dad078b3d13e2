/**
 * A transaction as the tx service's gateway answers it: the decoded Tx, and the TxResponse
 * (height, txhash, code, raw_log, gas, the Tx as an Any, block time, events) built from what
 * CometBFT's RPC reports of it.
 */
import { Tx } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { toGatewayJson, type AnyResolver, type Json } from "./proto-json.js";

/** A tx as CometBFT's `tx` and `tx_search` report it. */
export interface RpcTx {
  hash: string;
  height: string;
  tx: string;
  tx_result: RpcTxResult;
}

export interface RpcTxResult {
  code?: number;
  data?: string | null;
  log?: string;
  info?: string;
  gas_wanted?: string;
  gas_used?: string;
  events?: { type: string; attributes?: { key: string; value: string; index?: boolean }[] }[];
  codespace?: string;
}

/** The decoded Tx's JSON, or null when the bytes are not a Tx (the chain still indexed them). */
export function txJson(txBase64: string, resolve: AnyResolver): Json {
  try {
    return toGatewayJson(Tx.decode(Buffer.from(txBase64, "base64")), resolve);
  } catch {
    return null;
  }
}

export function txResponseJson(rpc: RpcTx, timestamp: string, resolve: AnyResolver): Json {
  const tx = txJson(rpc.tx, resolve);
  return {
    height: rpc.height,
    txhash: rpc.hash,
    ...resultFields(rpc.tx_result),
    tx: tx === null ? null : { "@type": Tx.typeUrl, ...(tx as Record<string, Json>) },
    timestamp,
  };
}

/** A CheckTx answer of broadcast_tx_sync/async: no height, gas or time yet. */
export function broadcastResponseJson(hash: string, result: RpcTxResult): Json {
  return { height: "0", txhash: hash, ...resultFields(result), tx: null, timestamp: "" };
}

function resultFields(result: RpcTxResult): Record<string, Json> {
  return {
    codespace: result.codespace ?? "",
    code: result.code ?? 0,
    // TxResponse.data is the hex of the result data, as the SDK writes it.
    data: result.data ? Buffer.from(result.data, "base64").toString("hex").toUpperCase() : "",
    raw_log: result.log ?? "",
    logs: [],
    info: result.info ?? "",
    gas_wanted: result.gas_wanted ?? "0",
    gas_used: result.gas_used ?? "0",
    events: (result.events ?? []).map((e) => ({
      type: e.type,
      attributes: (e.attributes ?? []).map((a) => ({ key: a.key, value: a.value, index: a.index ?? false })),
    })),
  };
}
