/** Protobuf encoding into exactly-sized arrays (see encodeProto). */

/** The part of cosmjs-types' BinaryWriter that `encodeProto` reads: its queued write ops. */
interface QueuedWriter {
  len: number;
  head: { next?: WriterOp };
}
interface WriterOp {
  len: number;
  next?: WriterOp;
  proceed(buf: Uint8Array, pos: number): void;
}

/**
 * `type.encode(message).finish()` into an array of exactly the right size. cosmjs-types'
 * `finish()` rebuilds its allocation pool on every call, so each result is a view into a fresh
 * 8 KiB slab: an 8 KiB allocation per encode, and a stored value keeps its whole slab alive.
 */
export function encodeProto<T>(type: { encode(message: T): object }, message: T): Uint8Array {
  const writer = type.encode(message) as QueuedWriter | { finish(): Uint8Array };
  // Agora's own types (ts-proto over @bufbuild/protobuf) finish into an exact array already.
  if (!("head" in writer)) return writer.finish();
  const out = new Uint8Array(writer.len);
  let pos = 0;
  for (let op = writer.head.next; op; op = op.next) {
    op.proceed(out, pos);
    pos += op.len;
  }
  return out;
}
