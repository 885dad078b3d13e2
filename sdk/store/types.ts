/** The key-value contracts every store layer implements. Keys and values are raw bytes. */

export interface KVReader {
  get(key: Uint8Array): Uint8Array | undefined;
  has(key: Uint8Array): boolean;
  /** Entries with start <= key < end in ascending key order (reverse: descending). */
  iterator(start?: Uint8Array, end?: Uint8Array, reverse?: boolean): Iterable<[Uint8Array, Uint8Array]>;
}

export interface KVStore extends KVReader {
  set(key: Uint8Array, value: Uint8Array): void;
  delete(key: Uint8Array): void;
}

/**
 * A store that indexes its writes by latin1 key strings (see keys.ts) and takes them as such:
 * a branch's `write()` then hands over its keys without a round trip through bytes.
 */
export interface Latin1Writes {
  writeLatin1(key: string, value: Uint8Array | null): void;
}

/** A branch of a parent store: its writes reach the parent only on `write()`. */
export interface CacheKVStore extends KVStore {
  write(): void;
}

export interface MultiStore {
  getKVStore(name: string): KVStore;
}

/** A branch over every module store at once: a tx or a block writes here, then `write()`s. */
export interface CacheMultiStore extends MultiStore {
  getKVStore(name: string): CacheKVStore;
  write(): void;
}

export interface CommitId {
  version: bigint;
  hash: Uint8Array;
}
