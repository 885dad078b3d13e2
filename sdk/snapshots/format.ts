/**
 * Snapshot format 1: the state of every module store as one byte stream, cut into chunks.
 *
 *   stream := (store kv*)*            stores in name order, each store's keys in key order
 *   store  := 0x01 uvarint(len) name
 *   kv     := 0x02 uvarint(len) key uvarint(len) value
 *
 * Items run across chunk boundaries: a chunk is just the next `chunkSize` bytes of the stream,
 * so a restore holds one chunk (plus the tail of an item cut by the previous one) at a time.
 */
import type { KVReader } from "../store/types.js";

export const SNAPSHOT_FORMAT = 1;
/** CometBFT's default-sized chunk: large enough to amortize a p2p round trip per chunk. */
export const DEFAULT_CHUNK_BYTES = 10 * 1024 * 1024;
/**
 * CometBFT drops a chunk message above 16e6 bytes; its other fields (height, format, index) fit
 * well within the margin kept here.
 */
export const MAX_CHUNK_BYTES = 16_000_000 - 1024;

const STORE_ITEM = 0x01;
const KV_ITEM = 0x02;
/** A tag and two 64-bit varints at most. */
const MAX_HEADER_BYTES = 1 + 10 + 10;
/** Entries between pause points: a few milliseconds of work. */
const ENTRIES_PER_PAUSE = 8192;

/** The state being snapshotted: each named store's entries, read at one version. */
export interface SnapshotSource {
  storeNames: string[];
  getKVStore(name: string): KVReader;
}

/** A snapshot's content does not parse, or names state this app does not have. */
export class SnapshotFormatError extends Error {}

/** Checks a chunk size given by configuration or a test; returns it. */
export function checkChunkSize(bytes: number): number {
  if (!Number.isInteger(bytes) || bytes < 64 || bytes > MAX_CHUNK_BYTES) {
    throw new RangeError(`expected a snapshot chunk size of 64 to ${MAX_CHUNK_BYTES} bytes, got ${bytes}`);
  }
  return bytes;
}

/**
 * The stream of `source` cut into chunks of `chunkSize` bytes (the last one shorter). Each
 * chunk is yielded as a view that is only valid until the generator resumes: write it first.
 * In between it yields null every few thousand entries: a point where a writer running beside
 * consensus lets other work in, so one chunk's worth of reading never blocks it for long.
 */
export function* snapshotChunks(source: SnapshotSource, chunkSize: number): Generator<Uint8Array | null, void, void> {
  const chunk = Buffer.allocUnsafe(checkChunkSize(chunkSize));
  const header = Buffer.allocUnsafe(MAX_HEADER_BYTES);
  let used = 0;
  // Copies `bytes` into the chunk, yielding each time it fills.
  function* put(bytes: Uint8Array): Generator<Uint8Array | null, void, void> {
    for (let from = 0; from < bytes.length; ) {
      const n = Math.min(bytes.length - from, chunk.length - used);
      chunk.set(bytes.subarray(from, from + n), used);
      used += n;
      from += n;
      if (used === chunk.length) {
        yield chunk;
        used = 0;
      }
    }
  }
  for (const name of [...source.storeNames].sort()) {
    const nameBytes = Buffer.from(name, "utf8");
    header[0] = STORE_ITEM;
    yield* put(header.subarray(0, writeUvarint(header, 1, nameBytes.length)));
    yield* put(nameBytes);
    let entries = 0;
    for (const [key, value] of source.getKVStore(name).iterator()) {
      if (++entries % ENTRIES_PER_PAUSE === 0) yield null;
      // Most items fit in what is left of the chunk: copied straight in, without a generator.
      if (used + MAX_HEADER_BYTES + key.length + value.length <= chunk.length) {
        chunk[used] = KV_ITEM;
        used = writeUvarint(chunk, used + 1, key.length);
        chunk.set(key, used);
        used = writeUvarint(chunk, used + key.length, value.length);
        chunk.set(value, used);
        used += value.length;
        continue;
      }
      header[0] = KV_ITEM;
      yield* put(header.subarray(0, writeUvarint(header, 1, key.length)));
      yield* put(key);
      yield* put(header.subarray(0, writeUvarint(header, 0, value.length)));
      yield* put(value);
    }
  }
  if (used > 0) yield chunk.subarray(0, used);
}

/** What a restore does with the items of a stream, in stream order. */
export interface SnapshotItemSink {
  store(name: string): void;
  entry(key: Uint8Array, value: Uint8Array): void;
}

/**
 * Parses a stream fed one chunk at a time, handing each complete item to `sink`. Checks the
 * order the format promises (stores by name, keys ascending, each at most once), so a
 * duplicated or reordered entry cannot slip into a restored state.
 */
export class SnapshotStreamReader {
  /** The start of an item the previous chunk cut off. */
  private tail: Buffer = Buffer.alloc(0);
  private storeName: string | undefined;
  private lastKey: Buffer | undefined;

  constructor(private readonly sink: SnapshotItemSink) {}

  push(chunk: Uint8Array): void {
    const bytes = this.tail.length === 0 ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.concat([this.tail, chunk]);
    let at = 0;
    for (;;) {
      const next = this.item(bytes, at);
      if (next === undefined) break;
      at = next;
    }
    // Copied: the rest of the chunk is released once this returns.
    this.tail = Buffer.from(bytes.subarray(at));
  }

  /** Throws unless the stream ended on an item boundary. */
  end(): void {
    if (this.tail.length > 0) throw new SnapshotFormatError(`snapshot stream ends inside an item (${this.tail.length} bytes left over)`);
    if (this.storeName === undefined) throw new SnapshotFormatError("snapshot stream holds no store");
  }

  /** Parses the item at `at`; returns the offset after it, or undefined if it is incomplete. */
  private item(bytes: Buffer, at: number): number | undefined {
    if (at >= bytes.length) return undefined;
    const tag = bytes[at]!;
    if (tag === STORE_ITEM) {
      const name = readField(bytes, at + 1);
      if (!name) return undefined;
      this.openStore(bytes.toString("utf8", name.start, name.end));
      return name.end;
    }
    if (tag === KV_ITEM) {
      const key = readField(bytes, at + 1);
      if (!key) return undefined;
      const value = readField(bytes, key.end);
      if (!value) return undefined;
      this.entry(bytes.subarray(key.start, key.end), bytes.subarray(value.start, value.end));
      return value.end;
    }
    throw new SnapshotFormatError(`unknown snapshot item tag 0x${tag.toString(16)}`);
  }

  private openStore(name: string): void {
    if (this.storeName !== undefined && name <= this.storeName) {
      throw new SnapshotFormatError(`snapshot store "${name}" follows "${this.storeName}": stores must be in name order, once each`);
    }
    this.storeName = name;
    this.lastKey = undefined;
    this.sink.store(name);
  }

  private entry(key: Buffer, value: Buffer): void {
    if (this.storeName === undefined) throw new SnapshotFormatError("snapshot entry before any store");
    if (key.length === 0) throw new SnapshotFormatError(`snapshot entry with an empty key in store "${this.storeName}"`);
    if (this.lastKey !== undefined && Buffer.compare(key, this.lastKey) <= 0) {
      throw new SnapshotFormatError(`snapshot keys of store "${this.storeName}" are not in ascending order`);
    }
    this.lastKey = key;
    this.sink.entry(key, value);
  }
}

/** A length-prefixed field at `at`: its bounds, or undefined when the bytes end first. */
function readField(bytes: Buffer, at: number): { start: number; end: number } | undefined {
  let length = 0;
  let scale = 1;
  for (let i = at; i < bytes.length; i++) {
    const b = bytes[i]!;
    length += (b & 0x7f) * scale;
    if (length > MAX_CHUNK_BYTES * 64) throw new SnapshotFormatError(`snapshot item length ${length} is implausibly large`);
    if (b < 0x80) {
      const start = i + 1;
      return start + length <= bytes.length ? { start, end: start + length } : undefined;
    }
    scale *= 128;
  }
  return undefined;
}

/**
 * Writes `n` as an unsigned varint at `at`; returns the offset after it. In place rather than
 * sdk/codec's encodeUvarint, which allocates: this runs twice for every entry of the state.
 */
function writeUvarint(buf: Buffer, at: number, n: number): number {
  while (n >= 0x80) {
    buf[at++] = (n % 128) | 0x80;
    n = Math.floor(n / 128);
  }
  buf[at++] = n;
  return at;
}
