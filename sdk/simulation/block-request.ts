/**
 * A FinalizeBlock request for a chain driven without CometBFT (the simulation, in-process tests):
 * one block a second from a fixed start, no validators, no evidence, zero hashes.
 */
import type { CommitInfo, RequestFinalizeBlock } from "cosmjs-types/tendermint/abci/types";

/** The block time of height 0; height h is this plus h seconds. */
export const SYNTHETIC_GENESIS_SECONDS = 1_700_000_000n;

/** `lastCommit` stands for the previous block's votes (none by default). */
export function syntheticBlock(height: bigint, txs: Uint8Array[], lastCommit: CommitInfo = { round: 0, votes: [] }): RequestFinalizeBlock {
  return {
    txs,
    decidedLastCommit: lastCommit,
    misbehavior: [],
    hash: new Uint8Array(32),
    height,
    time: { seconds: SYNTHETIC_GENESIS_SECONDS + height, nanos: 0 },
    nextValidatorsHash: new Uint8Array(32),
    proposerAddress: new Uint8Array(20),
  };
}
