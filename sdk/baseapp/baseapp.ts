/**
 * BaseApp: the ABCI 2.0 application over the root multistore. It owns the block lifecycle —
 * InitChain and FinalizeBlock write to the pending block layer, Commit makes it durable — and a
 * separate CheckTx state over the last committed block that the mempool's txs accumulate in.
 */
import {
  CheckTxType,
  ResponseProcessProposal_ProposalStatus,
  ResponseVerifyVoteExtension_VerifyStatus,
  type RequestApplySnapshotChunk,
  type RequestCheckTx,
  type RequestFinalizeBlock,
  type RequestInitChain,
  type RequestLoadSnapshotChunk,
  type RequestOfferSnapshot,
  type RequestPrepareProposal,
  type RequestProcessProposal,
  type RequestQuery,
  type ResponseCheckTx,
  type ResponseCommit,
  type ResponseFinalizeBlock,
  type ResponseInfo,
  type ResponseInitChain,
  type ResponsePrepareProposal,
  type ResponseProcessProposal,
  type ResponseQuery,
} from "cosmjs-types/tendermint/abci/types";
import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import type { AbciApplication } from "../abci/application.js";
import { jsonSections } from "../codec/json-sections.js";
import { TypeRegistry } from "../codec/registry.js";
import type { InvariantRegistry } from "../invariants/registry.js";
import type { ModuleManager } from "../module/module.js";
import type { SnapshotManager } from "../snapshots/manager.js";
import { branch, readOnlyMultiStore, StoreVersionError, type RootMultiStore } from "../store/multistore.js";
import type { CacheMultiStore } from "../store/types.js";
import { Context, type BlockInfo } from "../types/context.js";
import { abciError } from "../types/errors.js";
import { GasMeter } from "../types/gas.js";
import { ErrInvalidChainID, ErrInvalidRequest, ErrTxTooLarge, ErrUnknownRequest } from "../types/sdk-errors.js";
import { MsgRouter } from "./msg-router.js";
import { QueryRouter } from "./query-router.js";
import { encodeBlockRecord } from "./block-record.js";
import { abciTxResult, failure, runTx, type AnteHandler, type TxResult } from "./run-tx.js";
import { decodeTx } from "./tx.js";
import { handleSimulate, SIMULATE_PATH } from "./simulate.js";
import { StateSync } from "./state-sync.js";

export interface BaseAppOptions {
  name: string;
  version: string;
  chainId: string;
  store: RootMultiStore;
  modules: ModuleManager;
  logger: Logger;
  /** Largest tx accepted into the mempool, in bytes. */
  maxTxBytes?: number;
  /** Writes and serves this node's state snapshots; absent: none are taken or served. */
  snapshots?: SnapshotManager;
  /**
   * Keep a record of each block for the block stream (default: no). Opt-in, as ADR-038
   * streaming is: encoding a block's requests, results and change set costs its Commit.
   */
  recordBlocks?: boolean;
  /** The largest change set a block record keeps (default MAX_RECORDED_CHANGES). */
  maxRecordedChanges?: number;
  /** The modules' invariants, run at the end of FinalizeBlock every `invariantCheckPeriod` blocks. */
  invariants?: InvariantRegistry;
  /** Blocks between invariant checks (app.toml `[crisis] invariant-check-period`); 0: never. */
  invariantCheckPeriod?: number;
}

const DEFAULT_MAX_TX_BYTES = 1024 * 1024;

export class BaseApp implements AbciApplication {
  readonly registry = new TypeRegistry();
  readonly msgRouter = new MsgRouter(this.registry);
  readonly queryRouter = new QueryRouter();
  anteHandler: AnteHandler = () => {};

  private checkState: CacheMultiStore;
  private lastBlockTime = { seconds: 0n, nanos: 0 };
  /** Height of the block being finalized; set from InitChain's initial height before block one. */
  private finalizingHeight = 0n;
  /** The block being finalized, for its record at Commit. */
  private finalized: { request: RequestFinalizeBlock; response: ResponseFinalizeBlock } | undefined;
  /** Emits "commit" with the height after each Commit is durable. */
  readonly commits = new EventEmitter();
  private readonly stateSync: StateSync;

  constructor(private readonly options: BaseAppOptions) {
    options.modules.register(this.registry, this.msgRouter, this.queryRouter);
    this.checkState = branch(options.store.committedMultiStore());
    this.stateSync = new StateSync({
      store: options.store,
      snapshots: options.snapshots,
      logger: options.logger,
      onRestored: () => (this.checkState = branch(this.store.committedMultiStore())),
    });
  }

  get store(): RootMultiStore {
    return this.options.store;
  }

  get logger(): Logger {
    return this.options.logger;
  }

  get chainId(): string {
    return this.options.chainId;
  }

  info(): ResponseInfo {
    const last = this.store.lastCommitId();
    return {
      data: this.options.name,
      version: this.options.version,
      appVersion: 0n,
      lastBlockHeight: last.version,
      lastBlockAppHash: last.hash,
    };
  }

  initChain(req: RequestInitChain): ResponseInitChain {
    if (req.chainId !== this.chainId) {
      throw ErrInvalidChainID.wrap(`genesis chain id ${req.chainId} does not match the node's ${this.chainId}`);
    }
    const initialHeight = req.initialHeight > 0n ? req.initialHeight : 1n;
    this.finalizingHeight = initialHeight;
    if (initialHeight > 1n) this.store.setInitialVersion(initialHeight);
    const appState = jsonSections(req.appStateBytes.length ? req.appStateBytes : Buffer.from("{}"));
    const block: BlockInfo = { chainId: req.chainId, height: initialHeight, time: toTime(req.time) };
    const ctx = new Context(block, this.store, new GasMeter(), "genesis", this.logger);
    const validators = this.options.modules.initGenesis(ctx, appState);
    // As the SDK: the app's validator set (staking's, from genesis or gentxs) replaces the one in
    // CometBFT's genesis.json, which then lists none; without one, CometBFT's stands.
    return { validators: validators.length ? validators : req.validators, appHash: this.store.workingHash() };
  }

  /**
   * Answers a query at the latest height (height 0) or at a kept earlier one. `/store/<name>/key`
   * reads one raw key and, with `prove`, returns the ICS-23 proof chaining it (or its absence)
   * to the app hash of that height, which block height + 1 carries in its header.
   */
  query(req: RequestQuery): ResponseQuery {
    const height = req.height === 0n ? this.store.lastCommitId().version : req.height;
    const base = { index: 0n, key: new Uint8Array(), proofOps: undefined, height, info: "", codespace: "" };
    try {
      const store = STORE_QUERY.exec(req.path)?.[1];
      if (store !== undefined) return { ...base, ...this.queryStore(store, req.data, height, req.prove), code: 0, log: "" };
      if (req.prove) throw ErrInvalidRequest.wrap(`proofs are given for raw store queries only (/store/<store>/key), not for ${req.path}`);
      const value =
        req.path === SIMULATE_PATH
          ? handleSimulate(req.data, (txBytes) => this.simulate(txBytes))
          : this.queryRouter.handle(this.queryContext(height), req.path, req.data);
      return { ...base, code: 0, log: "", value };
    } catch (err) {
      const { code, codespace, log } = abciError(err);
      return { ...base, code, log, value: new Uint8Array(), codespace };
    }
  }

  private queryStore(name: string, key: Uint8Array, height: bigint, prove: boolean): Pick<ResponseQuery, "key" | "value" | "proofOps"> {
    if (!this.store.storeNames().includes(name)) throw ErrUnknownRequest.wrap(`no store named ${name}: the stores are ${this.store.storeNames().join(", ")}`);
    if (key.length === 0) throw ErrInvalidRequest.wrap("a store query needs the key as its data");
    const { value, proof } = inVersion(() => (prove ? this.store.prove(name, key, height) : { value: this.store.viewAt(height).getKVStore(name).get(key), proof: undefined }));
    return { key, value: value ?? new Uint8Array(), proofOps: proof };
  }

  checkTx(req: RequestCheckTx): ResponseCheckTx {
    const mode = req.type === CheckTxType.RECHECK ? "recheck" : "check";
    const maxTxBytes = this.options.maxTxBytes ?? DEFAULT_MAX_TX_BYTES;
    if (req.tx.length > maxTxBytes) {
      return abciTxResult(failure(ErrTxTooLarge.wrap(`tx is ${req.tx.length} bytes, the limit is ${maxTxBytes}`)));
    }
    return abciTxResult(runTx(this, mode, this.nextBlockInfo(), this.checkState, req.tx));
  }

  prepareProposal(req: RequestPrepareProposal): ResponsePrepareProposal {
    const txs: Uint8Array[] = [];
    let bytes = 0n;
    for (const tx of req.txs) {
      // CometBFT counts each tx as a protobuf field: tag, length varint, bytes.
      const size = BigInt(1 + varintLength(tx.length) + tx.length);
      if (bytes + size > req.maxTxBytes) break;
      bytes += size;
      txs.push(tx);
    }
    return { txs };
  }

  processProposal(req: RequestProcessProposal): ResponseProcessProposal {
    for (const tx of req.txs) {
      try {
        decodeTx(tx, this.registry);
      } catch (err) {
        this.logger.warn({ height: req.height.toString(), reason: (err as Error).message }, "rejecting proposal with an undecodable tx");
        return { status: ResponseProcessProposal_ProposalStatus.REJECT };
      }
    }
    return { status: ResponseProcessProposal_ProposalStatus.ACCEPT };
  }

  extendVote() {
    return { voteExtension: new Uint8Array() };
  }

  verifyVoteExtension() {
    return { status: ResponseVerifyVoteExtension_VerifyStatus.ACCEPT };
  }

  finalizeBlock(req: RequestFinalizeBlock): ResponseFinalizeBlock {
    const block: BlockInfo = { chainId: this.chainId, height: req.height, time: toTime(req.time), lastCommit: req.decidedLastCommit, misbehavior: req.misbehavior };
    this.finalizingHeight = req.height;
    const blockCtx = new Context(block, this.store, new GasMeter(), "finalize", this.logger);
    this.options.modules.beginBlock(blockCtx);
    const txResults = req.txs.map((tx) => abciTxResult(runTx(this, "finalize", block, this.store, tx)));
    const validatorUpdates = this.options.modules.endBlock(blockCtx);
    // As the SDK's crisis module: a broken invariant throws, FinalizeBlock fails and the node halts
    // before committing a state that cannot be trusted.
    const period = BigInt(this.options.invariantCheckPeriod ?? 0);
    if (period > 0n && req.height % period === 0n) this.options.invariants?.assertAll(blockCtx);
    this.lastBlockTime = block.time;
    const response: ResponseFinalizeBlock = {
      events: blockCtx.events.events,
      txResults,
      validatorUpdates,
      consensusParamUpdates: undefined,
      appHash: this.store.workingHash(),
    };
    this.finalized = { request: req, response };
    return response;
  }

  commit(): ResponseCommit {
    const height = this.finalizingHeight;
    const { finalized } = this;
    const record =
      this.options.recordBlocks && finalized?.request.height === height
        ? encodeBlockRecord(height, finalized.response.appHash, finalized.request, finalized.response, this.store.pendingChanges(), this.options.maxRecordedChanges)
        : undefined;
    this.finalized = undefined;
    this.store.commit(height, record);
    this.checkState = branch(this.store.committedMultiStore());
    this.options.snapshots?.afterCommit(this.finalizingHeight);
    this.commits.emit("commit", height);
    return { retainHeight: 0n };
  }

  listSnapshots() {
    return this.stateSync.listSnapshots();
  }

  offerSnapshot(req: RequestOfferSnapshot) {
    return this.stateSync.offerSnapshot(req);
  }

  loadSnapshotChunk(req: RequestLoadSnapshotChunk) {
    return this.stateSync.loadSnapshotChunk(req);
  }

  applySnapshotChunk(req: RequestApplySnapshotChunk) {
    return this.stateSync.applySnapshotChunk(req);
  }

  /** Runs a tx against the committed state without signature checks or gas limit. */
  simulate(txBytes: Uint8Array): TxResult {
    return runTx(this, "simulate", this.nextBlockInfo(), branch(this.store.committedMultiStore()), txBytes);
  }

  /** A context over the last committed state, or a kept earlier one, for queries. */
  queryContext(height: bigint = this.store.lastCommitId().version): Context {
    if (height === this.store.lastCommitId().version) {
      return new Context(this.nextBlockInfo(), this.store.committedMultiStore(), new GasMeter(), "query", this.logger);
    }
    const view = inVersion(() => this.store.viewAt(height));
    const block: BlockInfo = { chainId: this.chainId, height, time: this.lastBlockTime };
    return new Context(block, readOnlyMultiStore(view), new GasMeter(), "query", this.logger);
  }

  private nextBlockInfo(): BlockInfo {
    return { chainId: this.chainId, height: this.store.lastCommitId().version + 1n, time: this.lastBlockTime };
  }
}

const STORE_QUERY = /^\/store\/([^/]+)\/key$/;

/** Runs a read of a given version; a version the store does not keep is the client's error. */
function inVersion<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof StoreVersionError) throw ErrInvalidRequest.wrap(`cannot query that height: ${err.message}`);
    throw err;
  }
}

function toTime(t: { seconds: bigint; nanos: number } | undefined): { seconds: bigint; nanos: number } {
  return { seconds: t?.seconds ?? 0n, nanos: t?.nanos ?? 0 };
}

function varintLength(n: number): number {
  let len = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    len++;
  }
  return len;
}
