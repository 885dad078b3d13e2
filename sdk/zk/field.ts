/**
 * The BN254 scalar field Fr, in which every circuit value, hash and public input lives, and its
 * 32-byte big-endian encoding (gnark's fr.Element.Bytes / SetBytesCanonical).
 */

/** r, the order of BN254's G1 and G2 subgroups. */
export const FR_ORDER = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

export const FR_BYTES = 32;

/** x mod r, in [0, r), also for negative x. */
export function frMod(x: bigint): bigint {
  const m = x % FR_ORDER;
  return m < 0n ? m + FR_ORDER : m;
}

/** True if x is a canonical field element: 0 <= x < r. */
export function isFr(x: bigint): boolean {
  return x >= 0n && x < FR_ORDER;
}

/**
 * Parses a canonical field element from a decimal string or a bigint. Throws, naming `what`,
 * for anything else: silent reduction mod r would let two different inputs mean the same value.
 */
export function parseFr(value: unknown, what: string): bigint {
  let x: bigint;
  if (typeof value === "bigint") x = value;
  else if (typeof value === "number" && Number.isSafeInteger(value)) x = BigInt(value);
  else if (typeof value === "string" && /^(0|[1-9][0-9]*)$/.test(value)) x = BigInt(value);
  else throw new Error(`${what} must be a field element as a decimal string (got ${describe(value)})`);
  if (!isFr(x)) throw new Error(`${what} must be below the BN254 scalar field order r (got ${x})`);
  return x;
}

/** 32 bytes, big-endian, as gnark serializes an fr.Element. */
export function frToBytes(x: bigint): Uint8Array {
  if (!isFr(x)) throw new Error(`not a field element: ${x}`);
  const out = new Uint8Array(FR_BYTES);
  for (let i = FR_BYTES - 1, v = x; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}

/** Big-endian bytes to an unsigned integer, not reduced. */
export function bytesToBigint(bytes: Uint8Array): bigint {
  let x = 0n;
  for (const b of bytes) x = (x << 8n) | BigInt(b);
  return x;
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  return typeof value === "number" ? String(value) : typeof value;
}
