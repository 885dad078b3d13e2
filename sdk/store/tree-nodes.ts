/**
 * A store's tree nodes around the database: a read cache, and new nodes staged as packed
 * records (key, value length, value) until they are written.
 */
import type { BinaryDatabase } from "./database.js";
import { keyToString } from "./keys.js";
import type { RecordList } from "./records.js";
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

/** A staged node: its key, its value's length (one byte) and its value (at most 89 bytes). */
export const NODE_RECORD_SIZE = NODE_KEY_SIZE + 1 + 89;

/** A sink that copies nodes into `nodes`, calling `full` whenever it holds `limit` of them. */
export function stageNodes(nodes: RecordList, limit = Infinity, full = () => {}): NodeSink {
  const length = Buffer.alloc(1);
  return (key, value) => {
    length[0] = value.length;
    nodes.push(key, length, value);
    if (nodes.count >= limit) full();
  };
}

export const nodeKeyOf = (nodes: RecordList, i: number) => nodes.slice(i, 0, NODE_KEY_SIZE);
export const nodeValueOf = (nodes: RecordList, i: number) => nodes.slice(i, NODE_KEY_SIZE + 1, NODE_KEY_SIZE + 1 + nodes.byte(i, NODE_KEY_SIZE));
