/**
 * The contract between the ABCI socket server and the state machine: one
 * method per CometBFT v0.38 (ABCI 2.0) request. Echo and Flush are absent
 * because they are transport-level and answered by the server itself.
 * Methods may be async; the server awaits each before starting the next
 * request on the same connection, so the app never sees reordering.
 */
import type {
  RequestApplySnapshotChunk,
  RequestCheckTx,
  RequestCommit,
  RequestExtendVote,
  RequestFinalizeBlock,
  RequestInfo,
  RequestInitChain,
  RequestListSnapshots,
  RequestLoadSnapshotChunk,
  RequestOfferSnapshot,
  RequestPrepareProposal,
  RequestProcessProposal,
  RequestQuery,
  RequestVerifyVoteExtension,
  ResponseApplySnapshotChunk,
  ResponseCheckTx,
  ResponseCommit,
  ResponseExtendVote,
  ResponseFinalizeBlock,
  ResponseInfo,
  ResponseInitChain,
  ResponseListSnapshots,
  ResponseLoadSnapshotChunk,
  ResponseOfferSnapshot,
  ResponsePrepareProposal,
  ResponseProcessProposal,
  ResponseQuery,
  ResponseVerifyVoteExtension,
} from "cosmjs-types/tendermint/abci/types";

export interface AbciApplication {
  // Info/query connection.
  info(req: RequestInfo): ResponseInfo | Promise<ResponseInfo>;
  query(req: RequestQuery): ResponseQuery | Promise<ResponseQuery>;

  // Mempool connection.
  checkTx(req: RequestCheckTx): ResponseCheckTx | Promise<ResponseCheckTx>;

  // Consensus connection.
  initChain(req: RequestInitChain): ResponseInitChain | Promise<ResponseInitChain>;
  prepareProposal(req: RequestPrepareProposal): ResponsePrepareProposal | Promise<ResponsePrepareProposal>;
  processProposal(req: RequestProcessProposal): ResponseProcessProposal | Promise<ResponseProcessProposal>;
  extendVote(req: RequestExtendVote): ResponseExtendVote | Promise<ResponseExtendVote>;
  verifyVoteExtension(
    req: RequestVerifyVoteExtension,
  ): ResponseVerifyVoteExtension | Promise<ResponseVerifyVoteExtension>;
  finalizeBlock(req: RequestFinalizeBlock): ResponseFinalizeBlock | Promise<ResponseFinalizeBlock>;
  commit(req: RequestCommit): ResponseCommit | Promise<ResponseCommit>;

  // State-sync (snapshot) connection.
  listSnapshots(req: RequestListSnapshots): ResponseListSnapshots | Promise<ResponseListSnapshots>;
  offerSnapshot(req: RequestOfferSnapshot): ResponseOfferSnapshot | Promise<ResponseOfferSnapshot>;
  loadSnapshotChunk(req: RequestLoadSnapshotChunk): ResponseLoadSnapshotChunk | Promise<ResponseLoadSnapshotChunk>;
  applySnapshotChunk(
    req: RequestApplySnapshotChunk,
  ): ResponseApplySnapshotChunk | Promise<ResponseApplySnapshotChunk>;
}
