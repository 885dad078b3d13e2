/**
 * Running one transaction: ante chain in a branch, then its messages in another branch, so a
 * failed message keeps the fee and sequence the ante chain wrote and nothing else.
 */
import { TxMsgData } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import type { Logger } from "pino";
import type { TypeRegistry } from "../codec/registry.js";
import { encodeProto } from "../codec/encode.js";
import { branch } from "../store/multistore.js";
import type { MultiStore } from "../store/types.js";
import { Context, type BlockInfo, type ExecMode } from "../types/context.js";
import { abciError } from "../types/errors.js";
import type { Event } from "../types/events.js";
import { GasMeter } from "../types/gas.js";
import { ErrUnknownRequest } from "../types/sdk-errors.js";
import type { MsgRouter } from "./msg-router.js";
import { decodeTx, type DecodedTx } from "./tx.js";

/** The ante chain: fee, signatures, sequence. Throws a registered error to reject the tx. */
export type AnteHandler = (ctx: Context, tx: DecodedTx) => void;

export interface TxResult {
  code: number;
  codespace: string;
  log: string;
  data: Uint8Array;
  gasWanted: bigint;
  gasUsed: bigint;
  events: Event[];
  msgResponses: { typeUrl: string; value: Uint8Array }[];
}

export interface TxRunner {
  registry: TypeRegistry;
  msgRouter: MsgRouter;
  anteHandler: AnteHandler;
  logger: Logger;
}

/**
 * Where txs spend their time, in nanoseconds, for the benchmark. Off unless one is installed
 * with `setTxProfiler`: the hot path then pays one undefined check per phase.
 */
export interface TxProfiler {
  decode: bigint;
  /** Sign bytes, signature cache and secp256k1 verification (timed in the ante chain). */
  verify: bigint;
  /** Ante chain and messages, signature verification included (subtract `verify`). */
  exec: bigint;
}

let profiler: TxProfiler | undefined;

export function setTxProfiler(p: TxProfiler | undefined): void {
  profiler = p;
}

export function txProfiler(): TxProfiler | undefined {
  return profiler;
}

/** Decodes and runs a tx against `base`; writes land in `base` only as described above. */
export function runTx(runner: TxRunner, mode: ExecMode, block: BlockInfo, base: MultiStore, bytes: Uint8Array): TxResult {
  const prof = profiler;
  const decodeStart = prof ? process.hrtime.bigint() : 0n;
  let tx: DecodedTx;
  try {
    tx = decodeTx(bytes, runner.registry);
  } catch (err) {
    return failure(err);
  }
  if (prof) prof.decode += process.hrtime.bigint() - decodeStart;
  const execStart = prof ? process.hrtime.bigint() : 0n;
  try {
    return execute(runner, mode, block, base, tx);
  } finally {
    if (prof) prof.exec += process.hrtime.bigint() - execStart;
  }
}

function execute(runner: TxRunner, mode: ExecMode, block: BlockInfo, base: MultiStore, tx: DecodedTx): TxResult {
  const gasWanted = tx.authInfo.fee!.gasLimit;
  const limit = mode === "simulate" ? Number.MAX_SAFE_INTEGER : Number(gasWanted > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : gasWanted);
  const meter = new GasMeter(limit);

  const anteStore = branch(base);
  const anteCtx = new Context(block, anteStore, meter, mode, runner.logger);
  try {
    // A refused message type (paused) costs its sender nothing: refused before the fee is taken.
    for (const msg of tx.msgs) runner.msgRouter.admit(anteCtx, msg.typeUrl);
    runner.anteHandler(anteCtx, tx);
  } catch (err) {
    return failure(err, gasWanted, BigInt(meter.consumed), []);
  }
  anteStore.write();
  const anteEvents = anteCtx.events.events;
  if (mode === "check" || mode === "recheck") {
    return { ...success(gasWanted, meter), events: anteEvents };
  }

  const msgStore = branch(base);
  const msgCtx = new Context(block, msgStore, meter, mode, runner.logger);
  const msgResponses: { typeUrl: string; value: Uint8Array }[] = [];
  try {
    tx.msgs.forEach((msg, index) => {
      const route = runner.msgRouter.route(msg.typeUrl);
      if (!route) throw ErrUnknownRequest.wrap(`no message handler for ${msg.typeUrl}`);
      const before = msgCtx.events.events.length;
      msgCtx.events.emit("message", {
        action: msg.typeUrl,
        sender: route.signers(msg.value)[0] ?? "",
        module: route.module,
      });
      // Admitted before the ante chain above, in this tx's state; messages nested in another
      // (a proposal's) go through MsgRouter.dispatch, which admits them itself.
      const response = route.handle(msgCtx, msg.value);
      msgResponses.push({ typeUrl: route.responseType.typeUrl, value: encodeProto(route.responseType, response) });
      for (const e of msgCtx.events.events.slice(before)) {
        e.attributes.push({ key: "msg_index", value: String(index), index: true });
      }
    });
  } catch (err) {
    return failure(err, gasWanted, BigInt(meter.consumed), anteEvents);
  }
  msgStore.write();
  return {
    ...success(gasWanted, meter),
    data: encodeProto(TxMsgData, { data: [], msgResponses }),
    events: [...anteEvents, ...msgCtx.events.events],
    msgResponses,
  };
}

function success(gasWanted: bigint, meter: GasMeter): TxResult {
  return {
    code: 0,
    codespace: "",
    log: "",
    data: new Uint8Array(),
    gasWanted,
    gasUsed: BigInt(meter.consumed),
    events: [],
    msgResponses: [],
  };
}

/** The result of a tx rejected with `err`. */
export function failure(err: unknown, gasWanted = 0n, gasUsed = 0n, events: Event[] = []): TxResult {
  const { code, codespace, log } = abciError(err);
  return { code, codespace, log, data: new Uint8Array(), gasWanted, gasUsed, events, msgResponses: [] };
}

/** A tx result as CometBFT takes it in CheckTx and FinalizeBlock responses. */
export function abciTxResult(r: TxResult) {
  return { code: r.code, codespace: r.codespace, log: r.log, info: "", data: r.data, gasWanted: r.gasWanted, gasUsed: r.gasUsed, events: r.events };
}
