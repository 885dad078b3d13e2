/**
 * Proofs of random committed balances, made by the store and checked by our ICS-23 verifiers as
 * a light client would: a key's existence and a missing key's absence against the store's root,
 * and a key's value against the app hash (RootMultiStore.prove's two ProofOps).
 */
import { verifyStoreProof } from "../../sdk/store/proof/multistore.js";
import { verifyNonExistence } from "../../sdk/store/proof/absence.js";
import { verifyExistence } from "../../sdk/store/proof/verify.js";
import { BALANCES_STORE, balanceKey } from "./shape.js";
import type { BalanceWorkload } from "./workload.js";

export interface ProofKindFigures {
  madePerSecond: number;
  verifiedPerSecond: number;
  /** Every proof verified (a bench of failing proofs would measure nothing). */
  allVerified: boolean;
}

export interface ProofFigures {
  /** Proofs of each kind. */
  proofs: number;
  existence: ProofKindFigures;
  nonExistence: ProofKindFigures;
  /** RootMultiStore.prove of present keys, verified against the app hash. */
  appHash: ProofKindFigures;
  /** Inner ops per existence proof, on average (the tree's depth at a key). */
  meanPathLength: number;
}

const perSecond = (count: number, nanos: bigint) => (count * 1e9) / Number(nanos);

/** Proofs of each kind made and verified before timing, so the JIT has compiled both paths. */
const WARMUP_PROOFS = 200;

function timed<P>(count: number, make: (i: number) => P, verify: (proof: P, i: number) => boolean): ProofKindFigures & { proofs: P[] } {
  for (let i = 0; i < Math.min(count, WARMUP_PROOFS); i++) verify(make(i), i);
  const madeStart = process.hrtime.bigint();
  const proofs = Array.from({ length: count }, (_, i) => make(i));
  const verifyStart = process.hrtime.bigint();
  let verified = 0;
  for (let i = 0; i < count; i++) if (verify(proofs[i]!, i)) verified++;
  const end = process.hrtime.bigint();
  return { proofs, madePerSecond: perSecond(count, verifyStart - madeStart), verifiedPerSecond: perSecond(count, end - verifyStart), allVerified: verified === count };
}

const kind = ({ madePerSecond, verifiedPerSecond, allVerified }: ProofKindFigures): ProofKindFigures => ({ madePerSecond, verifiedPerSecond, allVerified });

export function measureProofs(workload: BalanceWorkload, count: number): ProofFigures {
  const multistore = workload.store;
  const store = multistore.getKVStore(BALANCES_STORE);
  const root = store.root;
  const appHash = multistore.lastCommitId().hash;
  const present = Array.from({ length: count }, () => balanceKey(workload.existingKey()));
  // Checked against the value the store holds, not the proof's own.
  const values = present.map((key) => store.get(key)!);
  // Indices far past any the bench writes.
  const absent = Array.from({ length: count }, () => balanceKey(2 ** 40 + workload.existingKey()));

  const existence = timed(count, (i) => store.proveExistence(present[i]!), (proof, i) => proof !== undefined && verifyExistence(proof, root, present[i]!, values[i]!));
  const nonExistence = timed(count, (i) => store.prove(absent[i]!).nonexist, (proof, i) => proof !== undefined && verifyNonExistence(proof, root, absent[i]!));
  const toAppHash = timed(count, (i) => multistore.prove(BALANCES_STORE, present[i]!).proof, (ops, i) => verifyStoreProof(ops, appHash, BALANCES_STORE, present[i]!, values[i]!));
  return {
    proofs: count,
    existence: kind(existence),
    nonExistence: kind(nonExistence),
    appHash: kind(toAppHash),
    meanPathLength: existence.proofs.reduce((n, p) => n + (p?.path.length ?? 0), 0) / count,
  };
}
