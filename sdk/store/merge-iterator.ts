/**
 * Iterates a parent's entries with a layer of local writes on top (a value, or null for a
 * deletion), in key order, so branches and the pending block layer read as one store. Local
 * values are bytes, or latin1 strings of them (see CommitStore).
 */
import { inRange, keyToString, stringToKey } from "./keys.js";

export function* mergeIterator(
  parent: Iterable<[Uint8Array, Uint8Array]>,
  local: Map<string, Uint8Array | string | null>,
  start: Uint8Array | undefined,
  end: Uint8Array | undefined,
  reverse: boolean,
): Generator<[Uint8Array, Uint8Array]> {
  const lo = start && keyToString(start);
  const hi = end && keyToString(end);
  const localKeys = [...local.keys()].filter((k) => inRange(k, lo, hi)).sort();
  if (reverse) localKeys.reverse();
  const before = (a: string, b: string) => (reverse ? a > b : a < b);
  let i = 0;
  for (const [key, value] of parent) {
    const k = keyToString(key);
    while (i < localKeys.length && before(localKeys[i]!, k)) {
      const v = local.get(localKeys[i]!);
      if (v != null) yield [stringToKey(localKeys[i]!), bytesOf(v)];
      i++;
    }
    if (i < localKeys.length && localKeys[i] === k) {
      const v = local.get(k);
      if (v != null) yield [key, bytesOf(v)];
      i++;
      continue;
    }
    if (!local.has(k)) yield [key, value];
  }
  for (; i < localKeys.length; i++) {
    const v = local.get(localKeys[i]!);
    if (v != null) yield [stringToKey(localKeys[i]!), bytesOf(v)];
  }
}

function bytesOf(value: Uint8Array | string): Uint8Array {
  return typeof value === "string" ? stringToKey(value) : value;
}
