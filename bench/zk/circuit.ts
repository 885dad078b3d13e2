/**
 * One circuit's share of `npm run bench:zk`, in its own process so that its peak memory is its
 * own: proving in the Go wasm (worker thread), then verification three ways — the TypeScript
 * verifier on ffjavascript's wasm pairing (the chain's hot path), the same verifier on
 * @noble/curves, and gnark's verifier inside the Go wasm. Prints one JSON line.
 *
 *   node dist/bench/zk/circuit.js <circuit> [proveRuns]
 */
import { statSync } from "node:fs";
import { assertCircuitName, buildFiles, defaultBuildDir } from "../../sdk/zk/build-dir.js";
import { Groth16Verifier } from "../../sdk/zk/groth16-verifier.js";
import { prepareVerifyingKey, verifyGroth16 } from "../../sdk/zk/groth16-verify.js";
import { nobleEngine } from "../../sdk/zk/pairing-noble.js";
import { ZkProver } from "../../sdk/zk/prover.js";
import { readKey, readVectors } from "../../sdk/zk/vectors.js";
import { peakRss } from "../machine.js";
import { benchMs } from "./timing.js";

export interface CircuitResult {
  circuit: string;
  loadMs: number;
  proveMs: number;
  /** The first verification with a key not seen before (parsing and precomputation included). */
  verifyColdMs: number;
  verifyMs: { tsWasm: number; tsNoble: number; gnarkWasm: number };
  proofBytes: number;
  keyBytes: { pk: number; vk: number; ccs: number };
  peakRss: number;
}

const circuit = process.argv[2];
assertCircuitName(circuit);
const proveRuns = Number(process.argv[3] ?? 3);
const buildDir = defaultBuildDir();
const witness = (readVectors("proofs") as Record<string, { witness: Record<string, unknown> }>)[circuit]!.witness;
const vk = readKey(circuit, "vk");
const size = (path: string) => statSync(path).size;

const zk = await ZkProver.open(buildDir);
let t = performance.now();
await zk.load(circuit);
const loadMs = performance.now() - t;
let proof: Uint8Array = new Uint8Array();
let inputs: bigint[] = [];
const proveMs = await benchMs(1, proveRuns, async () => {
  ({ proof, publicInputs: inputs } = await zk.prove(circuit, witness));
});

t = performance.now();
if (!verifyGroth16(Uint8Array.from(vk), inputs, proof)) throw new Error(`${circuit}: the TypeScript verifier rejected a fresh proof`);
const verifyColdMs = performance.now() - t;
const pvk = prepareVerifyingKey(vk);
const noble = new Groth16Verifier(nobleEngine);
const nobleKey = noble.prepare(vk);
const verifyMs = {
  // The hot path as the chain calls it: key bytes in (prepared form found in the cache), proof bytes in.
  tsWasm: await benchMs(5, 50, () => verifyGroth16(vk, inputs, proof)),
  tsNoble: await benchMs(2, 10, () => noble.verify(nobleKey, inputs, proof)),
  gnarkWasm: await benchMs(2, 10, () => zk.verify(circuit, vk, inputs, proof)),
};
if (!verifyGroth16(pvk, inputs, proof) || !(await zk.verify(circuit, vk, inputs, proof))) throw new Error(`${circuit}: a verifier rejected a fresh proof`);
await zk.close();

const result: CircuitResult = {
  circuit,
  loadMs,
  proveMs,
  verifyColdMs,
  verifyMs,
  proofBytes: proof.length,
  keyBytes: { pk: size(buildFiles.pk(buildDir, circuit)), vk: vk.length, ccs: size(buildFiles.ccs(buildDir, circuit)) },
  peakRss: peakRss(),
};
console.log(JSON.stringify(result));
