/**
 * The chain's hot path: `verifyGroth16(vk, publicInputs, proof)`, synchronous, on the fastest
 * engine measured (ffjavascript's WebAssembly; see bench/zk). Importing this module builds that
 * engine once (~0.2 s, a top-level await), so every call after is plain synchronous code.
 *
 * Throws for a malformed key, proof or inputs; returns false for a proof that does not verify.
 */
import { Groth16Verifier, type PreparedVerifyingKey } from "./groth16-verifier.js";
import { wasmEngine } from "./pairing-wasm.js";

const verifier = new Groth16Verifier(await wasmEngine());

export type PreparedKey = ReturnType<typeof verifier.prepare>;

/** Parses, validates and precomputes a verifying key; `verifyGroth16` also caches this by the key's hash. */
export function prepareVerifyingKey(vk: Uint8Array): PreparedKey {
  return verifier.prepare(vk);
}

export function verifyGroth16(vk: Uint8Array | PreparedKey, publicInputs: readonly (bigint | string)[], proof: Uint8Array): boolean {
  return verifier.verify(vk, publicInputs, proof);
}

export type { PreparedVerifyingKey };
