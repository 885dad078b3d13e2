/**
 * One module's committed store: the flat state in the database, a pending layer with the
 * current block's writes (kept in memory until Commit), and the Merkle tree whose root
 * commits to the state.
 */
import type { BinaryDatabase } from "./database.js";
import { sha256 } from "./hash.js";
import { keyToString, stringToKey } from "./keys.js";
import { mergeIterator } from "./merge-iterator.js";
import { applyChanges, type LeafChange } from "./smt.js";
import type { KVReader, KVStore } from "./types.js";

/** Tree nodes read from the database, with a bounded cache of the hot top of the tree. */
export class NodeCache {
  private readonly cache = new Map<string, Uint8Array>();
  constructor(
    private readonly db: BinaryDatabase,
    private readonly capacity = 200_000,
  ) {}

  read = (hash: Buffer): Uint8Array | undefined => {
    const key = hash.toString("latin1");
    let node = this.cache.get(key);
    if (node) return node;
    node = this.db.get(hash);
    if (node) this.remember(key, node);
    return node;
  };

  remember(key: string, node: Uint8Array): void {
    if (this.cache.size >= this.capacity) this.cache.clear();
    this.cache.set(key, node);
  }
}

export interface StagedTree {
  root: Buffer;
  nodes: Map<string, Buffer>;
}

export class CommitStore implements KVStore {
  private pending = new Map<string, Uint8Array | null>();
  private staged: StagedTree | undefined;

  constructor(
    readonly name: string,
    private readonly flat: BinaryDatabase,
    private readonly nodes: NodeCache,
    private committedRoot: Buffer,
  ) {}

  get root(): Buffer {
    return this.committedRoot;
  }

  get(key: Uint8Array): Uint8Array | undefined {
    const local = this.pending.get(keyToString(key));
    if (local !== undefined) return local ?? undefined;
    return this.flat.get(Buffer.from(key.buffer, key.byteOffset, key.byteLength));
  }

  has(key: Uint8Array): boolean {
    return this.get(key) !== undefined;
  }

  set(key: Uint8Array, value: Uint8Array): void {
    if (key.length === 0) throw new Error("store keys must not be empty");
    this.pending.set(keyToString(key), value);
    this.staged = undefined;
  }

  delete(key: Uint8Array): void {
    this.pending.set(keyToString(key), null);
    this.staged = undefined;
  }

  iterator(start?: Uint8Array, end?: Uint8Array, reverse = false): Iterable<[Uint8Array, Uint8Array]> {
    return mergeIterator(flatRange(this.flat, start, end, reverse), this.pending, start, end, reverse);
  }

  /** The last committed state alone, for queries that must not see an uncommitted block. */
  committed(): KVReader {
    const flat = this.flat;
    return {
      get: (key) => flat.get(Buffer.from(key)),
      has: (key) => flat.get(Buffer.from(key)) !== undefined,
      iterator: (start, end, reverse = false) => flatRange(flat, start, end, reverse),
    };
  }

  /** The root the tree will have once the pending writes commit (computed once per change set). */
  workingRoot(): Buffer {
    if (this.pending.size === 0) return this.committedRoot;
    if (!this.staged) {
      const keys = [...this.pending.keys()];
      const changes: LeafChange[] = keys.map((k) => {
        const value = this.pending.get(k)!;
        return { keyHash: sha256(stringToKey(k)), valueHash: value ? sha256(value) : null };
      });
      const order = changes.map((c, i) => [c.keyHash.toString("latin1"), i] as const);
      order.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const sorted = order.map(([, i]) => changes[i]!);
      const nodes = new Map<string, Buffer>();
      const root = applyChanges(this.committedRoot, sorted, this.nodes.read, nodes);
      this.staged = { root, nodes };
    }
    return this.staged.root;
  }

  /** The database writes that commit the pending layer: flat entries and new tree nodes. */
  pendingWrites(): { flat: Map<string, Uint8Array | null>; nodes: Map<string, Buffer>; root: Buffer } {
    const root = this.workingRoot();
    return { flat: this.pending, nodes: this.staged?.nodes ?? new Map(), root };
  }

  /** Called once the database transaction holding `pendingWrites()` is durable. */
  markCommitted(): void {
    this.committedRoot = this.workingRoot();
    for (const [k, node] of this.staged?.nodes ?? []) this.nodes.remember(k, node);
    this.pending = new Map();
    this.staged = undefined;
  }

  /** Drops the pending block (a FinalizeBlock that is never committed). */
  discardPending(): void {
    this.pending = new Map();
    this.staged = undefined;
  }
}

function flatRange(
  db: BinaryDatabase,
  start: Uint8Array | undefined,
  end: Uint8Array | undefined,
  reverse: boolean,
): Iterable<[Uint8Array, Uint8Array]> {
  const range = db.getRange({
    ...(start ? { start: Buffer.from(start) } : {}),
    ...(end ? { end: Buffer.from(end) } : {}),
  });
  const entries = range.map(({ key, value }): [Uint8Array, Uint8Array] => [key, value]);
  // LMDB's reverse ranges bound differently; a descending scan reverses the ascending one.
  return reverse ? [...entries].reverse() : entries;
}
