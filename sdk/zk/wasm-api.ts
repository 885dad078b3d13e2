/**
 * The typed face of `globalThis.agoraZk`, the functions zk.wasm registers (circuits/cmd/zkwasm:
 * load(circuit, ccs, pk); prove(circuit, witnessJson) → {proof, publicWitness};
 * verify(circuit, vk, publicWitness, proof) → boolean; failures are thrown Errors). Everything
 * the Go side returns is checked here, so a mismatch between the wasm and this SDK is one clear
 * error rather than an undefined deep inside. Results may be values or Promises.
 */
import type { CircuitName } from "./build-dir.js";
import type { ProveResult } from "./wasm-protocol.js";

export interface AgoraZk {
  /** Parses and caches a circuit's constraint system and proving key in the Go heap. */
  load(circuit: CircuitName, ccs: Uint8Array, pk: Uint8Array): Promise<void>;
  prove(circuit: CircuitName, witnessJson: string): Promise<ProveResult>;
  verify(circuit: CircuitName, vk: Uint8Array, publicWitness: Uint8Array, proof: Uint8Array): Promise<boolean>;
}

type Fn = (...args: unknown[]) => unknown;

function fn(api: Record<string, unknown>, name: string): Fn {
  const f = api[name];
  if (typeof f !== "function") throw new Error(`zk.wasm does not provide agoraZk.${name}: rebuild it with \`make circuits\``);
  return f as Fn;
}

function bytes(v: unknown, what: string): Uint8Array {
  if (!(v instanceof Uint8Array)) throw new Error(`agoraZk returned ${typeof v} for ${what}, expected a Uint8Array`);
  return v;
}

export function agoraZkApi(api: unknown): AgoraZk {
  if (typeof api !== "object" || api === null) throw new Error("zk.wasm did not set globalThis.agoraZk: is circuits/build/zk.wasm the cmd/zkwasm build? run `make circuits`");
  const o = api as Record<string, unknown>;
  const [load, prove, verify] = [fn(o, "load"), fn(o, "prove"), fn(o, "verify")];
  return {
    async load(circuit, ccs, pk) {
      await load(circuit, ccs, pk);
    },
    async prove(circuit, witnessJson) {
      const r = (await prove(circuit, witnessJson)) as Record<string, unknown> | null;
      if (typeof r !== "object" || r === null) throw new Error("agoraZk.prove returned no result object");
      return { proof: bytes(r.proof, "the proof"), publicWitness: bytes(r.publicWitness, "the public witness") };
    },
    async verify(circuit, vk, publicWitness, proof) {
      const ok = await verify(circuit, vk, publicWitness, proof);
      if (typeof ok !== "boolean") throw new Error(`agoraZk.verify returned ${typeof ok}, expected a boolean`);
      return ok;
    },
  };
}
