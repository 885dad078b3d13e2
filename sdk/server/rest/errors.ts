/**
 * Errors as grpc-gateway answers them: `{"code": <gRPC code>, "message": ..., "details": []}`
 * with the HTTP status the gateway maps that gRPC code to.
 */
import { status } from "@grpc/grpc-js";

// gRPC's status codes, as grpc-js numbers them (the gateway answers with the same codes).
export { status as GrpcCode };

// grpc-gateway's runtime.HTTPStatusFromCode.
const HTTP_STATUS: Record<number, number> = { 2: 500, 3: 400, 5: 404, 7: 403, 8: 429, 9: 400, 12: 501, 13: 500, 14: 503, 16: 401 };

/** A failed request, carried to the one error handler that writes it. */
export class GatewayError extends Error {
  constructor(
    readonly grpcCode: number,
    message: string,
  ) {
    super(message);
    this.name = "GatewayError";
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.grpcCode] ?? 500;
  }

  body(): { code: number; message: string; details: [] } {
    return { code: this.grpcCode, message: this.message, details: [] };
  }
}

export function invalidArgument(message: string): GatewayError {
  return new GatewayError(status.INVALID_ARGUMENT, message);
}

// The `sdk` codespace codes a query can fail with, as the gRPC status the SDK's query servers give.
const SDK_CODE_TO_GRPC: Record<number, number> = {
  2: status.INVALID_ARGUMENT, // tx parse error
  4: status.UNAUTHENTICATED,
  5: status.FAILED_PRECONDITION, // insufficient funds
  6: status.UNIMPLEMENTED, // unknown request (no such query)
  7: status.INVALID_ARGUMENT, // invalid address
  8: status.INVALID_ARGUMENT,
  10: status.INVALID_ARGUMENT, // invalid coins (a bad denom)
  11: status.INVALID_ARGUMENT, // out of gas
  13: status.INVALID_ARGUMENT,
  18: status.INVALID_ARGUMENT, // invalid request, also a pruned or future height
  22: status.NOT_FOUND, // key not found (no such account)
  29: status.INVALID_ARGUMENT,
  32: status.INVALID_ARGUMENT,
  38: status.NOT_FOUND,
};

/** A failed ABCI query (codespace, code, log) as the gateway error a client of the SDK sees. */
export function fromAbciError(codespace: string, code: number, log: string): GatewayError {
  if (codespace === "sdk") return new GatewayError(SDK_CODE_TO_GRPC[code] ?? status.UNKNOWN, log);
  // A module's own errors (bank, auth, ...) are the request's fault: it asked for something the state refuses.
  if (codespace !== "undefined") return new GatewayError(status.INVALID_ARGUMENT, log);
  return new GatewayError(status.INTERNAL, log);
}
