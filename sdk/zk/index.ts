/**
 * Agora's zero-knowledge SDK: proving with the Go circuits (in a worker), verifying Groth16
 * proofs synchronously in TypeScript, and the one ZK hash with its domain-separated uses.
 * See sdk/zk/README.md.
 */
export { CIRCUITS, defaultBuildDir, type CircuitName } from "./build-dir.js";
export { FR_ORDER, parseFr } from "./field.js";
export { GnarkFormatError } from "./gnark-encoding.js";
export { Groth16Verifier } from "./groth16-verifier.js";
export { prepareVerifyingKey, verifyGroth16, type PreparedKey } from "./groth16-verify.js";
export * from "./hashes.js";
export { DEPTH, MerkleTree, rootFromPath, ZERO_HASHES } from "./merkle.js";
export { nobleEngine } from "./pairing-noble.js";
export { wasmEngine } from "./pairing-wasm.js";
export { compress, hashMD, MERKLE_PARAMS, permute } from "./poseidon2.js";
export { ZkProver, type ProofWithInputs, type Witness, type ZkProverOptions } from "./prover.js";
