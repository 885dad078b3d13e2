/** Unit tests for uvarint coding and the streaming frame decoder. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { FrameDecoder, FramingError, decodeUvarint, encodeFrame, encodeUvarint } from "./framing.js";

const VECTORS: [bigint, number[]][] = [
  [0n, [0x00]],
  [1n, [0x01]],
  [127n, [0x7f]],
  [128n, [0x80, 0x01]],
  [300n, [0xac, 0x02]],
  [2n ** 32n, [0x80, 0x80, 0x80, 0x80, 0x10]],
  [2n ** 53n - 1n, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]],
  [2n ** 64n - 1n, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]],
];

test("uvarint encodes and decodes known vectors", () => {
  for (const [value, bytes] of VECTORS) {
    assert.deepEqual([...encodeUvarint(value)], bytes, `encode ${value}`);
    assert.deepEqual(decodeUvarint(Uint8Array.from(bytes)), { value, bytesRead: bytes.length }, `decode ${value}`);
  }
  assert.deepEqual([...encodeUvarint(2 ** 53 - 1)], VECTORS[6]![1], "number input");
  assert.throws(() => encodeUvarint(-1), RangeError);
});

test("uvarint decode waits on truncated input and rejects malformed input", () => {
  assert.equal(decodeUvarint(Uint8Array.from([0x80, 0x80])), undefined);
  assert.deepEqual(decodeUvarint(Uint8Array.from([9, 0xac, 0x02]), 1), { value: 300n, bytesRead: 2 });
  assert.throws(() => decodeUvarint(new Uint8Array(11).fill(0x80)), /longer than 10 bytes/);
  assert.throws(() => decodeUvarint(Uint8Array.from([...new Array(9).fill(0xff), 0x02])), /overflows 64 bits/);
});

test("decoder reassembles a frame delivered one byte at a time", () => {
  const payload = Buffer.from("hello, abci");
  const wire = Buffer.concat([encodeFrame(payload), encodeFrame(Buffer.alloc(0))]);
  const decoder = new FrameDecoder();
  const frames: Buffer[] = [];
  for (const byte of wire) frames.push(...decoder.push(Buffer.from([byte])));
  assert.deepEqual(frames, [payload, Buffer.alloc(0)]);
  assert.equal(decoder.bufferedBytes, 0);
});

test("decoder splits many frames from one chunk, keeping a trailing partial frame", () => {
  const payloads = Array.from({ length: 1000 }, (_, i) => Buffer.from(`frame-${i}`.repeat(i % 50)));
  const wire = Buffer.concat(payloads.map((p) => encodeFrame(p)));
  const decoder = new FrameDecoder();
  const first = decoder.push(wire.subarray(0, wire.length - 3));
  const rest = decoder.push(wire.subarray(wire.length - 3));
  assert.deepEqual([...first, ...rest], payloads);
  assert.equal(rest.length, 1);
});

test("decoder handles an 8 MiB frame in 64 KiB chunks without quadratic copying", () => {
  const payload = Buffer.alloc(8 * 1024 * 1024);
  for (let i = 0; i < payload.length; i += 4093) payload[i] = i & 0xff;
  const wire = encodeFrame(payload);
  const decoder = new FrameDecoder();
  const started = performance.now();
  const frames: Buffer[] = [];
  for (let off = 0; off < wire.length; off += 65536) frames.push(...decoder.push(wire.subarray(off, off + 65536)));
  assert.equal(frames.length, 1);
  assert.ok(frames[0]!.equals(payload));
  assert.ok(performance.now() - started < 1000, "reassembly should be linear");
});

test("decoder rejects malformed prefixes and oversized frames", () => {
  assert.throws(() => new FrameDecoder().push(Buffer.alloc(11, 0xff)), FramingError);
  assert.throws(() => new FrameDecoder(1024).push(encodeUvarint(1025)), /exceeds maximum of 1024/);
  // Typical garbage: high bytes decode as an enormous length.
  assert.throws(() => new FrameDecoder().push(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x7f])), /exceeds maximum/);
  assert.deepEqual(new FrameDecoder(4).push(encodeFrame(Buffer.from("abcd"))), [Buffer.from("abcd")]);
});
