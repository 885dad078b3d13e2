/**
 * Runs a randomized simulation over an app through ABCI, as CometBFT would drive it: each block
 * carries txs planned by weighted operations from many accounts, every tx must end as its
 * operation expected, and every invariant must hold after every block. The same seed gives the
 * same blocks, hence the same app hash.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import type { CommitInfo, RequestFinalizeBlock, ResponseCommit, ResponseFinalizeBlock, ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import { BlockIDFlag } from "cosmjs-types/tendermint/types/validator";
import type { InvariantRegistry } from "../invariants/registry.js";
import type { Context } from "../types/context.js";
import { CodedError } from "../types/errors.js";
import { ErrWrongSequence } from "../types/sdk-errors.js";
import { failsWith, type Expectation, type PlannedTx, type SimMsg, type SimView, type WeightedOp } from "./operation.js";
import { syntheticBlock } from "./block-request.js";
import { Rand } from "./rand.js";

export interface SimulationApp {
  finalizeBlock(req: RequestFinalizeBlock): ResponseFinalizeBlock;
  commit(): ResponseCommit;
  /** A context over the last committed state. */
  queryContext(): Context;
}

export interface AccountState {
  accountNumber: bigint;
  sequence: bigint;
}

export interface SimulationOptions {
  app: SimulationApp;
  invariants: InvariantRegistry;
  ops: readonly WeightedOp[];
  /** Bech32 addresses the simulation signs for; each must have an account at genesis. */
  accounts: readonly string[];
  sign(signer: string, msgs: SimMsg[], account: AccountState, fee: { denom: string; amount: bigint }): Promise<Uint8Array>;
  account(ctx: Context, address: string): AccountState | undefined;
  balance(ctx: Context, address: string, denom: string): bigint;
  /** The fee every tx pays. */
  fee: { denom: string; amount: bigint };
  seed: number;
  blocks: number;
  txsPerBlock: number;
  /** Height of the last committed block (the one the first simulated block follows). */
  lastHeight: bigint;
  /**
   * The checks every message passes before the ante (MsgRouter.admit): a planned tx with a message
   * they refuse at the block's start must fail with that refusal, whatever its operation expected.
   */
  admit?(ctx: Context, typeUrl: string): void;
  /** Sees each block's response (its txs' and its own events) once committed, e.g. to count what happened. */
  onBlock?(height: bigint, response: ResponseFinalizeBlock): void;
  /** Weight of the runner's own operation: another operation's tx signed with a wrong sequence. */
  wrongSequenceWeight?: number;
}

export interface SimulationReport {
  /** Hex app hash after each simulated block, first block first. */
  appHashes: string[];
  /** Txs each operation put into blocks. */
  txsByOp: Record<string, number>;
  /** Txs refused as planned, by "<codespace> <code>". */
  refusals: Record<string, number>;
}

/** Thrown when a tx ends otherwise than planned, or an invariant breaks; names the seed to replay. */
export class SimulationError extends Error {
  constructor(seed: number, height: bigint, reason: string) {
    super(`simulation with seed ${seed} failed at block ${height}: ${reason}`);
    this.name = "SimulationError";
  }
}

const WRONG_SEQUENCE = "auth/wrong-sequence";

interface BlockTx {
  op: string;
  planned: PlannedTx;
  /** The planned expectation, or the admission's refusal that comes before it. */
  expect: Expectation;
  /** Added to the account's sequence when signing (0: the right one). */
  sequenceOffset: bigint;
}

export async function runSimulation(o: SimulationOptions): Promise<SimulationReport> {
  const rand = new Rand(o.seed);
  const ops = [...o.ops, ...(o.wrongSequenceWeight ? [{ name: WRONG_SEQUENCE, weight: o.wrongSequenceWeight, plan: () => undefined }] : [])];
  const totalWeight = ops.reduce((sum, op) => sum + op.weight, 0);
  if (totalWeight <= 0) throw new Error("the simulation needs at least one operation with a positive weight");
  const report: SimulationReport = { appHashes: [], txsByOp: Object.fromEntries(ops.map((op) => [op.name, 0])), refusals: {} };

  const chooseOp = (): WeightedOp => {
    let ticket = rand.int(totalWeight);
    for (const op of ops) if ((ticket -= op.weight) < 0) return op;
    return ops[ops.length - 1]!;
  };

  const signers = new ValidatorVotes();
  for (let i = 1; i <= o.blocks; i++) {
    const height = o.lastHeight + BigInt(i);
    const ctx = o.app.queryContext();
    const view = blockView(o, ctx);
    const txs: BlockTx[] = [];
    for (let n = 0; n < o.txsPerBlock; n++) {
      const op = chooseOp();
      if (op.name === WRONG_SEQUENCE) {
        const inner = o.ops.length ? rand.pick(o.ops).plan(rand, view) : undefined;
        if (inner) txs.push({ op: op.name, planned: inner, expect: admission(o, ctx, inner) ?? failsWith(ErrWrongSequence), sequenceOffset: rand.between(1n, 3n) });
      } else {
        const planned = op.plan(rand, view);
        if (planned) txs.push({ op: op.name, planned, expect: admission(o, ctx, planned) ?? planned.expect, sequenceOffset: 0n });
      }
    }
    // Failures first: they see balances as the block starts, before any transfer in it; txs that
    // change what others were planned against last.
    const rank = (tx: BlockTx) => (!tx.expect.ok ? 0 : tx.planned.runsLast ? 2 : 1);
    txs.sort((a, b) => rank(a) - rank(b));

    const encoded: Uint8Array[] = [];
    for (const tx of txs) {
      const account = o.account(ctx, tx.planned.signer);
      if (!account) throw new SimulationError(o.seed, height, `${tx.op} planned a tx from ${tx.planned.signer}, which has no account`);
      encoded.push(await o.sign(tx.planned.signer, tx.planned.msgs, { ...account, sequence: account.sequence + tx.sequenceOffset }, o.fee));
      report.txsByOp[tx.op]!++;
    }
    const response = o.app.finalizeBlock(syntheticBlock(height, encoded, signers.lastCommit()));
    signers.apply(response.validatorUpdates);
    response.txResults.forEach((result, index) => {
      const tx = txs[index]!;
      const mismatch = unexpected(tx.expect, result);
      if (mismatch) throw new SimulationError(o.seed, height, `${tx.op} from ${tx.planned.signer}: ${mismatch}`);
      if (!tx.expect.ok) {
        const error = `${tx.expect.codespace} ${tx.expect.code}`;
        report.refusals[error] = (report.refusals[error] ?? 0) + 1;
      }
    });
    o.app.commit();
    o.onBlock?.(height, response);
    report.appHashes.push(Buffer.from(response.appHash).toString("hex"));
    try {
      o.invariants.assertAll(o.app.queryContext());
    } catch (err) {
      throw new SimulationError(o.seed, height, (err as Error).message);
    }
  }
  return report;
}

/**
 * The validators the app has sent CometBFT, each voting for every block: what the next block's
 * decided_last_commit says (taking updates at once, a block earlier than CometBFT would).
 */
class ValidatorVotes {
  private readonly powers = new Map<string, bigint>();

  apply(updates: readonly ValidatorUpdate[]): void {
    for (const u of updates) {
      if (!u.pubKey.ed25519) continue;
      const address = Buffer.from(sha256(u.pubKey.ed25519).subarray(0, 20)).toString("hex");
      if (u.power === 0n) this.powers.delete(address);
      else this.powers.set(address, u.power);
    }
  }

  lastCommit(): CommitInfo {
    const votes = [...this.powers].sort(([a], [b]) => (a < b ? -1 : 1)).map(([address, power]) => ({ validator: { address: Buffer.from(address, "hex"), power }, blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT }));
    return { round: 0, votes };
  }
}

/** The refusal of the first message the admission checks refuse, or undefined. */
function admission(o: SimulationOptions, ctx: Context, planned: PlannedTx): Expectation | undefined {
  if (!o.admit) return undefined;
  for (const msg of planned.msgs) {
    try {
      o.admit(ctx, msg.typeUrl);
    } catch (err) {
      if (err instanceof CodedError) return failsWith(err);
      throw err;
    }
  }
  return undefined;
}

function blockView(o: SimulationOptions, ctx: Context): SimView {
  const used = new Set<string>();
  const spendable = (address: string, denom: string): bigint => {
    const balance = o.balance(ctx, address, denom);
    const left = denom === o.fee.denom ? balance - o.fee.amount : balance;
    return left > 0n ? left : 0n;
  };
  const claimSigner = (address: string): boolean => {
    if (used.has(address) || o.balance(ctx, address, o.fee.denom) < o.fee.amount) return false;
    used.add(address);
    return true;
  };
  return {
    ctx,
    accounts: o.accounts,
    spendable,
    claimSigner,
    pickSigner(rand) {
      const start = rand.int(o.accounts.length);
      for (let i = 0; i < o.accounts.length; i++) {
        const address = o.accounts[(start + i) % o.accounts.length]!;
        if (claimSigner(address)) return address;
      }
      return undefined;
    },
  };
}

function unexpected(expect: Expectation, result: { code: number; codespace: string; log: string }): string | undefined {
  if (expect.ok) return result.code === 0 ? undefined : `expected success, got ${result.codespace} code ${result.code}: ${result.log}`;
  if (result.code === expect.code && result.codespace === expect.codespace) return undefined;
  return result.code === 0 ? `expected ${expect.codespace} code ${expect.code}, but it succeeded` : `expected ${expect.codespace} code ${expect.code}, got ${result.codespace} code ${result.code}: ${result.log}`;
}
