/**
 * Fixed-size byte records packed into shared chunks: millions of hashes or tree nodes with no
 * object per record, which is what lets a genesis of millions of keys fit in memory.
 */

const CHUNK_BITS = 13;
const CHUNK_RECORDS = 1 << CHUNK_BITS;

export class RecordList {
  private readonly chunks: Buffer[] = [];
  count = 0;

  constructor(readonly size: number) {}

  /** Appends one record made of `parts`, which must add up to `size` bytes. */
  push(...parts: Uint8Array[]): void {
    const index = this.count++;
    if ((index & (CHUNK_RECORDS - 1)) === 0) this.chunks.push(Buffer.allocUnsafe(CHUNK_RECORDS * this.size));
    const chunk = this.chunks[index >>> CHUNK_BITS]!;
    let at = (index & (CHUNK_RECORDS - 1)) * this.size;
    for (const part of parts) {
      chunk.set(part, at);
      at += part.length;
    }
  }

  clear(): void {
    this.chunks.length = 0;
    this.count = 0;
  }

  /** All records back to back, as one new buffer. */
  concat(): Buffer {
    const out = Buffer.allocUnsafe(this.count * this.size);
    for (let i = 0; i < this.count; i += CHUNK_RECORDS) {
      const records = Math.min(CHUNK_RECORDS, this.count - i);
      this.chunks[i >>> CHUNK_BITS]!.copy(out, i * this.size, 0, records * this.size);
    }
    return out;
  }

  /** Bytes [from, to) of record `index`, as a view. */
  slice(index: number, from = 0, to = this.size): Buffer {
    const at = (index & (CHUNK_RECORDS - 1)) * this.size;
    return this.chunks[index >>> CHUNK_BITS]!.subarray(at + from, at + to);
  }

  /** Byte `offset` of record `index`. */
  byte(index: number, offset: number): number {
    return this.chunks[index >>> CHUNK_BITS]![(index & (CHUNK_RECORDS - 1)) * this.size + offset]!;
  }

  /**
   * Record indices in ascending byte order of each record's first 32 bytes. Those are hashes,
   * uniform and distinct, so a counting sort on a prefix of about log2(count) bits leaves
   * buckets of one or two, finished by comparison.
   */
  sortedByHash(): Uint32Array {
    const n = this.count;
    const bits = Math.min(20, Math.max(1, 32 - Math.clz32(n)));
    const prefix = (i: number) => ((this.byte(i, 0) << 16) | (this.byte(i, 1) << 8) | this.byte(i, 2)) >>> (24 - bits);
    const starts = new Uint32Array((1 << bits) + 1);
    for (let i = 0; i < n; i++) starts[prefix(i) + 1]!++;
    for (let b = 0; b < 1 << bits; b++) starts[b + 1]! += starts[b]!;
    const order = new Uint32Array(n);
    const next = starts.slice(0, 1 << bits);
    for (let i = 0; i < n; i++) order[next[prefix(i)]!++] = i;
    for (let b = 0; b < 1 << bits; b++) {
      const lo = starts[b]!;
      const hi = starts[b + 1]!;
      if (hi - lo > 1) order.subarray(lo, hi).sort((x, y) => Buffer.compare(this.slice(x, 0, 32), this.slice(y, 0, 32)));
    }
    return order;
  }
}

const VAR_CHUNK_BYTES = 1 << 22;


/**
 * Byte records of any size packed into shared chunks, kept in the order they were added: a
 * block's new tree nodes (leaves carry their key, so their size varies) with no object each.
 */
export class VarRecordList {
  private readonly chunks: Buffer[] = [];
  /** Per record: its chunk, its offset in the chunk, its length. */
  private places = new Uint32Array(3 * 1024);
  private used = 0;
  count = 0;

  /** Appends one record made of `parts`. */
  push(...parts: Uint8Array[]): void {
    let length = 0;
    for (const part of parts) length += part.length;
    const last = this.chunks.at(-1);
    if (!last || this.used + length > last.length) {
      this.chunks.push(Buffer.allocUnsafe(Math.max(VAR_CHUNK_BYTES, length)));
      this.used = 0;
    }
    if (3 * (this.count + 1) > this.places.length) {
      const grown = new Uint32Array(this.places.length * 2);
      grown.set(this.places);
      this.places = grown;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    this.places.set([this.chunks.length - 1, this.used, length], 3 * this.count++);
    for (const part of parts) {
      chunk.set(part, this.used);
      this.used += part.length;
    }
  }

  /** Record `index`, as a view. */
  get(index: number): Buffer {
    const at = 3 * index;
    const offset = this.places[at + 1]!;
    return this.chunks[this.places[at]!]!.subarray(offset, offset + this.places[at + 2]!);
  }

  clear(): void {
    this.chunks.length = 0;
    this.used = 0;
    this.count = 0;
  }
}
