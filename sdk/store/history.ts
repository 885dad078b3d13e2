/**
 * A store's history: what each key held before each version that changed it, the keys each
 * version changed, and the tree nodes each version replaced. With it a kept version reads and
 * iterates as it was, pruning knows what to drop, and the latest version can be undone.
 *
 *   history:  escape(key) || version → 0x00 (absent before version) | 0x01 || value
 *   changes:  version → the keys it changed, each as uint16 length || key
 *   orphans:  version → the keys (12 bytes each) of the nodes its commit replaced
 *
 * A version's changed keys and orphans are one database entry each, not one per key or node:
 * a block's commit then costs one write per changed key beyond the state itself.
 * Versions are 8 bytes big-endian. escape() doubles each 0x00 of the key as 0x00 0xff and ends it
 * with 0x00 0x00: the escaped keys sort as the keys do and none is a prefix of another, so one
 * key's entries are contiguous, in version order, and a key range is a range of entries.
 */
import type { BinaryDatabase, WriteBatch } from "./database.js";
import { keyToString } from "./keys.js";
import { mergeIterator } from "./merge-iterator.js";
import type { RecordList } from "./records.js";
import { NODE_KEY_SIZE } from "./smt.js";
import type { KVReader } from "./types.js";

export function versionBytes(version: bigint | number): Buffer {
  const out = Buffer.alloc(8);
  out.writeBigUInt64BE(BigInt(version));
  return out;
}

function escape(key: Uint8Array): Buffer {
  const out: number[] = [];
  for (const b of key) {
    out.push(b);
    if (b === 0) out.push(0xff);
  }
  out.push(0, 0);
  return Buffer.from(out);
}

/** The key of a history entry and where its version starts. */
function unescape(entry: Uint8Array): { key: Buffer; versionAt: number } {
  const out: number[] = [];
  let i = 0;
  for (;;) {
    const b = entry[i]!;
    if (b === 0) {
      if (entry[i + 1] === 0) return { key: Buffer.from(out), versionAt: i + 2 };
      i++;
    }
    out.push(b);
    i++;
  }
}

const ABSENT = Buffer.of(0);

function encodeBefore(value: Uint8Array | undefined): Buffer {
  return value === undefined ? ABSENT : Buffer.concat([Buffer.of(1), value]);
}

function decodeBefore(entry: Uint8Array): Uint8Array | undefined {
  return entry[0] === 0 ? undefined : entry.subarray(1);
}

/** The tree nodes stored under one version: their keys share its 8-byte prefix. */
export function nodeKeysOfVersion(version: bigint): { start: Buffer; end: Buffer } {
  const start = Buffer.alloc(NODE_KEY_SIZE);
  start.writeUIntBE(Number(version), 2, 6);
  const end = Buffer.alloc(NODE_KEY_SIZE);
  end.writeUIntBE(Number(version) + 1, 2, 6);
  return { start, end };
}

export class StoreHistory {
  constructor(
    private readonly history: BinaryDatabase,
    private readonly changes: BinaryDatabase,
    private readonly orphans: BinaryDatabase,
  ) {}

  /**
   * Records what `version` changes: each changed key with what it held until then, and the
   * stored tree nodes its commit replaces.
   */
  record(batch: WriteBatch, version: bigint, changes: Iterable<[Uint8Array, Uint8Array | undefined]>, orphans: RecordList): void {
    const at = versionBytes(version);
    const keys: Buffer[] = [];
    for (const [key, before] of changes) {
      batch.write(this.history, Buffer.concat([escape(key), at]), encodeBefore(before));
      const length = Buffer.alloc(2);
      length.writeUInt16BE(key.length);
      keys.push(length, Buffer.from(key));
    }
    if (keys.length > 0) batch.write(this.changes, at, Buffer.concat(keys));
    if (orphans.count > 0) batch.write(this.orphans, at, orphans.concat());
  }

  /**
   * The value `key` held at `version`: what the first later change found, or the latest value
   * when nothing changed it since.
   */
  valueAt(key: Uint8Array, version: bigint, latest: KVReader): Uint8Array | undefined {
    const prefix = escape(key);
    for (const { value } of this.history.getRange({ start: Buffer.concat([prefix, versionBytes(version + 1n)]), end: Buffer.concat([prefix, Buffer.alloc(8, 0xff)]), limit: 1 })) {
      return decodeBefore(value);
    }
    return latest.get(key);
  }

  /** The state at `version` as a reader over the latest state and the changes since. */
  readerAt(version: bigint, latest: KVReader): KVReader {
    const get = (key: Uint8Array) => this.valueAt(key, version, latest);
    return {
      get,
      has: (key) => get(key) !== undefined,
      iterator: (start, end, reverse = false) => mergeIterator(latest.iterator(start, end, reverse), this.changedSince(version, start, end), start, end, reverse),
    };
  }

  /** For each key in [start, end) changed after `version`: its value then (null: absent). */
  private changedSince(version: bigint, start: Uint8Array | undefined, end: Uint8Array | undefined): Map<string, Uint8Array | null> {
    const then = new Map<string, Uint8Array | null>();
    const range = this.history.getRange({ ...(start ? { start: escape(start) } : {}), ...(end ? { end: escape(end) } : {}) });
    for (const { key: entry, value } of range) {
      const { key, versionAt } = unescape(entry);
      const k = keyToString(key);
      if (then.has(k) || entry.readBigUInt64BE(versionAt) <= version) continue;
      then.set(k, decodeBefore(value) ?? null);
    }
    return then;
  }

  /**
   * Drops what only versions up to `upTo` needed: the nodes replaced by commits up to
   * `upTo + 1` (no kept version reaches them) and the history entries of the same commits.
   * Runs inside the caller's transaction.
   */
  prune(upTo: bigint, nodes: BinaryDatabase): void {
    const end = versionBytes(upTo + 2n);
    for (const { key: at, value } of [...this.orphans.getRange({ end })]) {
      for (let i = 0; i < value.length; i += NODE_KEY_SIZE) nodes.removeSync(value.subarray(i, i + NODE_KEY_SIZE));
      this.orphans.removeSync(at);
    }
    for (const { key: at, value } of [...this.changes.getRange({ end })]) {
      for (const key of changedKeys(value)) this.history.removeSync(Buffer.concat([escape(key), at]));
      this.changes.removeSync(at);
    }
  }

  /**
   * Undoes the latest committed `version`: its keys get back what they held before, its nodes
   * go and the nodes it replaced are live again. Runs inside the caller's transaction.
   */
  undo(version: bigint, flat: BinaryDatabase, nodes: BinaryDatabase): void {
    const at = versionBytes(version);
    for (const key of changedKeys(this.changes.get(at) ?? Buffer.alloc(0))) {
      const historyKey = Buffer.concat([escape(key), at]);
      const recorded = this.history.get(historyKey);
      if (!recorded) throw new Error(`the history of version ${version} is incomplete: the store is corrupt`);
      const before = decodeBefore(recorded);
      if (before === undefined) flat.removeSync(key);
      else flat.putSync(key, Buffer.from(before));
      this.history.removeSync(historyKey);
    }
    this.changes.removeSync(at);
    this.orphans.removeSync(at);
    for (const key of [...nodes.getKeys(nodeKeysOfVersion(version))]) nodes.removeSync(key);
  }
}

/** The keys of a `changes` entry. */
function* changedKeys(entry: Buffer): Generator<Buffer> {
  for (let i = 0; i < entry.length; ) {
    const length = entry.readUInt16BE(i);
    yield entry.subarray(i + 2, i + 2 + length);
    i += 2 + length;
  }
}
