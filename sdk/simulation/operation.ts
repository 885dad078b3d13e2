/**
 * What a module adds to the simulation (after the Cosmos SDK's simulation framework): weighted
 * operations that each plan one tx from the current state, with the outcome it must have.
 */
import type { Context } from "../types/context.js";
import type { Rand } from "./rand.js";

export interface SimMsg {
  typeUrl: string;
  value: Uint8Array;
}

/** The tx's expected result: success, or the registered error it must fail with. */
export type Expectation = { ok: true } | { ok: false; codespace: string; code: number };

export const SUCCEEDS: Expectation = { ok: true };
export const failsWith = (error: { codespace: string; code: number }): Expectation => ({ ok: false, codespace: error.codespace, code: error.code });

export interface PlannedTx {
  /** Bech32 address of the simulated account that signs and pays the fee. */
  signer: string;
  msgs: SimMsg[];
  expect: Expectation;
  /**
   * Runs after the block's other txs: set when the tx changes what they were planned against
   * (e.g. which message types the circuit breaker admits), so that they all see the block's
   * starting state. Refusals run first in any case.
   */
  runsLast?: boolean;
}

/** The state an operation plans against: the last committed block, seen as the block starts. */
export interface SimView {
  /** Read-only context over the last committed state. */
  ctx: Context;
  /** Every simulated account (the ones the simulation can sign for). */
  accounts: readonly string[];
  /**
   * A signer not yet used in this block that can pay the fee, or undefined. Each account signs at
   * most once a block and the fee is set aside, so a balance seen here only grows before its tx.
   */
  pickSigner(rand: Rand): string | undefined;
  /** Takes `address` as a signer (a role holder, say) if it is unused in this block and can pay the fee. */
  claimSigner(address: string): boolean;
  /** What `address` can send of `denom` after the fee of its tx. */
  spendable(address: string, denom: string): bigint;
}

export interface WeightedOp {
  /** `<module>/<what it does>`, e.g. "bank/send", in the simulation's report. */
  name: string;
  /** Relative frequency among all operations. */
  weight: number;
  /** Plans one tx, or undefined when the state offers nothing to do. */
  plan(rand: Rand, view: SimView): PlannedTx | undefined;
}

/**
 * A message a module offers for simulated governance proposals (the SDK's ProposalMsgs): signed
 * by the gov authority, it runs when a proposal carrying it passes.
 */
export interface WeightedProposalMsg {
  /** `<module>/<what it does>`, e.g. "roles/grant". */
  name: string;
  weight: number;
  /** Builds one message from the current state, or undefined when the state offers nothing. */
  build(rand: Rand, view: SimView): SimMsg | undefined;
}
