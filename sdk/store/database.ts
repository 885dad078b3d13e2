/**
 * The embedded database (LMDB): one environment under the node's home with a named database per
 * module's flat state, one for the state tree's nodes and one for commit metadata. LMDB gives
 * synchronous reads from a memory map and atomic, durable write transactions.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { open, type Database, type RootDatabase } from "lmdb";

export type BinaryDatabase = Database<Buffer, Buffer>;

export class StateDatabase {
  readonly env: RootDatabase<Buffer, Buffer>;
  readonly nodes: BinaryDatabase;
  readonly meta: BinaryDatabase;
  private readonly flats = new Map<string, BinaryDatabase>();

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.env = open<Buffer, Buffer>({ path, maxDbs: 128, keyEncoding: "binary", encoding: "binary" });
    this.nodes = this.open("tree-nodes");
    this.meta = this.open("meta");
  }

  /** The flat (latest) key-value state of one module store. */
  flat(storeName: string): BinaryDatabase {
    let db = this.flats.get(storeName);
    if (!db) {
      db = this.open(`kv/${storeName}`);
      this.flats.set(storeName, db);
    }
    return db;
  }

  private open(name: string): BinaryDatabase {
    return this.env.openDB<Buffer, Buffer>({ name, keyEncoding: "binary", encoding: "binary" });
  }

  /** Runs writes as one atomic, durable transaction. */
  transaction(writes: () => void): void {
    this.env.transactionSync(writes);
  }

  async close(): Promise<void> {
    await this.env.close();
  }
}
