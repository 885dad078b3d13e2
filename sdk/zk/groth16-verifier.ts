/**
 * A Groth16 verifier for gnark v0.16.1 proofs on BN254, written once over a PairingEngine
 * (pairing-noble.ts: pure TypeScript; pairing-wasm.ts: WebAssembly). It checks what gnark's
 * groth16.Verify checks and, since its inputs are bytes and numbers from strangers, also that:
 *   - every point of the key and proof is canonical, on its curve and in the order-r subgroup;
 *   - there are exactly as many public inputs as the key expects, each a canonical element of Fr;
 *   - the bytes of key and proof end where they do.
 * Malformed keys, proofs or inputs throw an Error that says what is wrong; a well-formed proof
 * that does not verify returns false. Nothing returns true but a valid proof.
 *
 * The check, with BSB22 commitments D_i folded in as extra public inputs h_i = H(D_i | …):
 *   e(A, B) · e(C, −δ) · e(K0 + Σ x_j K_j + Σ h_i K_{n+i} + Σ D_i, −γ) = e(α, β)
 * and, when there are commitments, their folded proof of knowledge:
 *   e(Σ c^i D_i, −σG) · e(PoK, G) = 1, with c = H(h_0 | h_1 | …).
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { commitmentInput, foldingChallenge } from "./bsb22.js";
import { FR_ORDER, parseFr } from "./field.js";
import { G1_GENERATOR, G2_GENERATOR, GnarkFormatError, negG1, negG2 } from "./gnark-encoding.js";
import { parseProof, parseVerifyingKey, type Proof, type VerifyingKey } from "./groth16-format.js";
import type { PairingEngine } from "./pairing-engine.js";

/** A verifying key with what every verification would otherwise recompute. */
export interface PreparedVerifyingKey<G1, Bases, Lines, GT> {
  readonly vk: VerifyingKey;
  /** K[0], added as is, and K[1..] as multi-exponentiation bases. */
  readonly k0: G1;
  readonly bases: Bases;
  readonly alphaBeta: GT;
  readonly gammaNeg: Lines;
  readonly deltaNeg: Lines;
  readonly pedersen: { g: Lines; gSigmaNeg: Lines[] } | null;
}

/** Prepared keys kept by the SHA-256 of their bytes, so the hot path prepares a key once. */
const MAX_PREPARED = 32;

export class Groth16Verifier<G1, Bases, Lines, GT> {
  private readonly prepared = new Map<string, PreparedVerifyingKey<G1, Bases, Lines, GT>>();

  constructor(readonly engine: PairingEngine<G1, Bases, Lines, GT>) {}

  /** Parses and validates a verifying key (gnark VerifyingKey.WriteTo or WriteRawTo bytes). */
  prepare(vkBytes: Uint8Array): PreparedVerifyingKey<G1, Bases, Lines, GT> {
    if (!(vkBytes instanceof Uint8Array)) throw new TypeError("the verifying key must be a Uint8Array of gnark's binary encoding");
    const id = bytesToHex(sha256(vkBytes));
    const cached = this.prepared.get(id);
    if (cached) return cached;
    const e = this.engine;
    const vk = parseVerifyingKey(vkBytes, (q) => e.g2InSubgroup(q));
    // [β]1 and [δ]1 play no part in verification, so a corrupted one would go unnoticed: require
    // e([x]1, g2) = e(g1, [x]2), which makes every byte of the key matter.
    const g2Lines = e.g2Lines(G2_GENERATOR);
    const g1Neg = e.g1(negG1(G1_GENERATOR));
    for (const [name, p1, p2] of [["β", vk.beta1, vk.beta], ["δ", vk.delta1, vk.delta]] as const) {
      if (!e.gtEqual(e.pairingProduct([[e.g1(p1), g2Lines], [g1Neg, e.g2Lines(p2)]]), e.gtOne())) {
        throw new GnarkFormatError(`verifying key: [${name}]1 and [${name}]2 are not the same exponent (the key is corrupted)`);
      }
    }
    const p: PreparedVerifyingKey<G1, Bases, Lines, GT> = {
      vk,
      k0: e.g1(vk.k[0]!),
      bases: e.g1Bases(vk.k.slice(1)),
      alphaBeta: e.pairingProduct([[e.g1(vk.alpha), e.g2Lines(vk.beta)]]),
      gammaNeg: e.g2Lines(negG2(vk.gamma)),
      deltaNeg: e.g2Lines(negG2(vk.delta)),
      pedersen: vk.commitmentKeys.length === 0 ? null : { g: e.g2Lines(vk.commitmentKeys[0]!.g), gSigmaNeg: vk.commitmentKeys.map((ck) => e.g2Lines(ck.gSigmaNeg)) },
    };
    if (this.prepared.size >= MAX_PREPARED) this.prepared.delete(this.prepared.keys().next().value!);
    this.prepared.set(id, p);
    return p;
  }

  /**
   * Verifies a proof (gnark Proof.WriteTo or WriteRawTo bytes) against a key and the public
   * inputs in the circuit's order (bigints or decimal strings).
   */
  verify(vk: Uint8Array | PreparedVerifyingKey<G1, Bases, Lines, GT>, publicInputs: readonly (bigint | string)[], proofBytes: Uint8Array): boolean {
    const pvk = vk instanceof Uint8Array ? this.prepare(vk) : vk;
    if (!Array.isArray(publicInputs)) throw new TypeError("publicInputs must be an array of field elements (decimal strings or bigints)");
    if (publicInputs.length !== pvk.vk.nbPublic) {
      throw new Error(`wrong number of public inputs: the verifying key expects ${pvk.vk.nbPublic}, got ${publicInputs.length}`);
    }
    const inputs = publicInputs.map((x, i) => parseFr(x, `public input ${i}`));
    if (!(proofBytes instanceof Uint8Array)) throw new TypeError("the proof must be a Uint8Array of gnark's binary encoding");
    const proof = parseProof(proofBytes, (q) => this.engine.g2InSubgroup(q));
    return this.check(pvk, inputs, proof);
  }

  private check(pvk: PreparedVerifyingKey<G1, Bases, Lines, GT>, inputs: bigint[], proof: Proof): boolean {
    const { vk } = pvk;
    const e = this.engine;
    if (proof.commitments.length !== vk.commitmentKeys.length) {
      throw new Error(`proof has ${proof.commitments.length} commitments, the verifying key expects ${vk.commitmentKeys.length}`);
    }
    // Honest proofs have A, B or C at infinity with negligible probability; refusing them keeps
    // every pairing input an ordinary point.
    if (proof.a === null || proof.b === null || proof.c === null) return false;

    const commitments = proof.commitments.map((d) => e.g1(d));
    const hashes = proof.commitments.map((d, i) => commitmentInput(d, vk.publicCommitted[i]!.map((idx) => inputs[idx - 1]!)));
    if (pvk.pedersen !== null) {
      const c = foldingChallenge(hashes);
      const pairs: [G1, Lines][] = [];
      let coeff = 1n;
      for (const [i, d] of commitments.entries()) {
        pairs.push([e.g1Mul(d, coeff), pvk.pedersen.gSigmaNeg[i]!]);
        coeff = (coeff * c) % FR_ORDER;
      }
      pairs.push([e.g1(proof.commitmentPok), pvk.pedersen.g]);
      if (!e.gtEqual(e.pairingProduct(pairs), e.gtOne())) return false;
    }

    let acc = e.g1Add(pvk.k0, e.g1Msm(pvk.bases, [...inputs, ...hashes]));
    for (const d of commitments) acc = e.g1Add(acc, d);

    const product = e.pairingProduct([
      [e.g1(proof.a), e.g2Lines(proof.b)],
      [e.g1(proof.c), pvk.deltaNeg],
      [acc, pvk.gammaNeg],
    ]);
    return e.gtEqual(product, pvk.alphaBeta);
  }
}
