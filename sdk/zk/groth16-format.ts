/**
 * gnark v0.16.1's binary Groth16 (BN254) verifying key and proof, parsed into validated points
 * (backend/groth16/bn254/marshal.go; compressed WriteTo and raw WriteRawTo forms both read).
 *
 *   vk    = [α]1 [β]1 [β]2 [γ]2 [δ]1 [δ]2  K:[]G1  publicAndCommitmentCommitted:[][]uint64
 *           nbCommitments:uint32  then per commitment a Pedersen key (G:G2, GSigmaNeg:G2)
 *   proof = Ar:G1 Bs:G2 Krs:G1  Commitments:[]G1  CommitmentPok:G1
 *
 * Slices are a big-endian uint32 length then the elements.
 */
import { ByteReader, GnarkFormatError, type G1Affine, type G2Affine, type G2SubgroupTest } from "./gnark-encoding.js";

export interface PedersenKey {
  g: G2Affine;
  gSigmaNeg: G2Affine;
}

/** null is the point at infinity, which only K and the proof's commitments may hold. */
export interface VerifyingKey {
  alpha: G1Affine;
  /** [β]1 and [δ]1 are not in the check; they are kept to test the key's consistency. */
  beta1: G1Affine;
  delta1: G1Affine;
  beta: G2Affine;
  gamma: G2Affine;
  delta: G2Affine;
  /** K[0] goes with the constant 1, K[1..] with public inputs, then one per commitment. */
  k: (G1Affine | null)[];
  /** For each commitment, the (1-based) public inputs it also commits to. */
  publicCommitted: number[][];
  commitmentKeys: PedersenKey[];
  /** How many public inputs a proof for this key takes (gnark: len(K) - 1 - nbCommitments). */
  nbPublic: number;
}

export interface Proof {
  a: G1Affine | null;
  b: G2Affine | null;
  c: G1Affine | null;
  commitments: (G1Affine | null)[];
  commitmentPok: G1Affine | null;
}

/** Generous bounds that keep a corrupted length from allocating without end. */
const MAX_K = 1 << 20;
const MAX_COMMITMENTS = 64;

export function parseVerifyingKey(bytes: Uint8Array, g2InSubgroup: G2SubgroupTest): VerifyingKey {
  const r = new ByteReader(bytes, "verifying key", g2InSubgroup);
  const alpha = r.g1("[α]1");
  const beta1 = r.g1("[β]1");
  const beta = r.g2("[β]2");
  const gamma = r.g2("[γ]2");
  const delta1 = r.g1("[δ]1");
  const delta = r.g2("[δ]2");
  const k = r.g1Slice("K", MAX_K);

  const nbLists = r.uint32("publicAndCommitmentCommitted length");
  if (nbLists > MAX_COMMITMENTS) r.fail(`implausible number of commitments ${nbLists}`);
  const publicCommitted: number[][] = [];
  for (let i = 0; i < nbLists; i++) {
    const n = r.uint32(`publicAndCommitmentCommitted[${i}] length`);
    if (n > k.length) r.fail(`commitment ${i} lists ${n} public inputs but the key has ${k.length} K points`);
    publicCommitted.push(Array.from({ length: n }, () => Number(r.uint64(`publicAndCommitmentCommitted[${i}]`))));
  }
  const nbCommitments = r.uint32("number of commitment keys");
  if (nbCommitments !== nbLists) r.fail(`${nbCommitments} commitment keys for ${nbLists} commitments`);
  const pedersenPoints: (G2Affine | null)[] = [];
  for (let i = 0; i < nbCommitments; i++) pedersenPoints.push(r.g2(`commitment key ${i} G`), r.g2(`commitment key ${i} GSigmaNeg`));
  r.end();

  const nbPublic = k.length - 1 - nbCommitments;
  if (nbPublic < 0) throw new GnarkFormatError(`verifying key: ${k.length} K points cannot serve ${nbCommitments} commitments`);
  for (const [i, list] of publicCommitted.entries()) {
    for (const idx of list) {
      if (!Number.isSafeInteger(idx) || idx < 1 || idx > nbPublic) throw new GnarkFormatError(`verifying key: commitment ${i} refers to public input ${idx} of ${nbPublic}`);
    }
  }
  if (alpha === null || beta1 === null || delta1 === null || beta === null || gamma === null || delta === null) {
    throw new GnarkFormatError("verifying key: α, β, γ and δ must not be the point at infinity");
  }
  const commitmentKeys: PedersenKey[] = [];
  for (let i = 0; i < nbCommitments; i++) {
    const [g, gSigmaNeg] = [pedersenPoints[2 * i], pedersenPoints[2 * i + 1]];
    if (!g || !gSigmaNeg) throw new GnarkFormatError(`verifying key: commitment key ${i} has a point at infinity`);
    // gnark folds all proofs of knowledge against the first key's G.
    if (i > 0 && !sameG2(g, commitmentKeys[0]!.g)) throw new GnarkFormatError(`verifying key: commitment key ${i} has a different G than key 0`);
    commitmentKeys.push({ g, gSigmaNeg });
  }
  return { alpha, beta1, delta1, beta, gamma, delta, k, publicCommitted, commitmentKeys, nbPublic };
}

export function parseProof(bytes: Uint8Array, g2InSubgroup: G2SubgroupTest): Proof {
  const r = new ByteReader(bytes, "proof", g2InSubgroup);
  const a = r.g1("Ar");
  const b = r.g2("Bs");
  const c = r.g1("Krs");
  const commitments = r.g1Slice("Commitments", MAX_COMMITMENTS);
  const commitmentPok = r.g1("CommitmentPok");
  r.end();
  return { a, b, c, commitments, commitmentPok };
}

function sameG2(a: G2Affine, b: G2Affine): boolean {
  return a.x.c0 === b.x.c0 && a.x.c1 === b.x.c1 && a.y.c0 === b.y.c0 && a.y.c1 === b.y.c1;
}
