/** A block of the app's block stream (agora.stream.v1.BlockData) as the indexer writes it. */
import { createHash } from "node:crypto";
import { RequestFinalizeBlock, ResponseFinalizeBlock } from "cosmjs-types/tendermint/abci/types";
import type { BlockData, StateChunk } from "../../../generated/proto/agora/stream/v1/stream.js";
import type { IndexedBlock, StoreChange } from "./indexed-block.js";

/**
 * The stream's block, with its store changes; a block whose change set the node did not keep
 * carries the whole state at its height instead (`state`, gathered from its StateChunks).
 */
export function indexedBlockOf(block: BlockData, state?: StoreChange[]): IndexedBlock {
  if (block.changesOmitted && !state) throw new Error(`block ${block.height} came without its change set and without the state that replaces it: the stream is corrupt`);
  const request = RequestFinalizeBlock.decode(block.finalizeBlockRequest);
  const response = ResponseFinalizeBlock.decode(block.finalizeBlockResponse);
  if (request.txs.length !== response.txResults.length) {
    throw new Error(`block ${block.height} has ${request.txs.length} txs but ${response.txResults.length} results: the stream is corrupt`);
  }
  const seconds = request.time?.seconds ?? 0n;
  return {
    height: block.height,
    hash: request.hash,
    time: new Date(Number(seconds) * 1000 + Math.floor((request.time?.nanos ?? 0) / 1e6)),
    appHash: block.appHash,
    txs: request.txs.map((bytes, i) => ({ hash: createHash("sha256").update(bytes).digest(), bytes, result: response.txResults[i]! })),
    events: response.events,
    changes: state ?? storeChanges(block.changes),
    ...(state ? { replacesState: true } : {}),
  };
}

export function storeChanges(pairs: BlockData["changes"]): StoreChange[] {
  return pairs.map((c) => ({ store: c.storeKey, key: c.key, value: c.delete ? null : c.value }));
}

/**
 * Gathers the stream into blocks: a block is complete on arrival, unless its change set was
 * omitted, when it is complete with the last StateChunk of its height.
 */
export class BlockAssembler {
  private pending: { block: BlockData; state: StoreChange[] } | undefined;

  /** The complete block `item` finishes, if it finishes one. */
  add(item: { block?: BlockData | undefined; state?: StateChunk | undefined }): IndexedBlock | undefined {
    if (item.block) {
      if (this.pending) throw new Error(`block ${item.block.height} arrived before the state of block ${this.pending.block.height} was complete: the stream is corrupt`);
      if (!item.block.changesOmitted) return indexedBlockOf(item.block);
      this.pending = { block: item.block, state: [] };
      return undefined;
    }
    const chunk = item.state;
    if (!chunk) throw new Error("an empty message on the block stream: the stream is corrupt");
    if (!this.pending || this.pending.block.height !== chunk.height) throw new Error(`state of block ${chunk.height} arrived without its block: the stream is corrupt`);
    for (const change of storeChanges(chunk.pairs)) this.pending.state.push(change);
    if (!chunk.last) return undefined;
    const { block, state } = this.pending;
    this.pending = undefined;
    return indexedBlockOf(block, state);
  }
}
