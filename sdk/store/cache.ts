/**
 * A branch of a KV store: reads fall through to the parent, writes stay here until `write()`.
 * A failed tx simply drops its branch, so it leaves no writes behind.
 */
import { keyToString, stringToKey } from "./keys.js";
import { mergeIterator } from "./merge-iterator.js";
import type { CacheKVStore, KVStore, Latin1Writes } from "./types.js";

export class CacheStore implements CacheKVStore, Latin1Writes {
  /** Local writes; null marks a deletion. */
  private readonly dirty = new Map<string, Uint8Array | null>();

  constructor(private readonly parent: KVStore) {}

  get(key: Uint8Array): Uint8Array | undefined {
    const local = this.dirty.get(keyToString(key));
    if (local !== undefined) return local ?? undefined;
    return this.parent.get(key);
  }

  has(key: Uint8Array): boolean {
    return this.get(key) !== undefined;
  }

  set(key: Uint8Array, value: Uint8Array): void {
    this.dirty.set(keyToString(key), value);
  }

  delete(key: Uint8Array): void {
    this.dirty.set(keyToString(key), null);
  }

  iterator(start?: Uint8Array, end?: Uint8Array, reverse = false): Iterable<[Uint8Array, Uint8Array]> {
    return mergeIterator(this.parent.iterator(start, end, reverse), this.dirty, start, end, reverse);
  }

  writeLatin1(key: string, value: Uint8Array | null): void {
    this.dirty.set(key, value);
  }

  write(): void {
    const parent = this.parent as KVStore & Partial<Latin1Writes>;
    if (parent.writeLatin1) {
      for (const [k, v] of this.dirty) parent.writeLatin1(k, v);
      this.dirty.clear();
      return;
    }
    for (const [k, v] of this.dirty) {
      if (v === null) this.parent.delete(stringToKey(k));
      else this.parent.set(stringToKey(k), v);
    }
    this.dirty.clear();
  }
}
