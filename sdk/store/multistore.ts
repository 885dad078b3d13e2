/**
 * The root multistore: one committed store per module, and the app hash as a Merkle root over
 * the stores' roots. Commit writes every store's block in one database transaction, so a crash
 * at any moment leaves either the previous version or the new one, never a mix.
 */
import { CacheStore } from "./cache.js";
import { CommitStore } from "./commit-store.js";
import { StateDatabase, WriteBatch } from "./database.js";
import { sha256 } from "./hash.js";
import { EMPTY_TREE, NODE_KEY_SIZE, type NodeRef } from "./smt.js";
import { NodeCache } from "./tree-nodes.js";
import type { CacheKVStore, CacheMultiStore, CommitId, KVReader, KVStore } from "./types.js";

const LATEST_KEY = Buffer.from("latest");
/** Writes per transaction of the first commit (a genesis); see `commit`. */
const CHUNK_WRITES = 100_000;

export class RootMultiStore {
  private readonly stores = new Map<string, CommitStore>();
  private last: CommitId;

  private constructor(
    private readonly db: StateDatabase,
    storeNames: string[],
  ) {
    const latest = db.meta.get(LATEST_KEY);
    const version = latest ? latest.readBigUInt64BE(0) : 0n;
    if (version === 0n) this.clearUncommitted(storeNames);
    const roots = version === 0n ? new Map<string, NodeRef>() : this.readCommitInfo(version);
    for (const name of [...storeNames].sort()) {
      const nodes = new NodeCache(db.nodes(name));
      this.stores.set(name, new CommitStore(name, db, db.flat(name), nodes, roots.get(name) ?? EMPTY_TREE, Number(version) + 1));
    }
    this.last = { version, hash: version === 0n ? new Uint8Array() : this.appHash() };
  }

  /** Opens (or creates) the state database at `path` with the given module stores. */
  static open(path: string, storeNames: string[]): RootMultiStore {
    return new RootMultiStore(new StateDatabase(path), storeNames);
  }

  lastCommitId(): CommitId {
    return this.last;
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
    return {
      getKVStore: (name) => {
        const reader = this.committedStore(name);
        return {
          ...reader,
          set: () => {
            throw new Error(`committed state of store ${name} is read-only`);
          },
          delete: () => {
            throw new Error(`committed state of store ${name} is read-only`);
          },
        };
      },
    };
  }

  /** The app hash the pending writes will commit to. */
  workingHash(): Uint8Array {
    return this.appHash();
  }

  /** Makes the pending writes durable as `version` and returns its commit id. */
  commit(version: bigint): CommitId {
    const hash = this.appHash();
    const info = encodeCommitInfo([...this.stores.values()].map((s) => [s.name, s.workingRoot()]));
    const versionBytes = Buffer.alloc(8);
    versionBytes.writeBigUInt64BE(version);
    // A genesis of millions of accounts would hold its whole dirty set in memory as one LMDB
    // transaction; the first commit is written in chunks with the version marker last instead.
    // Until that marker lands the database reads as empty and is cleared on open (see
    // clearUncommitted).
    const batch = new WriteBatch(this.db, this.last.version === 0n ? CHUNK_WRITES : Infinity);
    for (const store of this.stores.values()) store.writePending(batch);
    batch.finish(() => {
      this.db.meta.putSync(Buffer.concat([Buffer.from("c/"), versionBytes]), info);
      this.db.meta.putSync(LATEST_KEY, versionBytes);
    });
    for (const store of this.stores.values()) store.markCommitted(version);
    this.last = { version, hash };
    return this.last;
  }

  /** Forgets the pending block's writes. */
  discardPending(): void {
    for (const store of this.stores.values()) store.discardPending();
  }

  close(): Promise<void> {
    return this.db.close();
  }

  private appHash(): Uint8Array {
    const leaves = [...this.stores.values()].map((s) => storeLeaf(s.name, s.workingRoot().hash));
    return merkleRoot(leaves);
  }

  private readCommitInfo(version: bigint): Map<string, NodeRef> {
    const key = Buffer.alloc(10);
    key.write("c/");
    key.writeBigUInt64BE(version, 2);
    const info = this.db.meta.get(key);
    if (!info) throw new Error(`commit info for version ${version} is missing: the state database is corrupt`);
    return decodeCommitInfo(info);
  }

  private clearUncommitted(storeNames: string[]): void {
    this.db.transaction(() => {
      for (const name of storeNames) for (const key of this.db.flat(name).getKeys()) this.db.flat(name).removeSync(key);
      for (const name of storeNames) for (const key of this.db.nodes(name).getKeys()) this.db.nodes(name).removeSync(key);
    });
  }
}

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

/** A store's leaf in the app hash tree: its name and its root, length-prefixed. */
function storeLeaf(name: string, root: Buffer): Buffer {
  const nameBytes = Buffer.from(name, "utf8");
  return Buffer.concat([Buffer.from([nameBytes.length]), nameBytes, Buffer.from([root.length]), root]);
}

/** RFC 6962 Merkle root, as CometBFT's merkle.HashFromByteSlices computes it. */
export function merkleRoot(items: Uint8Array[]): Buffer {
  if (items.length === 0) return sha256(new Uint8Array());
  if (items.length === 1) return sha256(Buffer.concat([Buffer.from([0]), items[0]!]));
  let split = 1;
  while (split * 2 < items.length) split *= 2;
  const left = merkleRoot(items.slice(0, split));
  const right = merkleRoot(items.slice(split));
  return sha256(Buffer.concat([Buffer.from([1]), left, right]));
}

/** Each store's name and root hash as in the app hash tree, then the root node's key. */
function encodeCommitInfo(roots: [string, NodeRef][]): Buffer {
  return Buffer.concat(roots.flatMap(([name, root]) => [storeLeaf(name, root.hash), root.key]));
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
