import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import fc from "fast-check";
import { jsonChunks, writeJson } from "./json-stream.js";
import { LazyList, lazyMap } from "./lazy-list.js";

const text = (value: unknown, indent?: number) => [...jsonChunks(value, indent)].join("");

/** JSON values in which some arrays are lazy lists, as an export's app state is. */
const withLazyLists = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie("value")),
    fc.array(tie("value")).map((items) => new LazyList(() => items)),
    fc.dictionary(fc.string(), fc.oneof(tie("value"), fc.constant(undefined))),
  ),
})).value;

test("the streamed text is exactly JSON.stringify's, lazy lists written as the arrays they stand for", () => {
  fc.assert(
    fc.property(withLazyLists, fc.constantFrom(0, 2, 4), (value, indent) => {
      assert.equal(text(value, indent), JSON.stringify(value, null, indent));
    }),
  );
});

test("what JSON leaves out or turns into null is left out or null here too", () => {
  const value = {
    gone: undefined,
    fn: () => 1,
    list: [undefined, () => 1, Symbol("s"), 1],
    when: new Date(0),
    boxed: [new Number(3), new String("s"), new Boolean(false)],
    custom: { toJSON: (key: string) => ({ key, nested: new LazyList(() => [1, 2]) }) },
    lazy: lazyMap(() => [{ a: 1 }, { b: [1, { c: undefined }] }], (x) => ({ ...x, extra: new LazyList(() => ["y"]) })),
    empty: new LazyList(() => []),
    emptyObject: {},
  };
  for (const indent of [0, 2, 3]) assert.equal(text(value, indent), JSON.stringify(value, null, indent));
  assert.equal(text(undefined), "");
});

test("a lazy list is read only while it is written, and each writing reads it afresh", () => {
  let reads = 0;
  const list = new LazyList(function* () {
    reads++;
    yield 1;
    yield 2;
  });
  const chunks = jsonChunks({ list }, 0);
  assert.equal(reads, 0);
  assert.equal([...chunks].join(""), '{"list":[1,2]}');
  assert.equal(text({ list }, 0), '{"list":[1,2]}');
  assert.equal(reads, 2);
});

test("a circular structure is refused as JSON.stringify refuses it", () => {
  const loop: Record<string, unknown> = {};
  loop.self = loop;
  assert.throws(() => text(loop), TypeError);
});

test("writeJson waits for a slow reader and delivers every byte of a large list", async () => {
  const stream = new PassThrough({ highWaterMark: 1024 });
  const received: Buffer[] = [];
  const value = { accounts: lazyMap(() => Array.from({ length: 20_000 }, (_, i) => i), (i) => ({ address: `agora1${i}`, sequence: String(i) })) };
  const reading = (async () => {
    for await (const chunk of stream) {
      received.push(chunk as Buffer);
      await new Promise((r) => setImmediate(r));
    }
  })();
  await writeJson(stream, value);
  stream.end();
  await reading;
  assert.equal(Buffer.concat(received).toString("utf8"), JSON.stringify(value, null, 2));
});
