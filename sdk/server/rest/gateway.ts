/**
 * REST as grpc-gateway serves it: each route builds its gRPC request from the path, query string
 * and body, calls the very method the gRPC server serves (same handler, same errors, same cache),
 * and writes the answer as the gateway's JSON. Nothing is answered on REST that gRPC would not.
 */
import { Metadata } from "@grpc/grpc-js";
import { BLOCK_HEIGHT_HEADER } from "../grpc/block-height-header.js";
import type { MethodTable } from "../grpc/unary-methods.js";
import { GrpcError } from "../status.js";
import { status } from "@grpc/grpc-js";
import { pageRequest, PAGINATION_PARAMS, parseUint64, queryValue } from "./params.js";
import { camelCase, toGatewayJson, type AnyResolver } from "./proto-json.js";
import { pathParam, type RestParam, type RestRequest, type RestRoute } from "./route.js";

/** A cosmjs-types message type, as a gateway route builds and reads it. */
export interface GatewayCodec {
  readonly typeUrl: string;
  fromPartial(object: never): unknown;
  encode(message: never): { finish(): Uint8Array };
  decode(bytes: Uint8Array): unknown;
}

export interface GatewayRoute {
  httpMethod?: "GET" | "POST";
  /** The gateway path, as annotated in the service's .proto: `{name}`, `{name=**}` for slashes. */
  path: string;
  /** Full gRPC method: "/cosmos.bank.v1beta1.Query/AllBalances". */
  grpc: string;
  request: GatewayCodec;
  response: GatewayCodec;
  /** Request fields (.proto names) read from the path, then from the query string: strings... */
  pathFields?: string[];
  queryFields?: string[];
  /** ...except these, unsigned 64-bit integers. */
  uint64Fields?: string[];
  paginated?: boolean;
  /** Builds the request itself, for routes whose fields are not plain strings (a body, numbers). */
  toRequest?: (request: RestRequest) => Record<string, unknown>;
  /** What OpenAPI lists for `toRequest` routes. */
  params?: RestParam[];
  /** The request is the POST body (OpenAPI names the request type). */
  body?: boolean;
}

/** The routes whose gRPC method `methods` serves, each answered by it. */
export function gatewayRoutes(methods: MethodTable, resolve: AnyResolver, routes: GatewayRoute[]): RestRoute[] {
  return routes.filter((route) => methods.has(route.grpc)).map((route) => restRoute(methods, resolve, route));
}

function restRoute(methods: MethodTable, resolve: AnyResolver, route: GatewayRoute): RestRoute {
  const handler = methods.get(route.grpc)!;
  const [service, method] = route.grpc.slice(1).split("/") as [string, string];
  const params: RestParam[] = route.params ?? [
    ...(route.pathFields ?? []).map((name): RestParam => ({ name, in: "path", type: route.uint64Fields?.includes(name) ? "integer" : "string", required: true })),
    ...(route.queryFields ?? []).map((name): RestParam => ({ name, in: "query", type: route.uint64Fields?.includes(name) ? "integer" : "string" })),
    ...(route.paginated ? PAGINATION_PARAMS : []),
  ];
  return {
    method: route.httpMethod ?? "GET",
    path: route.path,
    operation: `${service}.${method}`,
    params,
    ...(route.body ? { requestBody: route.request.typeUrl.slice(1) } : {}),
    response: route.response.typeUrl.slice(1),
    async handle(request) {
      const fields = route.toRequest ? route.toRequest(request) : plainFields(route, request);
      const data = route.request.encode(route.request.fromPartial(fields as never) as never).finish();
      const answer = await handler(data, heightMetadata(request));
      const height = answer.headers?.get(BLOCK_HEIGHT_HEADER)[0];
      return { body: toGatewayJson(route.response.decode(answer.response), resolve), ...(height !== undefined ? { height: BigInt(String(height)) } : {}) };
    },
  };
}

function plainFields(route: GatewayRoute, request: RestRequest): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const set = (name: string, text: string) => {
    fields[camelCase(name)] = route.uint64Fields?.includes(name) ? parseUint64(name, text) : text;
  };
  for (const name of route.pathFields ?? []) set(name, pathParam(request, name));
  for (const name of route.queryFields ?? []) {
    const text = queryValue(request, name);
    if (text !== undefined) set(name, text);
  }
  if (route.paginated) fields["pagination"] = pageRequest(request);
  return fields;
}

/** The client's x-cosmos-block-height header, passed on as the gRPC metadata the method reads. */
function heightMetadata(request: RestRequest): Metadata {
  const metadata = new Metadata();
  const header = request.headers[BLOCK_HEIGHT_HEADER];
  const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
  if (values.length > 1) throw new GrpcError(status.INVALID_ARGUMENT, `${BLOCK_HEIGHT_HEADER}: give one height, got ${values.length}`);
  if (values[0] !== undefined && values[0] !== "") metadata.set(BLOCK_HEIGHT_HEADER, values[0]);
  return metadata;
}
