/**
 * Agora's domain-separated uses of the one ZK hash, H = Poseidon2 Merkle–Damgård (poseidon2.ts),
 * exactly as circuits/hash/hash.go defines them and the circuits constrain them. Each use absorbs
 * a tag first: the field element whose big-endian bytes are an ASCII label, so no two uses can
 * produce the same preimage. Merkle nodes instead take one width-3 permutation, the tag in its
 * capacity lane: P3(T_MERKLE, left, right)[1].
 */
import { bytesToBigint, parseFr } from "./field.js";
import { hashMD, MERKLE_PARAMS, permute } from "./poseidon2.js";

/** The field element whose big-endian bytes are `label` (at most 31 bytes, so below r). */
export function tag(label: string): bigint {
  const bytes = new TextEncoder().encode(label);
  if (bytes.length > 31) throw new Error(`tag label longer than 31 bytes: ${label}`);
  return bytesToBigint(bytes);
}

export const LABELS = {
  valueCommitment: "agora.zk.value",
  owner: "agora.zk.owner",
  note: "agora.zk.note",
  nullifier: "agora.zk.nullifier",
  merkle: "agora.zk.merkle",
  identity: "agora.zk.identity",
  voteNullifier: "agora.zk.vote",
  attestation: "agora.zk.attestation",
} as const;

const T = Object.fromEntries(Object.entries(LABELS).map(([k, v]) => [k, tag(v)])) as Record<keyof typeof LABELS, bigint>;

/** Field elements in, so a caller's mistake (a number ≥ r, a float) fails here, not as a wrong hash. */
export type Fr = bigint | string;
const h = (tagValue: bigint, what: string, ...xs: Fr[]): bigint => hashMD([tagValue, ...xs.map((x, i) => parseFr(x, `${what} input ${i}`))]);

/** H(value tag, value, asset, blinding): the range circuit's commitment. */
export const valueCommitment = (value: Fr, asset: Fr, blinding: Fr) => h(T.valueCommitment, "value commitment", value, asset, blinding);
/** H(owner tag, spendKey): the public address notes are sent to. */
export const owner = (spendKey: Fr) => h(T.owner, "owner", spendKey);
/** H(note tag, value, asset, owner, blinding). */
export const noteCommitment = (value: Fr, asset: Fr, ownerValue: Fr, blinding: Fr) => h(T.note, "note commitment", value, asset, ownerValue, blinding);
/** H(nullifier tag, spendKey, position, noteCommitment). */
export const nullifier = (spendKey: Fr, position: Fr, commitment: Fr) => h(T.nullifier, "nullifier", spendKey, position, commitment);
/**
 * P3(merkle tag, left, right)[1]: one width-3 Poseidon2 permutation (8 full, 56 partial rounds)
 * used as a one-block sponge, the tag in the capacity lane 0, the children in the rate lanes,
 * squeezing rate lane 1.
 */
export const merkleNode = (left: Fr, right: Fr): bigint =>
  permute([T.merkle, parseFr(left, "merkle node input 0"), parseFr(right, "merkle node input 1")], MERKLE_PARAMS)[1]!;
/** H(identity tag, identitySecret). */
export const identityCommitment = (secret: Fr) => h(T.identity, "identity commitment", secret);
/** H(vote tag, proposalId, identitySecret): one per voter and proposal. */
export const voteNullifier = (proposalId: Fr, secret: Fr) => h(T.voteNullifier, "vote nullifier", proposalId, secret);
/** H(attestation tag, identitySecret, birthDate, country, salt). */
export const attestationCommitment = (secret: Fr, birthDate: Fr, country: Fr, salt: Fr) => h(T.attestation, "attestation commitment", secret, birthDate, country, salt);
