/**
 * The pairing engine on @noble/curves: pure TypeScript, audited, synchronous, and the reference
 * the WebAssembly engine is tested against. About 15 ms a Groth16 verification on the bench
 * machine, too slow for the chain's hot path (pairing-wasm.ts is used there).
 */
import { bn254 } from "@noble/curves/bn254.js";
import type { G1Affine, G2Affine } from "./gnark-encoding.js";
import type { PairingEngine } from "./pairing-engine.js";

type G1 = typeof bn254.G1.Point.BASE;
type Lines = ReturnType<typeof bn254.utils.calcPairingPrecomputes>;
type GT = ReturnType<typeof bn254.fields.Fp12.mul>;

const { Fp12 } = bn254.fields;

export const nobleEngine: PairingEngine<G1, G1[], Lines, GT> = {
  name: "@noble/curves (TypeScript)",
  g2InSubgroup: (q) => bn254.G2.Point.fromAffine(q).isTorsionFree(),
  g1: (p) => (p === null ? bn254.G1.Point.ZERO : bn254.G1.Point.fromAffine(p)),
  g1Bases: (points) =>
    points.map((p) => {
      const point = nobleEngine.g1(p);
      if (!point.is0()) point.precompute(8, false); // window table: a base is multiplied at every verification
      return point;
    }),
  g1Msm(bases, scalars) {
    let acc = bn254.G1.Point.ZERO;
    for (const [i, k] of scalars.entries()) if (k !== 0n) acc = acc.add(bases[i]!.multiplyUnsafe(k));
    return acc;
  },
  g1Add: (a, b) => a.add(b),
  g1Mul: (p, k) => (k === 0n ? bn254.G1.Point.ZERO : p.multiplyUnsafe(k)),
  g2Lines: (q: G2Affine) => bn254.utils.calcPairingPrecomputes(bn254.G2.Point.fromAffine(q)),
  pairingProduct(pairs) {
    const batch = pairs
      .filter(([p]) => !p.is0())
      .map(([p, lines]): [Lines, bigint, bigint] => {
        const { x, y }: G1Affine = p.toAffine();
        return [lines, x, y];
      });
    return Fp12.finalExponentiate(bn254.millerLoopBatch(batch));
  },
  gtEqual: (a, b) => Fp12.eql(a, b),
  gtOne: () => Fp12.ONE,
};
