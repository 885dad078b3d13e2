/**
 * gRPC unary methods over raw protobuf bytes: the app already decodes requests and encodes
 * responses (the query router does), so grpc-js only moves bytes and statuses.
 */
import { status, type Metadata, type MethodDefinition, type Server, type ServerUnaryCall, type sendUnaryData, type UntypedServiceImplementation } from "@grpc/grpc-js";
import { GrpcError } from "../status.js";

export interface UnaryAnswer {
  response: Uint8Array;
  /** Response headers (the query height), sent before the response. */
  headers?: Metadata;
}

/** A method's handler: request bytes and metadata in, response bytes out; throws GrpcError for a status. */
export type UnaryHandler = (request: Uint8Array, metadata: Metadata) => Promise<UnaryAnswer>;

/** Methods by full path ("/cosmos.bank.v1beta1.Query/Balance"). */
export type MethodTable = Map<string, UnaryHandler>;

const passBytes = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** "/pkg.Service/Method" split into its service and method names. */
export function splitMethodPath(path: string): { service: string; method: string } {
  const m = /^\/([^/]+)\/([^/]+)$/.exec(path);
  if (!m) throw new Error(`not a gRPC method path: ${path} (expected /package.Service/Method)`);
  return { service: m[1]!, method: m[2]! };
}

/** Decides whether a client (its address, without the port) may make a call now. */
export type CallLimit = (client: string) => Promise<{ allowed: boolean; retryAfterSeconds: number }>;

/** The client's address from grpc-js's peer ("ipv4:127.0.0.1:5123", "ipv6:[::1]:5123"). */
function clientOf(peer: string): string {
  return peer.replace(/^ipv[46]:/, "").replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
}

/**
 * Registers every method of the table with the server, one grpc-js service per service name;
 * returns the service names. With `limit`, a client over it gets RESOURCE_EXHAUSTED.
 */
export function addMethodTable(server: Server, table: MethodTable, limit?: CallLimit): string[] {
  const services = new Map<string, { definition: Record<string, MethodDefinition<Buffer, Buffer>>; implementation: UntypedServiceImplementation }>();
  for (const [path, handler] of table) {
    const { service, method } = splitMethodPath(path);
    let entry = services.get(service);
    if (!entry) {
      entry = { definition: {}, implementation: {} };
      services.set(service, entry);
    }
    entry.definition[method] = {
      path,
      requestStream: false,
      responseStream: false,
      requestSerialize: passBytes,
      requestDeserialize: passBytes,
      responseSerialize: passBytes,
      responseDeserialize: passBytes,
      originalName: method,
    };
    entry.implementation[method] = (call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>) => {
      const client = clientOf(call.getPeer());
      const allowed = limit ? limit(client) : Promise.resolve({ allowed: true, retryAfterSeconds: 0 });
      allowed
        .then((decision) => {
          if (!decision.allowed) throw new GrpcError(status.RESOURCE_EXHAUSTED, `rate limit exceeded for ${client}: retry in ${decision.retryAfterSeconds} s`);
          return handler(call.request, call.metadata);
        })
        .then(
        ({ response, headers }) => {
          if (headers) call.sendMetadata(headers);
          callback(null, passBytes(response));
        },
        (err: unknown) => callback(errorStatus(err)),
      );
    };
  }
  for (const { definition, implementation } of services.values()) server.addService(definition, implementation);
  return [...services.keys()];
}

function errorStatus(err: unknown): { code: status; details: string } {
  if (err instanceof GrpcError) return { code: err.code, details: err.message };
  return { code: status.INTERNAL, details: `internal error: ${err instanceof Error ? err.message : String(err)}` };
}
