/** One REST route: its gateway path, what it takes and answers (for OpenAPI), and its handler. */
import type { Json } from "./proto-json.js";

export interface RestParam {
  name: string;
  in: "path" | "query";
  type: "string" | "integer" | "boolean" | "bytes";
  required?: boolean;
  repeated?: boolean;
}

export interface RestRequest {
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface RestAnswer {
  body: Json;
  /** The block height the answer was read at, when it was read from the state. */
  height?: bigint;
}

export interface RestRoute {
  method: "GET" | "POST";
  /** The grpc-gateway path, `{name}` for a path parameter (`{name=**}` takes slashes too). */
  path: string;
  /** The gRPC method it stands for, e.g. cosmos.bank.v1beta1.Query.AllBalances. */
  operation: string;
  params: RestParam[];
  /** The proto message of a POST body, and of the answer, by full name. */
  requestBody?: string;
  response: string;
  handle(request: RestRequest): Promise<RestAnswer>;
}

/** The route's path as fastify matches it: `:name` parameters, a trailing `*` for `{name=**}`. */
export function fastifyPath(path: string): string {
  return path.replace(/\{([a-z_]+)=\*\*\}/g, "*").replace(/\{([a-z_]+)\}/g, ":$1");
}

/** The path parameter's value; a `{name=**}` one arrives as fastify's `*`. */
export function pathParam(request: RestRequest, name: string): string {
  return request.params[name] ?? request.params["*"] ?? "";
}
