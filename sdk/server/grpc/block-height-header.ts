/**
 * The `x-cosmos-block-height` gRPC metadata: the height a query reads at (absent: the latest),
 * echoed back in the response headers as the Cosmos SDK does.
 */
import { Metadata } from "@grpc/grpc-js";

export const BLOCK_HEIGHT_HEADER = "x-cosmos-block-height";

/** A request's height header as a bigint (0n: latest); throws a message for the client when it is not a height. */
export function requestedHeight(metadata: Metadata): bigint {
  const values = metadata.get(BLOCK_HEIGHT_HEADER);
  if (values.length === 0) return 0n;
  const text = String(values[0]).trim();
  if (values.length > 1 || !/^\d{1,19}$/.test(text)) {
    throw new Error(`${BLOCK_HEIGHT_HEADER} must be one non-negative integer height, got "${values.map(String).join(",")}"`);
  }
  return BigInt(text);
}

/** Response headers that name the height a query was answered at. */
export function heightMetadata(height: bigint): Metadata {
  const metadata = new Metadata();
  metadata.set(BLOCK_HEIGHT_HEADER, height.toString());
  return metadata;
}
