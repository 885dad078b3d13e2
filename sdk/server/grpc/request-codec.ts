/** Decoding a gRPC request with its cosmjs-types codec; bytes that are not the message are the client's error. */
import { status } from "@grpc/grpc-js";
import type { BinaryWriter } from "cosmjs-types/binary";
import { GrpcError } from "../status.js";

export interface Codec<T> {
  decode(bytes: Uint8Array): T;
  encode(message: T): BinaryWriter;
}

export function decodeRequest<T>(codec: Codec<T>, bytes: Uint8Array): T {
  try {
    return codec.decode(bytes);
  } catch (err) {
    throw new GrpcError(status.INVALID_ARGUMENT, `cannot decode the request: ${(err as Error).message}`);
  }
}
