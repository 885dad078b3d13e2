/**
 * Errors as grpc-gateway answers them: `{"code": <gRPC code>, "message": ..., "details": []}`
 * with the HTTP status the gateway maps that gRPC code to.
 */

export const GrpcCode = {
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

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
  return new GatewayError(GrpcCode.INVALID_ARGUMENT, message);
}

// The `sdk` codespace codes a query can fail with, as the gRPC status the SDK's query servers give.
const SDK_CODE_TO_GRPC: Record<number, number> = {
  2: GrpcCode.INVALID_ARGUMENT, // tx parse error
  4: GrpcCode.UNAUTHENTICATED,
  5: GrpcCode.FAILED_PRECONDITION, // insufficient funds
  6: GrpcCode.UNIMPLEMENTED, // unknown request (no such query)
  7: GrpcCode.INVALID_ARGUMENT, // invalid address
  8: GrpcCode.INVALID_ARGUMENT,
  10: GrpcCode.INVALID_ARGUMENT, // invalid coins (a bad denom)
  11: GrpcCode.INVALID_ARGUMENT, // out of gas
  13: GrpcCode.INVALID_ARGUMENT,
  18: GrpcCode.INVALID_ARGUMENT, // invalid request, also a pruned or future height
  22: GrpcCode.NOT_FOUND, // key not found (no such account)
  29: GrpcCode.INVALID_ARGUMENT,
  32: GrpcCode.INVALID_ARGUMENT,
  38: GrpcCode.NOT_FOUND,
};

/** A failed ABCI query (codespace, code, log) as the gateway error a client of the SDK sees. */
export function fromAbciError(codespace: string, code: number, log: string): GatewayError {
  if (codespace === "sdk") return new GatewayError(SDK_CODE_TO_GRPC[code] ?? GrpcCode.UNKNOWN, log);
  // A module's own errors (bank, auth, ...) are the request's fault: it asked for something the state refuses.
  if (codespace !== "undefined") return new GatewayError(GrpcCode.INVALID_ARGUMENT, log);
  return new GatewayError(GrpcCode.INTERNAL, log);
}
