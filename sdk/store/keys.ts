/**
 * Byte keys as latin1 strings: one char a byte, so a JS string comparison is a byte-wise key
 * comparison and a Map can index by key without hashing bytes by hand.
 */

/**
 * The longest store key: keys are stored in tree leaves and, escaped, in the history index,
 * whose database keys LMDB bounds (at 1978 bytes).
 */
export const MAX_KEY_BYTES = 512;

export function keyToString(key: Uint8Array): string {
  // Store keys are short. Reading `key.buffer` of a small typed array V8 keeps on its heap (as
  // freshly encoded keys are) first moves its bytes out to a new ArrayBuffer: ten times the cost.
  if (key.length <= 1024) return String.fromCharCode.apply(null, key as unknown as number[]);
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString("latin1");
}

export function stringToKey(s: string): Buffer {
  return Buffer.from(s, "latin1");
}

/** True when key lies in [start, end), an absent bound being open. */
export function inRange(key: string, start: string | undefined, end: string | undefined): boolean {
  return (start === undefined || key >= start) && (end === undefined || key < end);
}

/** The smallest key greater than every key with this prefix, or undefined when there is none. */
export function prefixEnd(prefix: Uint8Array): Uint8Array | undefined {
  const end = Uint8Array.from(prefix);
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i]! < 0xff) {
      end[i]!++;
      return end.subarray(0, i + 1);
    }
  }
  return undefined;
}
