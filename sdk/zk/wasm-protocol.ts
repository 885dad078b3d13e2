/**
 * Messages between ZkProver (prover.ts) and the worker thread that runs the Go wasm
 * (wasm-worker.ts). Every request carries an id and gets exactly one reply with that id, unless
 * the worker dies, in which case the prover rejects every pending request itself.
 */
import type { CircuitName } from "./build-dir.js";

export interface WorkerConfig {
  buildDir: string;
  wasmPath: string;
  wasmExecPath: string;
}

export type Request =
  | { id: number; op: "prove"; circuit: CircuitName; witnessJson: string }
  | { id: number; op: "verify"; circuit: CircuitName; vk: Uint8Array; publicWitness: Uint8Array; proof: Uint8Array }
  | { id: number; op: "load"; circuit: CircuitName };

export interface ProveResult {
  proof: Uint8Array;
  publicWitness: Uint8Array;
}

export type Reply =
  | { type: "ready" }
  | { type: "result"; id: number; ok: true; value: ProveResult | boolean | null }
  | { type: "result"; id: number; ok: false; message: string }
  /** Output of the Go program (fd 1 or 2), a line at a time. */
  | { type: "log"; stream: "stdout" | "stderr"; line: string }
  /** The Go program exited or the wasm trapped: the worker is unusable. */
  | { type: "fatal"; message: string };
