/**
 * Query-string and header values as grpc-gateway reads them into a request message: one value a
 * field (the last, if repeated), integers in decimal, bytes in base64, booleans as true/false.
 */
import type { PageRequest } from "cosmjs-types/cosmos/base/query/v1beta1/pagination";
import { invalidArgument } from "../status.js";
import type { RestParam, RestRequest } from "./route.js";

/** The one value of a query parameter, or undefined when absent. */
export function queryValue(request: RestRequest, name: string): string | undefined {
  const value = request.query[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

/** Every value of a repeated query parameter (`events=a&events=b`). */
export function queryValues(request: RestRequest, name: string): string[] {
  const value = request.query[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function parseUint64(name: string, text: string): bigint {
  if (!/^\d{1,20}$/.test(text) || BigInt(text) > 0xffffffffffffffffn) {
    throw invalidArgument(`${name}: expected an unsigned 64-bit integer, got "${text}"`);
  }
  return BigInt(text);
}

export function parseBool(name: string, text: string): boolean {
  if (text === "true" || text === "1") return true;
  if (text === "false" || text === "0" || text === "") return false;
  throw invalidArgument(`${name}: expected true or false, got "${text}"`);
}

export function parseBytes(name: string, text: string): Uint8Array {
  // The gateway takes standard or URL-safe base64, padded or not.
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) throw invalidArgument(`${name}: expected base64, got "${text}"`);
  return new Uint8Array(Buffer.from(text, "base64"));
}

export const PAGINATION_PARAMS: RestParam[] = [
  { name: "pagination.key", in: "query", type: "bytes" },
  { name: "pagination.offset", in: "query", type: "integer" },
  { name: "pagination.limit", in: "query", type: "integer" },
  { name: "pagination.count_total", in: "query", type: "boolean" },
  { name: "pagination.reverse", in: "query", type: "boolean" },
];

/** The `pagination.*` query parameters as a PageRequest, or undefined when none is given. */
export function pageRequest(request: RestRequest): PageRequest | undefined {
  const text = (field: string) => queryValue(request, `pagination.${field}`);
  if (PAGINATION_PARAMS.every((p) => queryValue(request, p.name) === undefined)) return undefined;
  const key = text("key");
  const offset = text("offset");
  const limit = text("limit");
  const countTotal = text("count_total");
  const reverse = text("reverse");
  return {
    key: key === undefined ? new Uint8Array() : parseBytes("pagination.key", key),
    offset: offset === undefined ? 0n : parseUint64("pagination.offset", offset),
    limit: limit === undefined ? 0n : parseUint64("pagination.limit", limit),
    countTotal: countTotal === undefined ? false : parseBool("pagination.count_total", countTotal),
    reverse: reverse === undefined ? false : parseBool("pagination.reverse", reverse),
  };
}
