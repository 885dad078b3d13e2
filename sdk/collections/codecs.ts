/**
 * Key and value codecs for typed collections. Key encodings preserve order: byte-wise order of
 * the encoding is the natural order of the key, so iteration is in key order.
 */
import { encodeProto } from "../codec/encode.js";
import type { MessageType } from "../codec/registry.js";

export interface KeyCodec<K> {
  /** Encoding when the key is the last part of a key. */
  encode(key: K): Uint8Array;
  decode(bytes: Uint8Array): K;
  /** Encoding when another key part follows: must be self-delimiting. */
  encodeNonTerminal(key: K): Uint8Array;
  /** Decodes a non-terminal part, returning the key and the bytes it took. */
  decodeNonTerminal(bytes: Uint8Array): [K, number];
}

export interface ValueCodec<V> {
  encode(value: V): Uint8Array;
  decode(bytes: Uint8Array): V;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Raw bytes; non-terminal parts carry a one-byte length (addresses are 20 or 32 bytes). */
export const bytesKey: KeyCodec<Uint8Array> = {
  encode: (k) => k,
  decode: (b) => Uint8Array.from(b),
  encodeNonTerminal(k) {
    if (k.length > 255) throw new Error(`a non-terminal bytes key is at most 255 bytes, got ${k.length}`);
    const out = new Uint8Array(k.length + 1);
    out[0] = k.length;
    out.set(k, 1);
    return out;
  },
  decodeNonTerminal: (b) => [Uint8Array.from(b.subarray(1, 1 + b[0]!)), 1 + b[0]!],
};

/** UTF-8 strings; non-terminal parts end with a zero byte, which strings may not contain. */
export const stringKey: KeyCodec<string> = {
  encode: (k) => encodeUtf8(k, 0),
  decode: (b) => decodeUtf8(b),
  encodeNonTerminal(k) {
    if (k.includes("\0")) throw new Error("a string key must not contain a zero byte");
    return encodeUtf8(k, 1);
  },
  decodeNonTerminal(b) {
    const end = b.indexOf(0);
    return [decodeUtf8(b.subarray(0, end)), end + 1];
  },
};

/**
 * UTF-8 of a short string followed by `pad` zero bytes. Keys and amounts are mostly ASCII
 * (denoms, decimal digits), whose UTF-8 bytes are their char codes: copied directly, which is
 * far cheaper than TextEncoder for a dozen bytes.
 */
function encodeUtf8(text: string, pad: number): Uint8Array {
  let out = new Uint8Array(text.length + pad);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) {
      const bytes = utf8.encode(text);
      out = new Uint8Array(bytes.length + pad);
      out.set(bytes);
      return out;
    }
    out[i] = c;
  }
  return out;
}

/** Strict UTF-8 decoding, with the same shortcut for short ASCII. */
function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.length > 100) return fromUtf8.decode(bytes);
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return fromUtf8.decode(bytes);
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

/** Unsigned 64-bit integers, big-endian so byte order is numeric order. */
export const uint64Key: KeyCodec<bigint> = {
  encode(k) {
    const out = Buffer.alloc(8);
    out.writeBigUInt64BE(k);
    return out;
  },
  decode: (b) => Buffer.from(b.buffer, b.byteOffset, 8).readBigUInt64BE(0),
  encodeNonTerminal: (k) => uint64Key.encode(k),
  decodeNonTerminal: (b) => [uint64Key.decode(b), 8],
};

/** A two-part key (K1, K2): iteration by K1 prefix lists all K2 of one K1. */
export function pairKey<K1, K2>(first: KeyCodec<K1>, second: KeyCodec<K2>): KeyCodec<[K1, K2]> {
  return {
    encode: ([a, b]) => concat(first.encodeNonTerminal(a), second.encode(b)),
    decode(bytes) {
      const [a, n] = first.decodeNonTerminal(bytes);
      return [a, second.decode(bytes.subarray(n))];
    },
    encodeNonTerminal: ([a, b]) => concat(first.encodeNonTerminal(a), second.encodeNonTerminal(b)),
    decodeNonTerminal(bytes) {
      const [a, n] = first.decodeNonTerminal(bytes);
      const [b, m] = second.decodeNonTerminal(bytes.subarray(n));
      return [[a, b], n + m];
    },
  };
}

/** A protobuf message stored by its binary encoding. */
export function protoValue<T>(type: Pick<MessageType<T>, "encode" | "decode">): ValueCodec<T> {
  return { encode: (v) => encodeProto(type, v), decode: (b) => type.decode(b) };
}

/** An amount stored as its decimal string, as the SDK stores math.Int. */
export const bigintValue: ValueCodec<bigint> = {
  encode: (v) => encodeUtf8(v.toString(), 0),
  decode: (b) => BigInt(decodeUtf8(b)),
};

/** UTF-8 text (a handle, a constitution, a role's admin role). */
export const stringValue: ValueCodec<string> = {
  encode: (v) => encodeUtf8(v, 0),
  decode: (b) => decodeUtf8(b),
};

/** An empty value: a map used as a set or an index, whose keys say everything. */
export const presenceValue: ValueCodec<true> = {
  encode: () => new Uint8Array(),
  decode: () => true,
};

export const uint64Value: ValueCodec<bigint> = {
  encode: (v) => uint64Key.encode(v),
  decode: (b) => uint64Key.decode(b),
};

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
