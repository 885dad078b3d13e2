/**
 * Length-prefixed framing for the ABCI socket protocol: every message is
 * preceded by its byte length as an unsigned protobuf varint (uvarint).
 * TCP delivers arbitrary chunks, so the decoder reassembles frames that are
 * split across reads and splits reads that carry many frames.
 */
import { encodeUvarint } from "../codec/uvarint.js";

export { encodeUvarint };

/** Default cap on a single frame; CometBFT itself allows up to 100 MB. */
export const DEFAULT_MAX_FRAME_BYTES = 128 * 1024 * 1024;

/** A uint64 needs at most 10 varint bytes (7 payload bits each). */
const MAX_UVARINT_BYTES = 10;

/** The byte stream is not valid ABCI framing; the connection cannot recover. */
export class FramingError extends Error {
  override name = "FramingError";
}

export interface DecodedUvarint {
  value: bigint;
  /** How many bytes the varint occupied. */
  bytesRead: number;
}

/**
 * Decodes a uvarint starting at `offset`. Returns undefined when the input
 * ends before the varint does (wait for more bytes); throws FramingError when
 * the varint can never be valid, so a bad stream is detected after 10 bytes
 * instead of being buffered forever.
 */
export function decodeUvarint(bytes: Uint8Array, offset = 0): DecodedUvarint | undefined {
  let value = 0n;
  for (let i = 0; i < MAX_UVARINT_BYTES; i++) {
    if (offset + i >= bytes.length) return undefined;
    const b = bytes[offset + i]!;
    if (i === MAX_UVARINT_BYTES - 1) {
      if (b >= 0x80) throw new FramingError(`uvarint longer than ${MAX_UVARINT_BYTES} bytes`);
      // The 10th byte may only contribute the 64th bit.
      if (b > 1) throw new FramingError("uvarint overflows 64 bits");
    }
    value |= BigInt(b & 0x7f) << BigInt(7 * i);
    if (b < 0x80) return { value, bytesRead: i + 1 };
  }
  throw new Error("unreachable: the 10th byte always terminates or throws");
}

/** Prefixes `payload` with its length. */
export function encodeFrame(payload: Uint8Array): Buffer {
  const prefix = encodeUvarint(payload.length);
  return Buffer.concat([prefix, payload], prefix.length + payload.length);
}

/**
 * Streaming frame decoder. Incoming chunks are kept as a list and only copied
 * once a whole frame is present, so a large frame arriving in many reads
 * costs one copy rather than one per read; a frame lying inside a single
 * chunk is returned as a zero-copy view.
 */
export class FrameDecoder {
  private chunks: Buffer[] = [];
  private head = 0; // index of the first unconsumed chunk in `chunks`
  private buffered = 0;
  private pendingLength: number | undefined; // payload length once the prefix is read

  constructor(private readonly maxFrameBytes = DEFAULT_MAX_FRAME_BYTES) {}

  /** Bytes received but not yet returned as part of a frame. */
  get bufferedBytes(): number {
    return this.buffered;
  }

  /** Feeds a chunk; returns every frame payload it completed (possibly none). */
  push(chunk: Buffer): Buffer[] {
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    const frames: Buffer[] = [];
    for (;;) {
      if (this.pendingLength === undefined && !this.readPrefix()) break;
      if (this.buffered < this.pendingLength!) break;
      frames.push(this.take(this.pendingLength!));
      this.pendingLength = undefined;
    }
    this.compact();
    return frames;
  }

  /** Reads the length prefix if it is complete; false means wait for more. */
  private readPrefix(): boolean {
    const prefix = this.peek(MAX_UVARINT_BYTES);
    const decoded = decodeUvarint(prefix);
    if (decoded === undefined) return false;
    if (decoded.value > BigInt(this.maxFrameBytes)) {
      throw new FramingError(`frame of ${decoded.value} bytes exceeds maximum of ${this.maxFrameBytes}`);
    }
    this.take(decoded.bytesRead);
    this.pendingLength = Number(decoded.value);
    return true;
  }

  /** Copies up to `n` leading bytes without consuming them (n is tiny). */
  private peek(n: number): Buffer {
    const first = this.chunks[this.head];
    if (first !== undefined && first.length >= n) return first.subarray(0, n);
    const parts: Buffer[] = [];
    let have = 0;
    for (let i = this.head; i < this.chunks.length && have < n; i++) {
      const part = this.chunks[i]!.subarray(0, n - have);
      parts.push(part);
      have += part.length;
    }
    return Buffer.concat(parts, have);
  }

  /** Consumes exactly `n` buffered bytes (caller checked they exist). */
  private take(n: number): Buffer {
    this.buffered -= n;
    const first = this.chunks[this.head];
    if (first !== undefined && first.length >= n) {
      const out = first.subarray(0, n);
      this.advanceHead(first, n);
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const chunk = this.chunks[this.head]!;
      const used = Math.min(chunk.length, n - filled);
      chunk.copy(out, filled, 0, used);
      filled += used;
      this.advanceHead(chunk, used);
    }
    return out;
  }

  private advanceHead(chunk: Buffer, used: number): void {
    if (used === chunk.length) this.chunks[this.head++] = EMPTY;
    else this.chunks[this.head] = chunk.subarray(used);
  }

  /** Drops consumed slots so the chunk list does not grow without bound. */
  private compact(): void {
    if (this.head === this.chunks.length) {
      this.chunks = [];
      this.head = 0;
    } else if (this.head > 1024) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
  }
}

const EMPTY = Buffer.alloc(0);
