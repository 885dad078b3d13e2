/**
 * A store's tree nodes around the database: a read cache, and new nodes staged as packed
 * records (key, then value) until they are written.
 */
import type { BinaryDatabase } from "./database.js";
import { keyToString } from "./keys.js";
import type { VarRecordList } from "./records.js";
import { NODE_KEY_SIZE, type NodeSink } from "./smt.js";

/** Tree nodes read from the database, with a bounded cache of the hot top of the tree. */
export class NodeCache {
  private readonly cache = new Map<string, Uint8Array>();
  constructor(
    readonly db: BinaryDatabase,
    readonly capacity = 100_000,
  ) {}

  read = (key: Buffer): Uint8Array | undefined => {
    const k = keyToString(key);
    let node = this.cache.get(k);
    if (node) return node;
    node = this.db.get(key);
    if (node) this.remember(k, node);
    return node;
  };

  remember(key: string, node: Uint8Array): void {
    if (this.cache.size >= this.capacity) this.cache.clear();
    this.cache.set(key, node);
  }
}

/** A sink that copies nodes into `nodes`, calling `full` whenever it holds `limit` of them. */
export function stageNodes(nodes: VarRecordList, limit = Infinity, full = () => {}): NodeSink {
  return (key, value) => {
    nodes.push(key, value);
    if (nodes.count >= limit) full();
  };
}

export const nodeKeyOf = (nodes: VarRecordList, i: number) => nodes.get(i).subarray(0, NODE_KEY_SIZE);
export const nodeValueOf = (nodes: VarRecordList, i: number) => nodes.get(i).subarray(NODE_KEY_SIZE);
