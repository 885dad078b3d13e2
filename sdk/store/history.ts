/**
 * What a store keeps about its past versions beyond their trees: per version, the keys it
 * changed and the tree nodes its commit replaced (its orphans).
 *
 *   changes:  version → the keys it changed, each as uint16 length || key
 *   orphans:  version → the keys (12 bytes each) of the nodes its commit replaced
 *
 * Versions are 8 bytes big-endian, so both are appended in order, one entry per version: a
 * commit costs two sequential writes beyond its state and tree nodes. A kept version's values
 * are in its tree (leaves carry key and value); a key-ordered scan of it is the latest flat
 * state with the keys changed since read from that tree. Pruning drops the nodes no kept
 * version reaches; undoing the latest version restores its keys from the previous tree.
 */
import type { BinaryDatabase, WriteBatch } from "./database.js";
import { keyToString } from "./keys.js";
import { mergeIterator } from "./merge-iterator.js";
import type { RecordList } from "./records.js";
import { findLeaf, NODE_KEY_SIZE, type NodeReader, type NodeRef } from "./smt.js";
import type { KVReader } from "./types.js";

export function versionBytes(version: bigint | number): Buffer {
  const out = Buffer.alloc(8);
  out.writeBigUInt64BE(BigInt(version));
  return out;
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
    private readonly changes: BinaryDatabase,
    private readonly orphans: BinaryDatabase,
    private readonly readNode: NodeReader,
  ) {}

  /** Records what `version` changes: its keys (sorted) and the stored nodes its commit replaces. */
  record(batch: WriteBatch, version: bigint, keys: Uint8Array[], orphans: RecordList): void {
    const at = versionBytes(version);
    if (keys.length > 0) {
      const entry: Buffer[] = [];
      for (const key of keys) {
        const length = Buffer.alloc(2);
        length.writeUInt16BE(key.length);
        entry.push(length, Buffer.from(key.buffer, key.byteOffset, key.byteLength));
      }
      batch.write(this.changes, at, Buffer.concat(entry));
    }
    if (orphans.count > 0) batch.write(this.orphans, at, orphans.concat());
  }

  /**
   * The state at a kept `version` whose tree is at `root`: point reads walk that tree; scans
   * take the latest state and replace the keys changed since by their values then.
   */
  readerAt(version: bigint, root: NodeRef, latest: KVReader): KVReader {
    const get = (key: Uint8Array) => findLeaf(root, key, this.readNode)?.value;
    return {
      get,
      has: (key) => get(key) !== undefined,
      iterator: (start, end, reverse = false) => mergeIterator(latest.iterator(start, end, reverse), this.changedSince(version, start, end, get), start, end, reverse),
    };
  }

  /** For each key in [start, end) changed after `version`: its value then (null: absent). */
  private changedSince(version: bigint, start: Uint8Array | undefined, end: Uint8Array | undefined, get: (key: Uint8Array) => Uint8Array | undefined): Map<string, Uint8Array | null> {
    const then = new Map<string, Uint8Array | null>();
    const lo = start && keyToString(start);
    const hi = end && keyToString(end);
    for (const { value } of this.changes.getRange({ start: versionBytes(version + 1n) })) {
      for (const key of changedKeys(value)) {
        const k = keyToString(key);
        if ((lo !== undefined && k < lo) || (hi !== undefined && k >= hi) || then.has(k)) continue;
        then.set(k, get(key) ?? null);
      }
    }
    return then;
  }

  /**
   * Drops what only versions up to `upTo` needed: the nodes replaced by commits up to
   * `upTo + 1` (no kept version reaches them) and those commits' change lists. Runs inside the
   * caller's transaction.
   */
  prune(upTo: bigint, nodes: BinaryDatabase): void {
    const end = versionBytes(upTo + 2n);
    for (const { key: at, value } of [...this.orphans.getRange({ end })]) {
      for (let i = 0; i < value.length; i += NODE_KEY_SIZE) nodes.removeSync(value.subarray(i, i + NODE_KEY_SIZE));
      this.orphans.removeSync(at);
    }
    for (const at of [...this.changes.getKeys({ end })]) this.changes.removeSync(at);
  }

  /**
   * Undoes the latest committed `version`: its keys get back their values in the previous
   * version's tree (at `previousRoot`), its nodes go and the nodes it replaced are live again.
   * Runs inside the caller's transaction.
   */
  undo(version: bigint, previousRoot: NodeRef, flat: BinaryDatabase, nodes: BinaryDatabase): void {
    const at = versionBytes(version);
    for (const key of changedKeys(this.changes.get(at) ?? Buffer.alloc(0))) {
      const before = findLeaf(previousRoot, key, this.readNode)?.value;
      if (before === undefined) flat.removeSync(key);
      else flat.putSync(key, Buffer.from(before));
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
