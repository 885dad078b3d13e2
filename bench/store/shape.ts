/**
 * Keys and values shaped like the bank module's balances: key 0x02 | 20 | address (20 bytes) |
 * "uagora" (28 bytes), value a 40-byte amount. Key i is the same on every run, so a store of n
 * keys holds keys 0..n-1 and a new key is the next index.
 */
import { createHash } from "node:crypto";

export const BENCH_STORES = ["acc", "bank"];
export const BALANCES_STORE = "bank";

const DENOM = Buffer.from("uagora");
export const KEY_BYTES = 2 + 20 + DENOM.length;
export const VALUE_BYTES = 40;

export function balanceKey(i: number): Buffer {
  const key = Buffer.alloc(KEY_BYTES);
  key[0] = 0x02;
  key[1] = 20;
  const index = Buffer.alloc(8);
  index.writeDoubleBE(i);
  createHash("sha256").update(index).digest().copy(key, 2, 0, 20);
  DENOM.copy(key, 22);
  return key;
}

/** Key i's amount after `writes` updates, as a zero-padded decimal (an amount's digits). */
export function balanceValue(i: number, writes: number): Buffer {
  return Buffer.from(`${i}:${writes}`.padStart(VALUE_BYTES, "0"));
}
