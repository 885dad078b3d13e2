/** A block of the app's block stream (agora.stream.v1.BlockData) as the indexer writes it. */
import { createHash } from "node:crypto";
import { RequestFinalizeBlock, ResponseFinalizeBlock } from "cosmjs-types/tendermint/abci/types";
import type { BlockData } from "../../../generated/proto/agora/stream/v1/stream.js";
import type { IndexedBlock } from "./indexed-block.js";

export function indexedBlockOf(block: BlockData): IndexedBlock {
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
    changes: block.changes.map((c) => ({ store: c.storeKey, key: c.key, value: c.delete ? null : c.value })),
  };
}
