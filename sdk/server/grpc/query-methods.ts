/**
 * Every Query service method the app's QueryRouter knows, and tx Simulate, served over gRPC by
 * the same `BaseApp.query` that answers ABCI queries: one query path, one behaviour.
 */
import { status } from "@grpc/grpc-js";
import type { BaseApp } from "../../baseapp/baseapp.js";
import { SIMULATE_PATH } from "../../baseapp/simulate.js";
import { heightMetadata, requestedHeight } from "./block-height-header.js";
import { GrpcError, queryError } from "./status.js";
import type { MethodTable, UnaryHandler } from "./unary-methods.js";

export function queryMethods(base: BaseApp): MethodTable {
  const table: MethodTable = new Map();
  for (const path of [...base.queryRouter.paths(), SIMULATE_PATH]) table.set(path, queryHandler(base, path));
  return table;
}

function queryHandler(base: BaseApp, path: string): UnaryHandler {
  return async (data, metadata) => {
    let height: bigint;
    try {
      height = requestedHeight(metadata);
    } catch (err) {
      throw new GrpcError(status.INVALID_ARGUMENT, (err as Error).message);
    }
    const res = base.query({ path, data, height, prove: false });
    if (res.code !== 0) throw queryError(res.codespace, res.code, res.log);
    return { response: res.value, headers: heightMetadata(res.height) };
  };
}
