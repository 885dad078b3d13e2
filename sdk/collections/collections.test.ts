import assert from "node:assert/strict";
import { test } from "node:test";
import { CacheStore } from "../store/cache.js";
import type { KVStore } from "../store/types.js";
import { bigintValue, bytesKey, concat, pairKey, stringKey, uint64Key, uint64Value, type KeyCodec } from "./codecs.js";
import { Schema, type StoreSource } from "./collections.js";
import { prng } from "../../test/support/prng.js";


/** An empty in-memory store: a cache branch over a parent with nothing in it. */
function memorySource(): StoreSource & { store: KVStore } {
  const empty: KVStore = {
    get: () => undefined,
    has: () => false,
    iterator: () => [],
    set: () => {
      throw new Error("the empty parent is never written");
    },
    delete: () => {
      throw new Error("the empty parent is never written");
    },
  };
  const store = new CacheStore(empty);
  return { store, kvStore: () => store };
}

const compareBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const sign = (n: number) => Math.sign(n);

function assertOrderPreserved<K>(codec: KeyCodec<K>, keys: K[], natural: (a: K, b: K) => number, what: string): void {
  const encoded = keys.map((k) => codec.encode(k));
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const want = sign(natural(keys[i]!, keys[j]!));
      const got = sign(compareBytes(encoded[i]!, encoded[j]!));
      assert.equal(got, want, `${what}: ${String(keys[i])} vs ${String(keys[j])}`);
    }
  }
}

const randomUint64 = (next: () => number): bigint => {
  // Mix magnitudes so both small and large values, and shared high bytes, occur.
  const bytes = Math.floor(next() * 9);
  let n = 0n;
  for (let i = 0; i < bytes; i++) n = (n << 8n) | BigInt(Math.floor(next() * 256));
  return n;
};

/** 20-byte addresses drawn from a tiny alphabet so that long shared prefixes are common. */
const randomAddress = (next: () => number): Uint8Array => {
  const alphabet = [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff];
  const shared = Math.floor(next() * 21);
  return Uint8Array.from({ length: 20 }, (_, i) => (i < shared ? 0x01 : alphabet[Math.floor(next() * alphabet.length)]!));
};

const randomDenom = (next: () => number): string => {
  const chars = "abuA/:._-09";
  const length = Math.floor(next() * 6);
  let s = "u";
  for (let i = 0; i < length; i++) s += chars[Math.floor(next() * chars.length)];
  return s;
};

test("uint64 keys encode so that byte order equals numeric order, over many seeded random keys", () => {
  const next = prng(1);
  const keys = [0n, 1n, 255n, 256n, 2n ** 32n, 2n ** 63n, 2n ** 64n - 1n];
  for (let i = 0; i < 300; i++) keys.push(randomUint64(next));
  assertOrderPreserved(uint64Key, keys, (a, b) => (a < b ? -1 : a > b ? 1 : 0), "uint64Key");
});

test("uint64 keys decode back to the same number", () => {
  const next = prng(2);
  for (const k of [0n, 1n, 2n ** 64n - 1n, ...Array.from({ length: 200 }, () => randomUint64(next))]) {
    const bytes = uint64Key.encode(k);
    assert.equal(bytes.length, 8);
    assert.equal(uint64Key.decode(bytes), k);
    assert.deepEqual(uint64Key.decodeNonTerminal(concat(bytes, Uint8Array.of(9, 9))), [k, 8]);
  }
});

test("a uint64 key decodes correctly from a view into a larger buffer", () => {
  const bytes = concat(Uint8Array.of(0xaa, 0xbb, 0xcc), uint64Key.encode(123456789n));
  assert.equal(uint64Key.decode(bytes.subarray(3)), 123456789n);
});

test("(address, denom) pair keys encode so that byte order equals (address, denom) order, over many seeded random keys", () => {
  const next = prng(3);
  const codec = pairKey(bytesKey, stringKey);
  const keys: [Uint8Array, string][] = [];
  for (let i = 0; i < 300; i++) keys.push([randomAddress(next), randomDenom(next)]);
  // Denoms that are prefixes of one another, under one address.
  const shared = randomAddress(next);
  for (const d of ["uat", "uato", "uatom", "uatom/x", "ub"]) keys.push([shared, d]);
  const natural = ([a1, d1]: [Uint8Array, string], [a2, d2]: [Uint8Array, string]) =>
    compareBytes(a1, a2) || (d1 < d2 ? -1 : d1 > d2 ? 1 : 0);
  assertOrderPreserved(codec, keys, natural, "pairKey(bytesKey, stringKey)");
});

test("(address, denom) pair keys decode back to the same pair, terminal and non-terminal", () => {
  const next = prng(4);
  const codec = pairKey(bytesKey, stringKey);
  for (let i = 0; i < 200; i++) {
    const key: [Uint8Array, string] = [randomAddress(next), randomDenom(next)];
    const [address, denom] = codec.decode(codec.encode(key));
    assert.deepEqual(address, key[0]);
    assert.equal(denom, key[1]);
    const nonTerminal = codec.encodeNonTerminal(key);
    const [[a2, d2], used] = codec.decodeNonTerminal(concat(nonTerminal, Uint8Array.of(1, 2, 3)));
    assert.deepEqual(a2, key[0]);
    assert.equal(d2, key[1]);
    assert.equal(used, nonTerminal.length);
  }
});

test("string keys round-trip UTF-8 text and refuse a zero byte where another part follows", () => {
  for (const s of ["", "uagora", "ibc/ABC", "ünïcødé", "日本"]) {
    assert.equal(stringKey.decode(stringKey.encode(s)), s);
    const nt = stringKey.encodeNonTerminal(s);
    assert.deepEqual(stringKey.decodeNonTerminal(concat(nt, Uint8Array.of(7))), [s, nt.length]);
  }
  assert.throws(() => stringKey.encodeNonTerminal("a\0b"), /zero byte/);
});

test("a bytes key part longer than 255 bytes is refused where another part follows", () => {
  assert.throws(() => bytesKey.encodeNonTerminal(new Uint8Array(256)), /at most 255 bytes, got 256/);
  assert.equal(bytesKey.encodeNonTerminal(new Uint8Array(255)).length, 256);
});

test("amounts and counters round-trip through their value codecs", () => {
  for (const v of [0n, 1n, (1n << 256n) - 1n]) assert.equal(bigintValue.decode(bigintValue.encode(v)), v);
  assert.equal(Buffer.from(bigintValue.encode(1234n)).toString(), "1234", "stored as the decimal string, as the SDK's math.Int");
  assert.equal(uint64Value.decode(uint64Value.encode(2n ** 64n - 1n)), 2n ** 64n - 1n);
});

test("a map's entries are listed in key order, whatever the write order", () => {
  const src = memorySource();
  const map = new Schema("test").map(0x03, "numbers", uint64Key, stringKey);
  const keys = [5n, 1n, 2n ** 40n, 0n, 300n, 256n];
  for (const k of keys) map.set(src, k, `v${k}`);
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : 1));
  assert.deepEqual([...map.entries(src)].map(([k]) => k), sorted);
  assert.deepEqual([...map.entries(src, undefined, true)].map(([k]) => k), [...sorted].reverse());
  assert.equal(map.get(src, 300n), "v300");
  assert.equal(map.has(src, 7n), false);
  map.delete(src, 300n);
  assert.equal(map.get(src, 300n), undefined);
});

test("prefix iteration of an (address, denom) map lists only that address's denoms, in denom order", () => {
  const src = memorySource();
  const balances = new Schema("bank").map(0x02, "balances", pairKey(bytesKey, stringKey), bigintValue);
  // Neighbours that differ only in the last byte, including a 0xff that carries into the next.
  const a = new Uint8Array(20).fill(0x00);
  a[19] = 0xff;
  const after = new Uint8Array(20).fill(0x00);
  after[18] = 0x01;
  const before = new Uint8Array(20).fill(0x00);
  before[19] = 0xfe;
  const longer = new Uint8Array(32).fill(0x00);
  for (const [address, denom, amount] of [
    [a, "uatom", 2n],
    [before, "uagora", 9n],
    [a, "uagora", 1n],
    [after, "uagora", 7n],
    [a, "ibc/XYZ", 3n],
    [longer, "uagora", 5n],
  ] as [Uint8Array, string, bigint][]) {
    balances.set(src, [address, denom], amount);
  }
  const of = (address: Uint8Array, reverse = false) =>
    [...balances.entries(src, bytesKey.encodeNonTerminal(address), reverse)].map(([[addr, denom], amount]) => {
      assert.deepEqual(addr, address);
      return `${amount}${denom}`;
    });
  assert.deepEqual(of(a), ["3ibc/XYZ", "1uagora", "2uatom"]);
  assert.deepEqual(of(a, true), ["2uatom", "1uagora", "3ibc/XYZ"]);
  assert.deepEqual(of(before), ["9uagora"]);
  assert.deepEqual(of(after), ["7uagora"]);
  assert.deepEqual(of(longer), ["5uagora"]);
  assert.deepEqual(of(new Uint8Array(20).fill(0x42)), []);
  assert.equal([...balances.entries(src)].length, 6);
});

test("a map's keys live under its one-byte prefix and do not leak into another collection", () => {
  const src = memorySource();
  const schema = new Schema("test");
  const first = schema.map(0x01, "first", stringKey, bigintValue);
  const second = schema.map(0x02, "second", stringKey, bigintValue);
  first.set(src, "k", 1n);
  second.set(src, "k", 2n);
  assert.equal(src.store.get(concat(Uint8Array.of(0x01), stringKey.encode("k"))) !== undefined, true);
  assert.deepEqual([...first.entries(src)], [["k", 1n]]);
  assert.deepEqual([...second.entries(src)], [["k", 2n]]);
});

test("a schema rejects two collections on one prefix, naming both", () => {
  const schema = new Schema("bank");
  schema.map(0x02, "balances", pairKey(bytesKey, stringKey), bigintValue);
  assert.throws(() => schema.item(0x02, "params", bigintValue), /prefix 2 of store bank is used by both balances and params/);
  assert.throws(() => schema.sequence(0x02, "counter"), /used by both balances and counter/);
  assert.doesNotThrow(() => new Schema("other").map(0x02, "balances", stringKey, bigintValue), "prefixes are per store");
});

test("a sequence counts 0, 1, 2 and can be set to continue from a value", () => {
  const src = memorySource();
  const seq = new Schema("test").sequence(0x09, "counter");
  assert.equal(seq.peek(src), 0n);
  assert.equal(seq.next(src), 0n);
  assert.equal(seq.next(src), 1n);
  assert.equal(seq.next(src), 2n);
  assert.equal(seq.peek(src), 3n);
  seq.set(src, 10n);
  assert.equal(seq.next(src), 10n);
  assert.equal(seq.peek(src), 11n);
});

test("an item is absent until set, then reads back its value", () => {
  const src = memorySource();
  const item = new Schema("test").item(0x04, "total", bigintValue);
  assert.equal(item.get(src), undefined);
  item.set(src, 42n);
  assert.equal(item.get(src), 42n);
});
