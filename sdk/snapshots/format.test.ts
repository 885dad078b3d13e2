import assert from "node:assert/strict";
import { test } from "node:test";
import { prng } from "../../test/support/prng.js";
import type { KVReader } from "../store/types.js";
import { SnapshotFormatError, SnapshotStreamReader, snapshotChunks, type SnapshotSource } from "./format.js";

/** An in-memory state: store name -> sorted entries. */
function memorySource(state: Record<string, [Buffer, Buffer][]>): SnapshotSource {
  return {
    storeNames: Object.keys(state),
    getKVStore: (name): KVReader => ({
      get: () => undefined,
      has: () => false,
      iterator: () => [...state[name]!].sort((a, b) => Buffer.compare(a[0], b[0])),
    }),
  };
}

/** Reads a stream back from its chunks: store name -> entries, as hex pairs. */
function readBack(chunks: Uint8Array[]): Record<string, string[]> {
  const state: Record<string, string[]> = {};
  let current = "";
  const reader = new SnapshotStreamReader({
    store: (name) => (state[(current = name)] = []),
    entry: (key, value) => state[current]!.push(`${Buffer.from(key).toString("hex")}=${Buffer.from(value).toString("hex")}`),
  });
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return state;
}

/** Each chunk copied as it comes (the generator reuses its buffer), without the pause points. */
function chunksOf(source: SnapshotSource, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (const chunk of snapshotChunks(source, size)) if (chunk) chunks.push(Buffer.from(chunk));
  return chunks;
}

test("a state cut into chunks of any size reads back the same, every store in name order", () => {
  const random = prng(7);
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));
  const state: Record<string, [Buffer, Buffer][]> = { bank: [], acc: [], empty: [] };
  for (let i = 0; i < 300; i++) state.bank!.push([Buffer.concat([Buffer.from([2]), bytes(20), Buffer.from(`denom${i}`)]), bytes(Math.floor(random() * 40))]);
  for (let i = 0; i < 50; i++) state.acc!.push([Buffer.concat([Buffer.from([1]), bytes(20)]), bytes(200 + Math.floor(random() * 300))]);
  const expected = readBack(chunksOf(memorySource(state), 1 << 20));
  assert.deepEqual(Object.keys(expected), ["acc", "bank", "empty"]);
  assert.equal(expected.bank!.length, 300);

  for (const size of [64, 100, 333, 4096]) {
    const chunks = chunksOf(memorySource(state), size);
    assert.ok(chunks.slice(0, -1).every((c) => c.length === size), `all but the last chunk are ${size} bytes`);
    assert.ok(chunks.at(-1)!.length <= size && chunks.at(-1)!.length > 0);
    assert.deepEqual(readBack(chunks), expected, `chunk size ${size}`);
  }
});

test("a stream that is cut short, reordered or holds an unknown item does not read", () => {
  const state = { s: [[Buffer.from("a"), Buffer.from("1")], [Buffer.from("b"), Buffer.from("2")]] as [Buffer, Buffer][] };
  const [whole] = chunksOf(memorySource(state), 4096);
  assert.throws(() => readBack([whole!.subarray(0, whole!.length - 1)]), /ends inside an item/);
  // Swap the two one-byte keys: "b" then "a".
  const swapped = Buffer.from(whole!);
  const a = swapped.indexOf("a", 3);
  const b = swapped.indexOf("b", a);
  swapped[a] = 0x62;
  swapped[b] = 0x61;
  assert.throws(() => readBack([swapped]), /not in ascending order/);
  assert.throws(() => readBack([Buffer.concat([whole!, Buffer.from([0x07])])]), SnapshotFormatError);
  assert.throws(() => readBack([Buffer.concat([whole!, whole!])]), /stores must be in name order, once each/);
  assert.throws(() => readBack([Buffer.alloc(0)]), /holds no store/);
});
