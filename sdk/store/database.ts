/**
 * The embedded database (LMDB): one environment under the node's home with named databases for
 * each module store's flat state and its state tree's nodes, and one for commit metadata. LMDB gives
 * synchronous reads from a memory map and atomic, durable write transactions.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { open, type Database, type RootDatabase } from "lmdb";
import { DiskFullError, isDiskFull } from "./disk-full.js";

export type BinaryDatabase = Database<Buffer, Buffer>;

export class StateDatabase {
  readonly env: RootDatabase<Buffer, Buffer>;
  readonly meta: BinaryDatabase;
  private readonly named = new Map<string, BinaryDatabase>();

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.env = open<Buffer, Buffer>({ path, maxDbs: 128, keyEncoding: "binary", encoding: "binary" });
    this.meta = this.open("meta");
  }

  /** The flat (latest) key-value state of one module store. */
  flat(storeName: string): BinaryDatabase {
    return this.open(`kv/${storeName}`);
  }

  /** The state tree nodes of one module store (their keys are only unique within a store). */
  nodes(storeName: string): BinaryDatabase {
    return this.open(`tree/${storeName}`);
  }

  /** The keys each kept version of one store changed, by version. */
  changes(storeName: string): BinaryDatabase {
    return this.open(`log/${storeName}`);
  }

  /** The tree nodes each kept version of one store replaced, by version. */
  orphans(storeName: string): BinaryDatabase {
    return this.open(`orphans/${storeName}`);
  }

  /** One record per kept block, by height (the block stream's retained window). */
  blocks(): BinaryDatabase {
    return this.open("blocks");
  }

  private open(name: string): BinaryDatabase {
    const db = this.named.get(name);
    if (db) return db;
    const opened = this.env.openDB<Buffer, Buffer>({ name, keyEncoding: "binary", encoding: "binary" });
    this.named.set(name, opened);
    return opened;
  }

  /**
   * Runs writes as one atomic, durable transaction. A full disk fails it whole, as a
   * DiskFullError: the last committed version stays as it was.
   */
  transaction(writes: () => void): void {
    try {
      this.env.transactionSync(writes);
    } catch (err) {
      if (isDiskFull(err, this.path)) throw new DiskFullError(this.path, { cause: err });
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.env.close();
  }
}

/**
 * Writes applied in transactions of at most `limit` writes each (Infinity: all of them in one,
 * at `finish`). Keys and values are kept by reference until applied.
 */
export class WriteBatch {
  private dbs: BinaryDatabase[] = [];
  private keys: Uint8Array[] = [];
  private values: (Uint8Array | null)[] = [];

  constructor(
    private readonly database: StateDatabase,
    private readonly limit: number,
  ) {}

  /** Puts `value` under `key`, or removes `key` when value is null. */
  write(db: BinaryDatabase, key: Uint8Array, value: Uint8Array | null): void {
    this.dbs.push(db);
    this.keys.push(key);
    this.values.push(value);
    if (this.dbs.length >= this.limit) this.flush();
  }

  /** Applies the remaining writes and then `last`, in one transaction. */
  finish(last: () => void): void {
    this.flush(last);
  }

  private flush(last?: () => void): void {
    const { dbs, keys, values } = this;
    this.dbs = [];
    this.keys = [];
    this.values = [];
    this.database.transaction(() => {
      for (let i = 0; i < dbs.length; i++) {
        const value = values[i]!;
        if (value === null) dbs[i]!.removeSync(keys[i] as Buffer);
        else dbs[i]!.putSync(keys[i] as Buffer, value as Buffer);
      }
      last?.();
    });
  }
}
