/**
 * Blocks of balance writes on a built store: each write updates a random existing key (80%) or
 * adds a new one (20%), optionally reading the key first as a transfer does. A block's keys and
 * values are made before its clock starts: hashing addresses is the bench's work, not the store's.
 */
import type { RootMultiStore } from "../../sdk/store/multistore.js";
import { prngInt } from "../../test/support/prng.js";
import { BALANCES_STORE, balanceKey, balanceValue } from "./shape.js";

export const UPDATE_SHARE = 0.8;

export interface BlockTiming {
  writes: number;
  /** Reads and writes into the pending layer. */
  writeNanos: bigint;
  /** workingHash (the app hash FinalizeBlock returns) and commit. */
  commitNanos: bigint;
}

export class BalanceWorkload {
  private readonly random = prngInt(7);
  private version: bigint;

  constructor(
    readonly store: RootMultiStore,
    /** Keys 0..keys-1 exist. */
    public keys: number,
  ) {
    this.version = store.lastCommitId().version;
  }

  /** A random existing key's index. */
  existingKey(): number {
    return this.random(this.keys);
  }

  /** Runs one block of `writes` writes (each read first when `readFirst`) and commits it. */
  block(writes: number, readFirst = false): BlockTiming {
    const version = ++this.version;
    const keys: Buffer[] = [];
    const values: Buffer[] = [];
    let next = this.keys;
    for (let w = 0; w < writes; w++) {
      const i = this.random(1_000_000) < UPDATE_SHARE * 1_000_000 ? this.existingKey() : next++;
      keys.push(balanceKey(i));
      values.push(balanceValue(i, Number(version)));
    }
    this.keys = next;

    const balances = this.store.getKVStore(BALANCES_STORE);
    const start = process.hrtime.bigint();
    for (let w = 0; w < writes; w++) {
      if (readFirst) balances.get(keys[w]!);
      balances.set(keys[w]!, values[w]!);
    }
    const written = process.hrtime.bigint();
    this.store.workingHash();
    this.store.commit(version);
    const committed = process.hrtime.bigint();
    return { writes, writeNanos: written - start, commitNanos: committed - written };
  }
}
