/**
 * The gRPC status of a failed query, as the Cosmos SDK gives it: registered errors keep their
 * codespace and code in the message, and the few the SDK maps to a gRPC code get that code.
 */
import { status } from "@grpc/grpc-js";

/** An error a gRPC method answers with: its status code and a message for the client. */
export class GrpcError extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
    this.name = "GrpcError";
  }
}

/**
 * The `sdk` codespace codes with a gRPC code of their own (baseapp's gRPCErrorToSDKError in
 * reverse); the SDK's `Register` gives every other registered error codes.Unknown.
 */
const SDK_GRPC_CODES = new Map<number, status>([
  [6, status.UNIMPLEMENTED], // unknown request
  [7, status.INVALID_ARGUMENT], // invalid address
  [18, status.INVALID_ARGUMENT], // invalid request
  [22, status.NOT_FOUND], // key not found
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
