/**
 * The Poseidon2 permutation over the BN254 scalar field, as gnark-crypto v0.21.0
 * (ecc/bn254/fr/poseidon2) and gnark v0.16.1's circuit gadget (std/permutation/poseidon2) compute
 * it, with gnark's 2-to-1 compression and Merkle–Damgård hash on top. The circuits hash with the
 * same code, so a value computed here equals the one a proof commits to.
 *
 * Widths 2 and 3 only: their round keys are derived from a seed string by iterated Keccak-256,
 * exactly as gnark-crypto's initRC does; wider states use tables of constants that no circuit of
 * ours uses.
 */
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToBigint, FR_ORDER, frMod, isFr } from "./field.js";

export interface Poseidon2Params {
  width: 2 | 3;
  fullRounds: number;
  partialRounds: number;
  /** Full rounds hold `width` keys, partial rounds one (only the first state word gets a key). */
  roundKeys: bigint[][];
}

/** gnark-crypto's seed when none is given: the parameters' own description. */
export function defaultSeed(width: number, fullRounds: number, partialRounds: number): string {
  return `Poseidon2-BN254[t=${width},rF=${fullRounds},rP=${partialRounds},d=5]`;
}

/**
 * Round keys: h0 = keccak(seed), then each key is keccak of the previous digest, read big-endian
 * and reduced mod r (fr.Element.SetBytes).
 */
export function makeParams(width: 2 | 3, fullRounds: number, partialRounds: number, seed = defaultSeed(width, fullRounds, partialRounds)): Poseidon2Params {
  if (fullRounds % 2 !== 0) throw new Error(`Poseidon2 needs an even number of full rounds (got ${fullRounds})`);
  let digest = keccak_256(new TextEncoder().encode(seed));
  const next = (): bigint => {
    digest = keccak_256(digest);
    return frMod(bytesToBigint(digest));
  };
  const roundKeys: bigint[][] = [];
  const half = fullRounds / 2;
  for (let i = 0; i < half; i++) roundKeys.push(Array.from({ length: width }, next));
  for (let i = 0; i < partialRounds; i++) roundKeys.push([next()]);
  for (let i = 0; i < half; i++) roundKeys.push(Array.from({ length: width }, next));
  return { width, fullRounds, partialRounds, roundKeys };
}

/** gnark's default (GetDefaultParameters): width 2, 6 full and 50 partial rounds. */
export const DEFAULT_PARAMS: Poseidon2Params = makeParams(2, 6, 50);

/**
 * Merkle nodes' permutation: width 3, 8 full and 56 partial rounds (gnark-crypto's
 * NewPermutation(3, 8, 56), gnark's NewPoseidon2FromParameters(api, 3, 8, 56)).
 */
export const MERKLE_PARAMS: Poseidon2Params = makeParams(3, 8, 56);

const sbox = (x: bigint): bigint => {
  const x2 = (x * x) % FR_ORDER;
  return (((x2 * x2) % FR_ORDER) * x) % FR_ORDER;
};

/** circ(2,1) for width 2, circ(2,1,1) for width 3: each word plus the sum of all. */
function external(s: bigint[]): void {
  let sum = 0n;
  for (const x of s) sum += x;
  for (let i = 0; i < s.length; i++) s[i] = (s[i]! + sum) % FR_ORDER;
}

/** [[2,1],[1,3]] for width 2, [[2,1,1],[1,2,1],[1,1,3]] for width 3: the last word counts twice more. */
function internal(s: bigint[]): void {
  let sum = 0n;
  for (const x of s) sum += x;
  const last = s.length - 1;
  for (let i = 0; i < last; i++) s[i] = (s[i]! + sum) % FR_ORDER;
  s[last] = (2n * s[last]! + sum) % FR_ORDER;
}

/** The permutation, returning a new state; `state` must hold canonical field elements. */
export function permute(state: readonly bigint[], params: Poseidon2Params = DEFAULT_PARAMS): bigint[] {
  if (state.length !== params.width) throw new Error(`Poseidon2 state must have ${params.width} elements (got ${state.length})`);
  for (const x of state) if (!isFr(x)) throw new Error(`Poseidon2 input is not a field element: ${x}`);
  const s = [...state];
  const half = params.fullRounds / 2;
  const full = (round: number) => {
    const keys = params.roundKeys[round]!;
    for (let j = 0; j < s.length; j++) s[j] = sbox(s[j]! + keys[j]!);
    external(s);
  };
  external(s);
  for (let r = 0; r < half; r++) full(r);
  for (let r = half; r < half + params.partialRounds; r++) {
    s[0] = sbox(s[0]! + params.roundKeys[r]![0]!);
    internal(s);
  }
  for (let r = half + params.partialRounds; r < params.fullRounds + params.partialRounds; r++) full(r);
  return s;
}

/** gnark's Compress: the permutation's second output word plus `right`, as a feed-forward. */
export function compress(left: bigint, right: bigint): bigint {
  return (permute([left, right])[1]! + right) % FR_ORDER;
}

/**
 * gnark's Merkle–Damgård hash (poseidon2.NewMerkleDamgardHasher, and std/hash/poseidon2 in
 * circuit): state starts at 0 and absorbs one element at a time through `compress`. There is no
 * length padding, so callers that hash variable-length data must fix or prefix the length.
 */
export function hashMD(elements: readonly bigint[]): bigint {
  let state = 0n;
  for (const x of elements) state = compress(state, x);
  return state;
}
