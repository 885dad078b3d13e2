/**
 * A large bank-like state written with the store directly (no genesis, no txs): balance entries
 * keyed as the bank module keys them (0x02, address length, 20-byte address, denom), for
 * snapshot benches and crash tests that need many keys fast.
 */
import { createHash } from "node:crypto";
import type { KVStore } from "../../sdk/store/types.js";

const DENOM = Buffer.from("uagora");

/** The balance key of account `i`: its address is derived from `i`, so any run writes the same. */
export function bankLikeKey(i: number): Buffer {
  const address = createHash("sha256").update(`account-${i}`).digest().subarray(0, 20);
  return Buffer.concat([Buffer.from([0x02, 20]), address, DENOM]);
}

/** Writes `count` balances (accounts `from` .. `from + count - 1`) to `store`'s pending layer. */
export function writeBankLikeBalances(store: KVStore, count: number, from = 0, amount = 1_000_000_000n): void {
  const value = Buffer.from(amount.toString());
  for (let i = from; i < from + count; i++) store.set(bankLikeKey(i), value);
}
