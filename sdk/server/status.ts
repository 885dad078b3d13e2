/**
 * The gRPC status of a failed request, one mapping for gRPC and REST alike: REST is the gateway
 * over the same methods, as the Cosmos SDK's grpc-gateway is, so both answer the same code.
 */
import { status } from "@grpc/grpc-js";

/** An error a gRPC method (or its REST path) answers with: its status code and a message for the client. */
export class GrpcError extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
    this.name = "GrpcError";
  }
}

export function invalidArgument(message: string): GrpcError {
  return new GrpcError(status.INVALID_ARGUMENT, message);
}

/**
 * The `sdk` codespace codes with a gRPC code of their own: those the SDK registers with one, and
 * those its query servers answer as the request's fault (a bad address, coin, page or height).
 * Every other registered error is codes.Unknown, as the SDK's `Register` makes it.
 */
const SDK_GRPC_CODES = new Map<number, status>([
  [2, status.INVALID_ARGUMENT], // tx parse error
  [4, status.UNAUTHENTICATED], // unauthorized
  [5, status.FAILED_PRECONDITION], // insufficient funds
  [6, status.UNIMPLEMENTED], // unknown request: no such query
  [7, status.INVALID_ARGUMENT], // invalid address
  [8, status.INVALID_ARGUMENT], // invalid pubkey
  [10, status.INVALID_ARGUMENT], // invalid coins: a bad denom
  [11, status.INVALID_ARGUMENT], // out of gas
  [13, status.INVALID_ARGUMENT], // insufficient fee
  [18, status.INVALID_ARGUMENT], // invalid request, also a pruned or future height
  [22, status.NOT_FOUND], // key not found
  [29, status.INVALID_ARGUMENT], // invalid type
  [32, status.INVALID_ARGUMENT], // wrong sequence
  [38, status.NOT_FOUND], // not found
]);

/** A query's ABCI error as a gRPC status, its message "codespace <cs> code <n>: <log>" as the SDK prints it. */
export function queryError(codespace: string, code: number, log: string): GrpcError {
  return new GrpcError(grpcCode(codespace, code, log), `codespace ${codespace} code ${code}: ${log}`);
}

function grpcCode(codespace: string, code: number, log: string): status {
  // Code 1 in no codespace is a thrown error the app did not expect: a server fault.
  if (codespace === "undefined" && code === 1) return status.INTERNAL;
  if (codespace === "sdk") return SDK_GRPC_CODES.get(code) ?? status.UNKNOWN;
  // Modules' own "... not found" errors are what a client reads as NOT_FOUND.
  return /\bnot found\b/i.test(log) ? status.NOT_FOUND : status.UNKNOWN;
}
