/**
 * A store's history: what each key held before each version that changed it, the keys each
 * version changed, and the tree nodes each version replaced. With it a kept version reads and
 * iterates as it was, pruning knows what to drop, and the latest version can be undone.
 *
 *   history:  escape(key) || version → 0x00 (absent before version) | 0x01 || value
 *   changes:  version || key → (empty)
 *   orphans:  version || node key → (empty)      the nodes `version`'s commit replaced
 *
 * Versions are 8 bytes big-endian. escape() doubles each 0x00 of the key as 0x00 0xff and ends it
 * with 0x00 0x00: the escaped keys sort as the keys do and none is a prefix of another, so one
 * key's entries are contiguous, in version order, and a key range is a range of entries.
 */
import type { BinaryDatabase, WriteBatch } from "./database.js";
import { keyToString } from "./keys.js";
import { mergeIterator } from "./merge-iterator.js";
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

  /** Records that `version` changes `key`, which held `before` until then. */
  recordChange(batch: WriteBatch, version: bigint, key: Uint8Array, before: Uint8Array | undefined): void {
    batch.write(this.history, Buffer.concat([escape(key), versionBytes(version)]), encodeBefore(before));
    batch.write(this.changes, Buffer.concat([versionBytes(version), key]), Buffer.alloc(0));
  }

  /** Records that `version`'s tree no longer uses the node stored under `nodeKey`. */
  recordOrphan(batch: WriteBatch, version: bigint, nodeKey: Uint8Array): void {
    batch.write(this.orphans, Buffer.concat([versionBytes(version), nodeKey]), Buffer.alloc(0));
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
   */
  prune(upTo: bigint, nodes: BinaryDatabase): void {
    const end = versionBytes(upTo + 2n);
    for (const key of [...this.orphans.getKeys({ end })]) {
      nodes.removeSync(key.subarray(8));
      this.orphans.removeSync(key);
    }
    for (const key of [...this.changes.getKeys({ end })]) {
      this.history.removeSync(Buffer.concat([escape(key.subarray(8)), key.subarray(0, 8)]));
      this.changes.removeSync(key);
    }
  }

  /**
   * Undoes the latest committed `version`: its keys get back what they held before, its nodes
   * go and the nodes it replaced are live again. Runs inside the caller's transaction.
   */
  undo(version: bigint, flat: BinaryDatabase, nodes: BinaryDatabase): void {
    const range = { start: versionBytes(version), end: versionBytes(version + 1n) };
    for (const entry of [...this.changes.getKeys(range)]) {
      const key = entry.subarray(8);
      const historyKey = Buffer.concat([escape(key), entry.subarray(0, 8)]);
      const recorded = this.history.get(historyKey);
      if (!recorded) throw new Error(`the history of version ${version} is incomplete: the store is corrupt`);
      const before = decodeBefore(recorded);
      if (before === undefined) flat.removeSync(key);
      else flat.putSync(key, Buffer.from(before));
      this.history.removeSync(historyKey);
      this.changes.removeSync(entry);
    }
    for (const key of [...this.orphans.getKeys(range)]) this.orphans.removeSync(key);
    for (const key of [...nodes.getKeys(nodeKeysOfVersion(version))]) nodes.removeSync(key);
  }
}
