/**
 * Every Query service method the app's QueryRouter knows, and tx Simulate, served over gRPC by
 * the same `BaseApp.query` that answers ABCI queries: one query path, one behaviour.
 */
import { status } from "@grpc/grpc-js";
import type { BaseApp } from "../../baseapp/baseapp.js";
import { queryThrough, type QueryFn } from "../cache/query-cache.js";
import { SIMULATE_PATH } from "../../baseapp/simulate.js";
import { heightMetadata, requestedHeight } from "./block-height-header.js";
import { GrpcError, queryError } from "../status.js";
import type { MethodTable, UnaryHandler } from "./unary-methods.js";

export function queryMethods(base: BaseApp, query: QueryFn = queryThrough(base)): MethodTable {
  const table: MethodTable = new Map();
  for (const path of base.queryRouter.paths()) table.set(path, queryHandler(query, path));
  // Simulate runs a tx: never cached.
  table.set(SIMULATE_PATH, queryHandler(queryThrough(base), SIMULATE_PATH));
  return table;
}

function queryHandler(query: QueryFn, path: string): UnaryHandler {
  return async (data, metadata) => {
    let height: bigint;
    try {
      height = requestedHeight(metadata);
    } catch (err) {
      throw new GrpcError(status.INVALID_ARGUMENT, (err as Error).message);
    }
    const res = await query({ path, data, height });
    if (res.code !== 0) throw queryError(res.codespace, res.code, res.log);
    return { response: res.value, headers: heightMetadata(res.height) };
  };
}
