/**
 * One module's committed store: the flat state in the database, a pending layer with the
 * current block's writes (kept in memory until Commit), and the Merkle tree whose root
 * commits to the state.
 */
import type { CommitmentProof, ExistenceProof } from "cosmjs-types/cosmos/ics23/v1/proofs";
import type { BinaryDatabase, StateDatabase, WriteBatch } from "./database.js";
import { sha256 } from "./hash.js";
import type { StoreHistory } from "./history.js";
import { keyToString, MAX_KEY_BYTES, stringToKey } from "./keys.js";
import { mergeIterator } from "./merge-iterator.js";
import { proveKey } from "./proof/prove.js";
import { RecordList, VarRecordList } from "./records.js";
import { applyChanges, buildTree, isEmptyHash, NODE_KEY_SIZE, type LeafChange, type NodeRef, type NodeSink } from "./smt.js";
import { nodeKeyOf, nodeValueOf, stageNodes, type NodeCache } from "./tree-nodes.js";
import type { KVReader, KVStore, Latin1Writes } from "./types.js";

/** Writes of a first tree's nodes per database transaction. */
const NODE_WRITES = 100_000;

export interface StagedTree {
  root: NodeRef;
  /** The nodes the pending writes create, or undefined when already written (a first tree). */
  nodes: VarRecordList | undefined;
  /** The keys of the committed nodes the new tree replaces. */
  orphans: RecordList;
}

/**
 * How many committed values a store keeps after reading them. A block reads the same accounts
 * and balances several times per tx (and CheckTx again); the cache answers those without a
 * database read and hands back the same bytes, so decoded-value caches keyed by them hit.
 */
const READ_CACHE_ENTRIES = 100_000;

export class CommitStore implements KVStore, Latin1Writes {
  /**
   * The block's writes: values as latin1 strings (null: deleted). A string costs 16 bytes plus
   * its length; a small Uint8Array several times that, and a genesis holds millions of them.
   */
  private pending = new Map<string, string | null>();
  private staged: StagedTree | undefined;
  /** Committed values (null: absent) by key; only Commit changes committed state. */
  private readonly reads = new Map<string, Uint8Array | null>();

  constructor(
    readonly name: string,
    private readonly database: StateDatabase,
    private readonly flat: BinaryDatabase,
    private readonly nodes: NodeCache,
    private readonly history: StoreHistory,
    private committedRoot: NodeRef,
    /** The version new tree nodes are stored under: the one after the last commit. */
    private nodeVersion: number,
  ) {}

  get root(): Buffer {
    return this.committedRoot.hash;
  }

  /** The last committed tree's root: its hash and where its node is stored. */
  get committedRef(): NodeRef {
    return this.committedRoot;
  }

  get(key: Uint8Array): Uint8Array | undefined {
    const k = keyToString(key);
    const local = this.pending.get(k);
    if (local !== undefined) return local === null ? undefined : stringToKey(local);
    return this.readCommitted(k, key);
  }

  has(key: Uint8Array): boolean {
    return this.get(key) !== undefined;
  }

  set(key: Uint8Array, value: Uint8Array): void {
    checkKey(key.length);
    this.pending.set(keyToString(key), keyToString(value));
    this.staged = undefined;
  }

  delete(key: Uint8Array): void {
    this.pending.set(keyToString(key), null);
    this.staged = undefined;
  }

  writeLatin1(key: string, value: Uint8Array | null): void {
    checkKey(key.length);
    this.pending.set(key, value === null ? null : keyToString(value));
    this.staged = undefined;
  }

  iterator(start?: Uint8Array, end?: Uint8Array, reverse = false): Iterable<[Uint8Array, Uint8Array]> {
    return mergeIterator(flatRange(this.flat, start, end, reverse), this.pending, start, end, reverse);
  }

  /** The last committed state alone, for queries that must not see an uncommitted block. */
  committed(): KVReader {
    const get = (key: Uint8Array) => this.readCommitted(keyToString(key), key);
    return {
      get,
      has: (key) => get(key) !== undefined,
      iterator: (start, end, reverse = false) => flatRange(this.flat, start, end, reverse),
    };
  }

  /** The existence proof of `key` in the last committed tree; undefined when it is absent. */
  proveExistence(key: Uint8Array): ExistenceProof | undefined {
    return key.length === 0 ? undefined : this.prove(key).exist;
  }

  /** The state at a kept earlier `version`, whose tree root the caller read from its commit. */
  readerAt(version: bigint, root: NodeRef): KVReader {
    return this.history.readerAt(version, root, this.committed());
  }

  /**
   * An ICS-23 proof (spec: proof/spec.ts) that `key` holds its value, or is absent, in the tree
   * at `root`: the last commit's by default.
   */
  prove(key: Uint8Array, root: NodeRef = this.committedRoot): CommitmentProof {
    return proveKey(root, key, this.nodes.read);
  }

  private readCommitted(k: string, key: Uint8Array): Uint8Array | undefined {
    // Flat state and tree commit together: an empty tree has nothing to read (as in a genesis).
    if (isEmptyHash(this.committedRoot.hash)) return undefined;
    let value = this.reads.get(k);
    if (value === undefined) {
      // LMDB copies the key bytes; a Buffer view would first move a small key off V8's heap.
      value = this.flat.get(key as Buffer) ?? null;
      if (this.reads.size >= READ_CACHE_ENTRIES) this.reads.clear();
      this.reads.set(k, value);
    }
    return value ?? undefined;
  }

  /** The root the tree will have once the pending writes commit (computed once per change set). */
  workingRoot(): NodeRef {
    if (this.pending.size === 0) return this.committedRoot;
    if (!this.staged) {
      const nodes = new VarRecordList();
      const orphans = new RecordList(NODE_KEY_SIZE);
      if (isEmptyHash(this.committedRoot.hash)) {
        // A first tree (a genesis) can have millions of nodes: they are written as they are
        // made rather than held until Commit. Only a root that Commit records reaches them; if
        // none does (a crash, a discarded block) they are unreachable, cleared on open at
        // version 0 and otherwise overwritten by the next tree staged under their version.
        const root = this.buildFirstTree(stageNodes(nodes, NODE_WRITES, () => this.writeNodes(nodes)));
        this.writeNodes(nodes);
        this.staged = { root, nodes: undefined, orphans };
      } else {
        this.staged = { root: this.applyPending(stageNodes(nodes), (key) => orphans.push(key)), nodes, orphans };
      }
    }
    return this.staged.root;
  }

  /** A block's changes applied to the committed tree. */
  private applyPending(sink: NodeSink, orphan: (key: Buffer) => void): NodeRef {
    const changes: LeafChange[] = [];
    for (const [k, value] of this.pending) {
      const key = stringToKey(k);
      changes.push({ key, keyHash: sha256(key), value: value === null ? null : stringToKey(value) });
    }
    changes.sort((a, b) => Buffer.compare(a.keyHash, b.keyHash));
    return applyChanges(this.committedRoot, changes, this.nodes.read, this.nodeVersion, sink, orphan);
  }

  /** The first tree of a store, from its pending writes alone: packed, not per-key objects. */
  private buildFirstTree(sink: NodeSink): NodeRef {
    const keys: string[] = [];
    const values: string[] = [];
    const keyHashes = new RecordList(32);
    for (const [k, value] of this.pending) {
      if (value === null) continue;
      keys.push(k);
      values.push(value);
      keyHashes.push(sha256(stringToKey(k)));
    }
    const order = keyHashes.sortedByHash();
    return buildTree(keyHashes, order, (i) => stringToKey(keys[i]!), (i) => stringToKey(values[i]!), this.nodeVersion, sink);
  }

  private writeNodes(nodes: VarRecordList): void {
    this.database.transaction(() => {
      for (let i = 0; i < nodes.count; i++) this.nodes.db.putSync(nodeKeyOf(nodes, i), nodeValueOf(nodes, i));
    });
    nodes.clear();
  }

  /**
   * Hands the database writes that commit the pending layer as `version` to `batch`, each in key
   * order, with the history that lets earlier versions be read and this one undone (none for a
   * first version: there is nothing earlier).
   */
  writePending(batch: WriteBatch, version: bigint, recordHistory: boolean): void {
    this.workingRoot();
    if (version !== BigInt(this.nodeVersion)) throw new Error(`store ${this.name} staged version ${this.nodeVersion}, not ${version}`);
    const keys = [...this.pending.keys()].sort();
    if (recordHistory && this.staged) this.history.record(batch, version, keys.map(stringToKey), this.staged.orphans);
    // Converted one at a time: a genesis's millions of writes go out in chunks, not all held at once.
    for (const k of keys) batch.write(this.flat, stringToKey(k), this.pendingValue(k));
    const nodes = this.staged?.nodes;
    for (let i = 0; nodes && i < nodes.count; i++) batch.write(this.nodes.db, nodeKeyOf(nodes, i), nodeValueOf(nodes, i));
  }

  /** The pending block's writes in key order (value null: a deletion). */
  pendingWrites(): [Buffer, Buffer | null][] {
    return [...this.pending.keys()].sort().map((k) => [stringToKey(k), this.pendingValue(k)]);
  }

  private pendingValue(k: string): Buffer | null {
    const value = this.pending.get(k)!;
    return value === null ? null : stringToKey(value);
  }

  /** Drops what only versions up to `upTo` needed (inside the caller's transaction). */
  prune(upTo: bigint): void {
    this.history.prune(upTo, this.nodes.db);
  }

  /** Undoes the committed `version` back to the tree at `previousRoot` (inside the caller's transaction). */
  undo(version: bigint, previousRoot: NodeRef): void {
    this.history.undo(version, previousRoot, this.flat, this.nodes.db);
  }

  /** On an empty store: new tree nodes go under `version`, the first this store will commit. */
  setNextVersion(version: bigint): void {
    this.nodeVersion = Number(version);
    this.staged = undefined;
  }

  /** Called once the database transaction holding `writePending()` is durable as `version`. */
  markCommitted(version: bigint): void {
    this.committedRoot = this.workingRoot();
    this.nodeVersion = Number(version) + 1;
    const nodes = this.staged?.nodes;
    // The new nodes are the next block's path to the root.
    if (nodes && nodes.count <= this.nodes.capacity / 4) {
      for (let i = 0; i < nodes.count; i++) this.nodes.remember(keyToString(nodeKeyOf(nodes, i)), Buffer.from(nodeValueOf(nodes, i)));
    }
    if (this.reads.size + this.pending.size > READ_CACHE_ENTRIES) this.reads.clear();
    else for (const [k, value] of this.pending) this.reads.set(k, value === null ? null : stringToKey(value));
    this.pending = new Map();
    this.staged = undefined;
  }

  /** Drops the pending block (a FinalizeBlock that is never committed). */
  discardPending(): void {
    this.pending = new Map();
    this.staged = undefined;
  }
}

function checkKey(length: number): void {
  if (length === 0) throw new Error("store keys must not be empty");
  if (length > MAX_KEY_BYTES) throw new Error(`store key of ${length} bytes: keys are at most ${MAX_KEY_BYTES} bytes`);
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
