/**
 * Errors as grpc-gateway answers them: `{"code": <gRPC code>, "message": ..., "details": []}`
 * with the HTTP status the gateway maps that gRPC code to.
 */
import type { GrpcError } from "../status.js";

// grpc-gateway's runtime.HTTPStatusFromCode.
const HTTP_STATUS: Record<number, number> = { 2: 500, 3: 400, 4: 504, 5: 404, 6: 409, 7: 403, 8: 429, 9: 400, 10: 409, 11: 400, 12: 501, 13: 500, 14: 503, 15: 500, 16: 401 };

export function httpStatus(error: GrpcError): number {
  return HTTP_STATUS[error.code] ?? 500;
}

export function gatewayBody(error: GrpcError): { code: number; message: string; details: [] } {
  return { code: error.code, message: error.message, details: [] };
}
