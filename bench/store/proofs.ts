/**
 * Existence proofs of random committed balances: made by the store (CommitStore.proveExistence)
 * and checked by our ICS-23 verifier against the store's root, as a light client would.
 */
import type { ExistenceProof } from "cosmjs-types/cosmos/ics23/v1/proofs";
import { verifyExistence } from "../../sdk/store/proof/verify.js";
import { BALANCES_STORE, balanceKey } from "./shape.js";
import type { BalanceWorkload } from "./workload.js";

export interface ProofFigures {
  proofs: number;
  provedPerSecond: number;
  verifiedPerSecond: number;
  /** Inner ops per proof, on average (the tree's depth at a key). */
  meanPathLength: number;
  /** Every proof verified against the root (a bench of failing proofs would measure nothing). */
  allVerified: boolean;
}

export function measureProofs(workload: BalanceWorkload, count: number): ProofFigures {
  const store = workload.store.getKVStore(BALANCES_STORE);
  const keys = Array.from({ length: count }, () => balanceKey(workload.existingKey()));

  const proveStart = process.hrtime.bigint();
  const proofs = keys.map((key) => store.proveExistence(key));
  const proveNanos = process.hrtime.bigint() - proveStart;
  const made = proofs.filter((p): p is ExistenceProof => p !== undefined);

  // Checked against the key asked for and the value the store holds, not the proof's own.
  const values = keys.map((key) => store.get(key));
  const root = store.root;
  const verifyStart = process.hrtime.bigint();
  let verified = 0;
  for (let i = 0; i < count; i++) {
    const proof = proofs[i];
    if (proof && verifyExistence(proof, root, keys[i]!, values[i]!)) verified++;
  }
  const verifyNanos = process.hrtime.bigint() - verifyStart;

  return {
    proofs: count,
    provedPerSecond: (count * 1e9) / Number(proveNanos),
    verifiedPerSecond: (made.length * 1e9) / Number(verifyNanos),
    meanPathLength: made.reduce((n, p) => n + p.path.length, 0) / Math.max(1, made.length),
    allVerified: made.length === count && verified === count,
  };
}
