/**
 * The pairing engine on ffjavascript's BN254 WebAssembly (wasmcurves, as used by snarkjs), single
 * threaded: every call is synchronous on the caller's thread. Measured here at about a third of
 * @noble/curves' Groth16 verification time, which is what brings a chain's per-transaction
 * verification under 10 ms. Correctness is cross-checked against the noble engine in tests.
 *
 * Building the curve compiles its wasm (~0.2 s), so it happens once, on first use of `wasmEngine()`.
 */
import { buildBn128, type Bn128 } from "ffjavascript";
import { FR_ORDER } from "./field.js";
import type { G1Affine, G2Affine } from "./gnark-encoding.js";
import type { PairingEngine } from "./pairing-engine.js";

/** G1 points are Jacobian buffers; G2 points only ever enter as line coefficients. */
type G1 = Uint8Array;
type Lines = Uint8Array;
type GT = Uint8Array;
/** Affine bases back to back, for wasmcurves' multi-exponentiation; infinity bases left out. */
interface Bases {
  affine: Uint8Array;
  /** Index, among all bases, of each one kept. */
  kept: number[];
}

/** Bits per Pippenger window: measured fastest for the 1–20 bases of our circuits. */
const WINDOW = 2;

function littleEndian(k: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0, v = k; i < 32; i++, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}
const R_LE = littleEndian(FR_ORDER);

function makeEngine(c: Bn128): PairingEngine<G1, Bases, Lines, GT> {
  const g2 = (q: G2Affine) => c.G2.toJacobian(c.G2.fromObject([[q.x.c0, q.x.c1], [q.y.c0, q.y.c1]]));
  const g1 = (p: G1Affine | null) => (p === null ? c.G1.zero : c.G1.toJacobian(c.G1.fromObject([p.x, p.y])));
  return {
    name: "ffjavascript (WebAssembly)",
    // r·q = 0 exactly when q is in the order-r subgroup (q is on the curve, whose order is a multiple of r).
    g2InSubgroup: (q) => c.G2.isZero(c.G2.timesScalar(g2(q), R_LE)),
    g1,
    g1Bases(points) {
      const kept = points.flatMap((p, i) => (p === null ? [] : [i]));
      const affine = new Uint8Array(64 * kept.length);
      kept.forEach((i, j) => affine.set(c.G1.fromObject([points[i]!.x, points[i]!.y]), 64 * j));
      return { affine, kept };
    },
    g1Msm: (bases, scalars) => msm(c, bases, scalars),
    g1Add: (a, b) => c.G1.add(a, b),
    g1Mul: (p, k) => (k === 0n ? c.G1.zero : c.G1.timesScalar(p, littleEndian(k))),
    g2Lines: (q) => c.prepareG2(g2(q)),
    pairingProduct(pairs) {
      let f = c.Gt.one;
      for (const [p, lines] of pairs) if (!c.G1.isZero(p)) f = c.Gt.mul(f, c.millerLoop(c.prepareG1(p), lines));
      return c.finalExponentiation(f);
    },
    gtEqual: (a, b) => c.Gt.eq(a, b),
    gtOne: () => c.Gt.one,
  };
}

/**
 * Σ k_i·B_i in wasm memory: one window of WINDOW bits at a time (wasmcurves' Pippenger chunk),
 * most significant first, doubling the accumulator in between. ffjavascript's own multiExp is
 * asynchronous; this is the same arithmetic, synchronous. Measured ~3x faster than one scalar
 * multiplication per base for 19 bases.
 */
function msm(c: Bn128, bases: Bases, scalars: readonly bigint[]): G1 {
  const n = bases.kept.length;
  if (n === 0) return c.G1.zero;
  const packed = new Uint8Array(32 * n);
  bases.kept.forEach((i, j) => packed.set(littleEndian(scalars[i]!), 32 * j));
  const { tm } = c;
  const wasm = tm.instance.exports;
  tm.startSyncOp();
  try {
    const pBases = tm.allocBuff(bases.affine);
    const pScalars = tm.allocBuff(packed);
    const pChunk = tm.alloc(96);
    const pAcc = tm.alloc(96);
    wasm.g1m_zero(pAcc);
    for (let bit = 256 - WINDOW; bit >= 0; bit -= WINDOW) {
      for (let j = 0; j < WINDOW; j++) wasm.g1m_double(pAcc, pAcc);
      wasm.g1m_multiexpAffine_chunk(pBases, pScalars, 32, n, bit, WINDOW, pChunk);
      wasm.g1m_add(pAcc, pChunk, pAcc);
    }
    return tm.getBuff(pAcc, 96);
  } finally {
    tm.endSyncOp();
  }
}

let engine: Promise<PairingEngine<G1, Bases, Lines, GT>> | undefined;

/** The engine, built on first call and shared; the wasm instance lives as long as the process. */
export function wasmEngine(): Promise<PairingEngine<G1, Bases, Lines, GT>> {
  engine ??= buildBn128(true).then(makeEngine);
  return engine;
}
