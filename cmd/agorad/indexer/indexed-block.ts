/**
 * One committed block as the indexer receives it: the header fields it keeps, each tx with its
 * result, the block's own events, and the store writes the block made. The app's block stream
 * produces these (from-stream.ts); tests also build them by hand.
 */
import type { Event, ExecTxResult } from "cosmjs-types/tendermint/abci/types";

export interface IndexedTx {
  /** SHA-256 of the tx bytes. */
  hash: Uint8Array;
  bytes: Uint8Array;
  result: ExecTxResult;
}

/** One write of the block to a module's store; `value` null is a delete. */
export interface StoreChange {
  store: string;
  key: Uint8Array;
  value: Uint8Array | null;
}

export interface IndexedBlock {
  height: bigint;
  hash: Uint8Array;
  time: Date;
  appHash: Uint8Array;
  txs: IndexedTx[];
  /** Events of FinalizeBlock outside any tx (begin and end block). */
  events: Event[];
  changes: StoreChange[];
  /**
   * Set when `changes` is the whole state at the block rather than its writes (the node did not
   * keep a change set that large): the index's accounts and balances are replaced by it.
   */
  replacesState?: boolean;
}
