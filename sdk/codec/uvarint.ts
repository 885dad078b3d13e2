/** Unsigned protobuf varints, as ABCI framing and ICS-23 length prefixes use them. */

const UINT64_MAX = (1n << 64n) - 1n;

/** Encodes a non-negative integer (up to 2^64-1) as a uvarint. */
export function encodeUvarint(value: number | bigint): Buffer {
  let v = BigInt(value);
  if (v < 0n || v > UINT64_MAX) throw new RangeError(`uvarint out of range: ${value}`);
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return Buffer.from(out);
}
