/**
 * The few curve operations a Groth16 verifier needs, so the same verifier (groth16-verify.ts) runs
 * on either arithmetic: @noble/curves (pure TypeScript) or ffjavascript (WebAssembly, ~3x faster
 * here). Points enter as validated affine coordinates (gnark-encoding.ts) and stay in the
 * engine's own representation from then on.
 */
import type { G1Affine, G2Affine } from "./gnark-encoding.js";

export interface PairingEngine<G1, Bases, G2Lines, GT> {
  readonly name: string;
  /** Order-r subgroup test for a G2 point already known to be on the curve. */
  g2InSubgroup(q: G2Affine): boolean;
  /** A validated G1 point (null: infinity) in the engine's representation. */
  g1(p: G1Affine | null): G1;
  /** Called once per verifying key: the points that public inputs multiply. */
  g1Bases(points: readonly (G1Affine | null)[]): Bases;
  /** Σ scalars[i]·bases[i] (0 ≤ scalars[i] < r), one scalar per base. */
  g1Msm(bases: Bases, scalars: readonly bigint[]): G1;
  g1Add(a: G1, b: G1): G1;
  /** k·p for 0 ≤ k < r; need not be constant-time (verification handles public data only). */
  g1Mul(p: G1, k: bigint): G1;
  /** Miller-loop line coefficients for a validated G2 point other than infinity. */
  g2Lines(q: G2Affine): G2Lines;
  /** Π e(p_i, q_i) after the final exponentiation; pairs whose p is infinity contribute 1. */
  pairingProduct(pairs: readonly (readonly [G1, G2Lines])[]): GT;
  gtEqual(a: GT, b: GT): boolean;
  gtOne(): GT;
}

/** An engine whose types are hidden, for callers that only choose one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPairingEngine = PairingEngine<any, any, any, any>;
