/**
 * The root multistore: one committed store per module, and the app hash as a Merkle root over
 * the stores' roots. Commit writes every store's block in one database transaction, so a crash
 * at any moment leaves either the previous version or the new one, never a mix.
 */
import type { ProofOps } from "cosmjs-types/tendermint/crypto/proof";
import { CacheStore } from "./cache.js";
import { CommitStore } from "./commit-store.js";
import { StateDatabase, WriteBatch } from "./database.js";
import { StoreHistory, versionBytes } from "./history.js";
import { merkleRoot, proveStoreRoot, storeLeaf, storeProofOps } from "./proof/multistore.js";
import { PRUNE_NOTHING, type PruningOptions } from "./pruning.js";
import { EMPTY_TREE, NODE_KEY_SIZE, type NodeRef } from "./smt.js";
import { NodeCache } from "./tree-nodes.js";
import type { CacheKVStore, CacheMultiStore, CommitId, KVReader, KVStore } from "./types.js";

const LATEST_KEY = Buffer.from("latest");
const EARLIEST_KEY = Buffer.from("earliest");
/** Writes per transaction of the first commit (a genesis); see `commit`. */
const CHUNK_WRITES = 100_000;

/** A version that is not (or no longer) in the store. */
export class StoreVersionError extends Error {
  override name = "StoreVersionError";
}

export interface MultiStoreOptions {
  pruning?: PruningOptions;
}

/** Read-only state of every store at one version. */
export interface VersionView {
  version: bigint;
  getKVStore(name: string): KVReader;
}

export class RootMultiStore {
  private stores = new Map<string, CommitStore>();
  private last: CommitId = { version: 0n, hash: new Uint8Array() };
  private earliest = 0n;
  private nextVersion = 1n;
  private readonly held = new Map<bigint, number>();
  private readonly pruning: PruningOptions;

  private constructor(
    private readonly db: StateDatabase,
    private readonly names: string[],
    options: MultiStoreOptions,
  ) {
    this.pruning = options.pruning ?? PRUNE_NOTHING;
    const latest = db.meta.get(LATEST_KEY);
    const version = latest ? latest.readBigUInt64BE(0) : 0n;
    if (version === 0n) this.clearUncommitted();
    this.load(version);
  }

  /** Opens (or creates) the state database at `path` with the given module stores. */
  static open(path: string, storeNames: string[], options: MultiStoreOptions = {}): RootMultiStore {
    return new RootMultiStore(new StateDatabase(path), storeNames, options);
  }

  /** The stores as committed at `version` (0: empty). */
  private load(version: bigint): void {
    const roots = version === 0n ? new Map<string, NodeRef>() : this.readCommitInfo(version);
    this.stores = new Map();
    for (const name of [...this.names].sort()) {
      const nodes = new NodeCache(this.db.nodes(name));
      const history = new StoreHistory(this.db.changes(name), this.db.orphans(name), nodes.read);
      this.stores.set(name, new CommitStore(name, this.db, this.db.flat(name), nodes, history, roots.get(name) ?? EMPTY_TREE, Number(version) + 1));
    }
    this.last = { version, hash: version === 0n ? new Uint8Array() : this.appHash() };
    this.earliest = version === 0n ? 0n : this.db.meta.get(EARLIEST_KEY)?.readBigUInt64BE(0) ?? 1n;
    this.nextVersion = version + 1n;
  }

  lastCommitId(): CommitId {
    return this.last;
  }

  /** The oldest version still kept (0 before the first commit). */
  earliestVersion(): bigint {
    return this.earliest;
  }

  /** On an empty store: the version the first commit will have (a chain's initial height, a restored snapshot's). */
  setInitialVersion(version: bigint): void {
    if (this.last.version !== 0n) throw new Error(`the store already holds version ${this.last.version}; an initial version is for an empty store`);
    if (version < 1n) throw new Error(`initial version ${version}: versions start at 1`);
    this.nextVersion = version;
    for (const store of this.stores.values()) store.setNextVersion(version);
  }

  getKVStore(name: string): CommitStore {
    const store = this.stores.get(name);
    if (!store) throw new Error(`no store named "${name}" is mounted`);
    return store;
  }

  storeNames(): string[] {
    return [...this.stores.keys()];
  }

  /** A branch over all stores; its `write()` lands in the pending block layer. */
  cacheMultiStore(): CacheMultiStore {
    return new BranchMultiStore((name) => this.getKVStore(name));
  }

  /** A read-only view of one store's last committed state, for queries. */
  committedStore(name: string): KVReader {
    return this.getKVStore(name).committed();
  }

  /** All stores' last committed state; branches over it never write back. */
  committedMultiStore(): { getKVStore(name: string): KVStore } {
    return readOnly(this.viewAt(this.last.version));
  }

  /**
   * Every store's state at a kept `version` (the latest included). Throws a StoreVersionError
   * for a version not yet committed or already pruned.
   */
  viewAt(version: bigint): VersionView {
    if (version === this.last.version) {
      return { version, getKVStore: (name) => this.committedStore(name) };
    }
    const roots = this.rootsAt(version);
    return { version, getKVStore: (name) => this.getKVStore(name).readerAt(version, roots.get(name) ?? EMPTY_TREE) };
  }

  /**
   * The value of `key` in store `storeName` at a kept `version` and the proof (ProofOps, see
   * proof/multistore.ts) of that value, or of its absence, against that version's app hash.
   */
  prove(storeName: string, key: Uint8Array, version: bigint = this.last.version): { value: Uint8Array | undefined; proof: ProofOps } {
    const store = this.getKVStore(storeName);
    const roots = version === this.last.version ? new Map([...this.stores].map(([name, s]) => [name, s.committedRef])) : this.rootsAt(version);
    const keyProof = store.prove(key, roots.get(storeName) ?? EMPTY_TREE);
    const sorted = [...roots].map(([name, root]): [string, Uint8Array] => [name, root.hash]);
    const rootProof = proveStoreRoot(sorted, sorted.findIndex(([name]) => name === storeName));
    return { value: keyProof.exist?.value, proof: storeProofOps(storeName, key, keyProof, rootProof) };
  }

  /** Keeps `version` from being pruned until as many `release` calls (e.g. while a snapshot of it is written). */
  hold(version: bigint): void {
    this.held.set(version, (this.held.get(version) ?? 0) + 1);
  }

  release(version: bigint): void {
    const count = this.held.get(version) ?? 0;
    if (count <= 1) this.held.delete(version);
    else this.held.set(version, count - 1);
  }

  /** The app hash the pending writes will commit to. */
  workingHash(): Uint8Array {
    return this.appHash();
  }

  /** Every store's pending writes: by store name, then key (value null: a deletion). */
  pendingChanges(): { store: string; key: Buffer; value: Buffer | null }[] {
    return [...this.stores.values()].flatMap((s) => s.pendingWrites().map(([key, value]) => ({ store: s.name, key, value })));
  }

  /** The oldest version that has a block record, or undefined when none has. */
  oldestBlockRecord(): bigint | undefined {
    for (const key of this.db.blocks().getKeys({ limit: 1 })) return key.readBigUInt64BE(0);
    return undefined;
  }

  /** The block record committed with `version`, if it is kept. */
  blockRecord(version: bigint): Buffer | undefined {
    return this.db.blocks().get(versionBytes(version));
  }

  /**
   * Makes the pending writes durable as `version` and returns its commit id; `blockRecord`, when
   * given, is kept with it (same transaction, pruned with it) for the block stream.
   */
  commit(version: bigint, blockRecord?: Uint8Array): CommitId {
    if (version !== this.nextVersion) throw new Error(`cannot commit version ${version}: the next version is ${this.nextVersion}`);
    const hash = this.appHash();
    const info = encodeCommitInfo([...this.stores.values()].map((s) => [s.name, s.workingRoot()]));
    const first = this.last.version === 0n;
    // A genesis of millions of accounts would hold its whole dirty set in memory as one LMDB
    // transaction; the first commit is written in chunks with the version marker last instead.
    // Until that marker lands the database reads as empty and is cleared on open (see
    // clearUncommitted).
    const batch = new WriteBatch(this.db, first ? CHUNK_WRITES : Infinity);
    for (const store of this.stores.values()) store.writePending(batch, version, !first);
    batch.finish(() => {
      if (blockRecord) this.db.blocks().putSync(versionBytes(version), Buffer.from(blockRecord.buffer, blockRecord.byteOffset, blockRecord.byteLength));
      this.db.meta.putSync(commitInfoKey(version), info);
      if (first) this.db.meta.putSync(EARLIEST_KEY, versionBytes(version));
      this.db.meta.putSync(LATEST_KEY, versionBytes(version));
    });
    for (const store of this.stores.values()) store.markCommitted(version);
    this.last = { version, hash };
    if (first) this.earliest = version;
    this.nextVersion = version + 1n;
    this.pruneAfterCommit(version);
    return this.last;
  }

  /** Forgets the pending block's writes. */
  discardPending(): void {
    for (const store of this.stores.values()) store.discardPending();
  }

  /**
   * Undoes the latest version: the state, the trees and the app hash go back to the version
   * before it, which must be kept. For an operator after a bad block or upgrade.
   */
  rollback(): CommitId {
    const latest = this.last.version;
    if (latest === 0n) throw new StoreVersionError("the store is empty: there is nothing to roll back");
    if (latest - 1n < this.earliest) {
      throw new StoreVersionError(`cannot roll back version ${latest}: it is the earliest kept version, and no earlier state is left to return to`);
    }
    this.discardPending();
    const previous = this.readCommitInfo(latest - 1n);
    this.db.transaction(() => {
      for (const name of this.names) this.getKVStore(name).undo(latest, previous.get(name) ?? EMPTY_TREE);
      this.db.meta.removeSync(commitInfoKey(latest));
      this.db.blocks().removeSync(versionBytes(latest));
      this.db.meta.putSync(LATEST_KEY, versionBytes(latest - 1n));
    });
    this.load(latest - 1n);
    return this.last;
  }

  close(): Promise<void> {
    return this.db.close();
  }

  private checkKept(version: bigint): void {
    if (version > this.last.version) throw new StoreVersionError(`version ${version} is not committed yet: the latest is ${this.last.version}`);
    if (version < this.earliest || version < 1n) {
      throw new StoreVersionError(`version ${version} is pruned or was never here: the earliest kept version is ${this.earliest}`);
    }
  }

  private rootsAt(version: bigint): Map<string, NodeRef> {
    this.checkKept(version);
    return this.readCommitInfo(version);
  }

  /** Prunes what the pruning options no longer keep, every `interval` commits. */
  private pruneAfterCommit(version: bigint): void {
    const { keepRecent, interval } = this.pruning;
    if (keepRecent === 0 || interval === 0 || version % BigInt(interval) !== 0n) return;
    let upTo = version - BigInt(keepRecent);
    for (const held of this.held.keys()) if (held <= upTo) upTo = held - 1n;
    if (upTo >= this.earliest) this.pruneTo(upTo);
  }

  /** Drops every version up to `upTo`. */
  pruneTo(upTo: bigint): void {
    if (upTo >= this.last.version) throw new StoreVersionError(`cannot prune up to ${upTo}: the latest version ${this.last.version} is always kept`);
    if (upTo < this.earliest) return;
    this.db.transaction(() => {
      for (const store of this.stores.values()) store.prune(upTo);
      for (let v = this.earliest; v <= upTo; v++) {
        this.db.meta.removeSync(commitInfoKey(v));
        this.db.blocks().removeSync(versionBytes(v));
      }
      this.db.meta.putSync(EARLIEST_KEY, versionBytes(upTo + 1n));
    });
    this.earliest = upTo + 1n;
  }

  private appHash(): Uint8Array {
    const leaves = [...this.stores.values()].map((s) => storeLeaf(s.name, s.workingRoot().hash));
    return merkleRoot(leaves);
  }

  private readCommitInfo(version: bigint): Map<string, NodeRef> {
    const info = this.db.meta.get(commitInfoKey(version));
    if (!info) throw new StoreVersionError(`commit info for version ${version} is missing: it was pruned, or the state database is corrupt`);
    return decodeCommitInfo(info);
  }

  private clearUncommitted(): void {
    const dbs = [this.db.blocks(), ...this.names.flatMap((name) => [this.db.flat(name), this.db.nodes(name), this.db.changes(name), this.db.orphans(name)])];
    this.db.transaction(() => {
      for (const db of dbs) for (const key of [...db.getKeys()]) db.removeSync(key);
    });
  }
}

function commitInfoKey(version: bigint): Buffer {
  return Buffer.concat([Buffer.from("c/"), versionBytes(version)]);
}

/** A reader as a store whose writes throw: queries never write. */
function readOnly(view: VersionView): { getKVStore(name: string): KVStore } {
  return {
    getKVStore: (name) => {
      const reader = view.getKVStore(name);
      const refuse = () => {
        throw new Error(`the state of store ${name} at version ${view.version} is read-only`);
      };
      return { ...reader, set: refuse, delete: refuse };
    },
  };
}

/** A view's stores as KVStores whose writes throw, for query contexts. */
export { readOnly as readOnlyMultiStore };

class BranchMultiStore implements CacheMultiStore {
  private readonly branches = new Map<string, CacheStore>();
  constructor(private readonly parent: (name: string) => KVStore) {}

  getKVStore(name: string): CacheKVStore {
    let branch = this.branches.get(name);
    if (!branch) {
      branch = new CacheStore(this.parent(name));
      this.branches.set(name, branch);
    }
    return branch;
  }

  write(): void {
    for (const branch of this.branches.values()) branch.write();
  }
}

/** Each store's name and root hash as in the app hash tree, then the root node's key. */
function encodeCommitInfo(roots: [string, NodeRef][]): Buffer {
  return Buffer.concat(
    roots.flatMap(([name, root]) => {
      const nameBytes = Buffer.from(name, "utf8");
      return [Buffer.of(nameBytes.length), nameBytes, Buffer.of(root.hash.length), root.hash, root.key];
    }),
  );
}

function decodeCommitInfo(info: Buffer): Map<string, NodeRef> {
  const roots = new Map<string, NodeRef>();
  for (let i = 0; i < info.length; ) {
    const nameLength = info[i]!;
    const name = info.subarray(i + 1, i + 1 + nameLength).toString("utf8");
    i += 1 + nameLength;
    const rootLength = info[i]!;
    const hash = Buffer.from(info.subarray(i + 1, i + 1 + rootLength));
    i += 1 + rootLength;
    roots.set(name, { hash, key: Buffer.from(info.subarray(i, i + NODE_KEY_SIZE)) });
    i += NODE_KEY_SIZE;
  }
  return roots;
}

/** A branch over any multistore (a block's pending layer, the CheckTx state, another branch). */
export function branch(parent: { getKVStore(name: string): KVStore }): CacheMultiStore {
  return new BranchMultiStore((name) => parent.getKVStore(name));
}
