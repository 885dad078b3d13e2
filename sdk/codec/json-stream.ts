/**
 * JSON text written piece by piece: the text `JSON.stringify(value, null, indent)` gives, except
 * that a LazyList is written one element at a time as it yields them. An export of millions of
 * accounts then never exists as one string, nor as all its account objects at once.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { LazyList } from "./lazy-list.js";

/** How much text is gathered before one write to the stream. */
const WRITE_SIZE = 1 << 16;

/**
 * The JSON text of `value` in pieces. Elements of a LazyList are each stringified whole (they are
 * expected to be small: an account, a balance); everything around them is walked piece by piece.
 */
export function* jsonChunks(value: unknown, indent = 2): Generator<string> {
  const gap = " ".repeat(Math.max(0, Math.min(10, indent)));
  const top = toJsonValue(value, "");
  if (isUnrepresentable(top)) return;
  yield* chunksOf(top, "", gap, new Set());
}

/** Writes the JSON text of `value` to `stream`, waiting whenever the stream asks to. */
export async function writeJson(stream: Writable, value: unknown, indent = 2): Promise<void> {
  let parts: string[] = [];
  let size = 0;
  const flush = async () => {
    const ok = stream.write(parts.join(""));
    parts = [];
    size = 0;
    if (!ok) await once(stream, "drain");
  };
  for (const chunk of jsonChunks(value, indent)) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= WRITE_SIZE) await flush();
  }
  if (size > 0) await flush();
}

function* chunksOf(value: unknown, pad: string, gap: string, ancestors: Set<object>): Generator<string> {
  if (typeof value !== "object" || value === null) {
    yield JSON.stringify(value);
    return;
  }
  if (ancestors.has(value)) throw new TypeError("Converting circular structure to JSON");
  ancestors.add(value);
  if (value instanceof LazyList) yield* listChunks(value, pad, gap, (item, inner) => [stringifyAt(item, inner, gap)]);
  else if (Array.isArray(value)) yield* listChunks(value, pad, gap, (item, inner, index) => itemChunks(toJsonValue(item, String(index)), inner, gap, ancestors));
  else yield* objectChunks(value as Record<string, unknown>, pad, gap, ancestors);
  ancestors.delete(value);
}

function* listChunks(
  items: Iterable<unknown>,
  pad: string,
  gap: string,
  item: (value: unknown, inner: string, index: number) => Iterable<string>,
): Generator<string> {
  const inner = pad + gap;
  const separator = gap ? "\n" + inner : "";
  let index = 0;
  for (const value of items) {
    yield (index === 0 ? "[" : ",") + separator;
    yield* item(value, inner, index++);
  }
  yield index === 0 ? "[]" : (gap ? "\n" + pad : "") + "]";
}

function* itemChunks(value: unknown, pad: string, gap: string, ancestors: Set<object>): Generator<string> {
  if (isUnrepresentable(value)) yield "null";
  else yield* chunksOf(value, pad, gap, ancestors);
}

function* objectChunks(object: Record<string, unknown>, pad: string, gap: string, ancestors: Set<object>): Generator<string> {
  const inner = pad + gap;
  const separator = gap ? "\n" + inner : "";
  let first = true;
  for (const key of Object.keys(object)) {
    const value = toJsonValue(object[key], key);
    if (isUnrepresentable(value)) continue;
    yield (first ? "{" : ",") + separator + JSON.stringify(key) + (gap ? ": " : ":");
    first = false;
    yield* chunksOf(value, inner, gap, ancestors);
  }
  yield first ? "{}" : (gap ? "\n" + pad : "") + "}";
}

/** What JSON.stringify serializes in place of `value`: its toJSON() result, unboxed primitives. */
function toJsonValue(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null || value instanceof LazyList) return value;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  return unbox(typeof toJSON === "function" ? toJSON.call(value, key) : value);
}

function unbox(value: unknown): unknown {
  if (value instanceof Number || value instanceof String || value instanceof Boolean || value instanceof BigInt) return value.valueOf();
  return value;
}

/** Values JSON leaves out of an object and writes as null in an array. */
function isUnrepresentable(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/** JSON.stringify of a value written at indentation `pad`. */
function stringifyAt(value: unknown, pad: string, gap: string): string {
  const text = JSON.stringify(value, null, gap) as string | undefined;
  if (text === undefined) return "null";
  return pad && gap ? text.replaceAll("\n", "\n" + pad) : text;
}
