/**
 * The record of a committed block that the block stream serves (agora.stream.v1.BlockData):
 * FinalizeBlock's request and response, the app hash and the store change set, as ADR-038's
 * listeners receive them. It is committed with the block's state, so the stream and the state
 * never disagree, and pruned with it.
 */
import { RequestFinalizeBlock, ResponseFinalizeBlock } from "cosmjs-types/tendermint/abci/types";
import { BlockData } from "../../generated/proto/agora/stream/v1/stream.js";

/**
 * A change set larger than this (a big genesis) is not kept, so the record stays small; the record
 * says so, and the stream sends the state at that height instead.
 */
export const MAX_RECORDED_CHANGES = 100_000;

export function encodeBlockRecord(
  height: bigint,
  appHash: Uint8Array,
  request: RequestFinalizeBlock,
  response: ResponseFinalizeBlock,
  changes: { store: string; key: Uint8Array; value: Uint8Array | null }[],
  maxChanges = MAX_RECORDED_CHANGES,
): Uint8Array {
  const omitted = changes.length > maxChanges;
  return BlockData.encode({
    height,
    appHash,
    finalizeBlockRequest: RequestFinalizeBlock.encode(request).finish(),
    finalizeBlockResponse: ResponseFinalizeBlock.encode(response).finish(),
    changes: omitted ? [] : changes.map((c) => ({ storeKey: c.store, delete: c.value === null, key: c.key, value: c.value ?? new Uint8Array() })),
    changesOmitted: omitted,
  }).finish();
}
