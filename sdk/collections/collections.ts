/**
 * Typed state: each collection owns a one-byte prefix in its module's store and knows how to
 * encode its keys and values, so no module writes ad hoc keys.
 */
import { prefixEnd } from "../store/keys.js";
import type { KVStore } from "../store/types.js";
import { concat, uint64Key, uint64Value, type KeyCodec, type ValueCodec } from "./codecs.js";

/** Anything that can hand out a module's store: a Context, or a test's plain store. */
export interface StoreSource {
  kvStore(name: string): KVStore;
}

/** The schema of one module's store: refuses two collections on one prefix. */
export class Schema {
  private readonly prefixes = new Map<number, string>();
  constructor(readonly storeName: string) {}

  claim(prefix: number, name: string): Uint8Array {
    const taken = this.prefixes.get(prefix);
    if (taken) throw new Error(`prefix ${prefix} of store ${this.storeName} is used by both ${taken} and ${name}`);
    this.prefixes.set(prefix, name);
    return Uint8Array.of(prefix);
  }

  map<K, V>(prefix: number, name: string, keys: KeyCodec<K>, values: ValueCodec<V>): CollectionMap<K, V> {
    return new CollectionMap(this.storeName, this.claim(prefix, name), keys, values);
  }

  item<V>(prefix: number, name: string, values: ValueCodec<V>): Item<V> {
    return new Item(this.storeName, this.claim(prefix, name), values);
  }

  sequence(prefix: number, name: string): Sequence {
    return new Sequence(new Item(this.storeName, this.claim(prefix, name), uint64Value));
  }
}

export class CollectionMap<K, V> {
  constructor(
    readonly storeName: string,
    readonly prefix: Uint8Array,
    readonly keys: KeyCodec<K>,
    readonly values: ValueCodec<V>,
  ) {}

  private key(k: K): Uint8Array {
    return concat(this.prefix, this.keys.encode(k));
  }

  get(src: StoreSource, k: K): V | undefined {
    const raw = src.kvStore(this.storeName).get(this.key(k));
    return raw === undefined ? undefined : this.values.decode(raw);
  }

  has(src: StoreSource, k: K): boolean {
    return src.kvStore(this.storeName).has(this.key(k));
  }

  set(src: StoreSource, k: K, v: V): void {
    src.kvStore(this.storeName).set(this.key(k), this.values.encode(v));
  }

  delete(src: StoreSource, k: K): void {
    src.kvStore(this.storeName).delete(this.key(k));
  }

  /** Entries in key order; `under` restricts to keys starting with that encoded key part. */
  *entries(src: StoreSource, under?: Uint8Array, reverse = false): Generator<[K, V]> {
    const start = under ? concat(this.prefix, under) : this.prefix;
    const end = prefixEnd(start);
    for (const [rawKey, rawValue] of src.kvStore(this.storeName).iterator(start, end, reverse)) {
      yield [this.keys.decode(rawKey.subarray(this.prefix.length)), this.values.decode(rawValue)];
    }
  }
}

export class Item<V> {
  constructor(
    readonly storeName: string,
    readonly key: Uint8Array,
    readonly values: ValueCodec<V>,
  ) {}

  get(src: StoreSource): V | undefined {
    const raw = src.kvStore(this.storeName).get(this.key);
    return raw === undefined ? undefined : this.values.decode(raw);
  }

  set(src: StoreSource, v: V): void {
    src.kvStore(this.storeName).set(this.key, this.values.encode(v));
  }

  delete(src: StoreSource): void {
    src.kvStore(this.storeName).delete(this.key);
  }
}

/** A monotonic counter, such as the next account number. */
export class Sequence {
  constructor(private readonly item: Item<bigint>) {}

  peek(src: StoreSource): bigint {
    return this.item.get(src) ?? 0n;
  }

  /** Returns the current value and advances the counter. */
  next(src: StoreSource): bigint {
    const value = this.peek(src);
    this.item.set(src, value + 1n);
    return value;
  }

  set(src: StoreSource, value: bigint): void {
    this.item.set(src, value);
  }
}

export { uint64Key };
