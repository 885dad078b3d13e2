/**
 * Where `make circuits` puts its output (circuits/build/) and the files TypeScript reads from it.
 * Every missing file is reported with the command that makes it.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const CIRCUITS = ["range", "spend", "vote", "identity"] as const;
export type CircuitName = (typeof CIRCUITS)[number];

/**
 * $AGORA_ZK_BUILD_DIR if set, else circuits/build of this checkout (this file is in sdk/zk/, or
 * dist/sdk/zk/ once compiled).
 */
export function defaultBuildDir(): string {
  const fromEnv = process.env.AGORA_ZK_BUILD_DIR;
  if (fromEnv) return resolve(fromEnv);
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "circuits", "go.mod"))) {
    const up = dirname(dir);
    if (up === dir) return resolve("circuits", "build");
    dir = up;
  }
  return join(dir, "circuits", "build");
}

export function isCircuitName(name: unknown): name is CircuitName {
  return typeof name === "string" && (CIRCUITS as readonly string[]).includes(name);
}

export function assertCircuitName(name: unknown): asserts name is CircuitName {
  if (!isCircuitName(name)) throw new Error(`unknown circuit ${JSON.stringify(name)} (known: ${CIRCUITS.join(", ")})`);
}

export const buildFiles = {
  wasm: (dir: string) => join(dir, "zk.wasm"),
  wasmExec: (dir: string) => join(dir, "wasm_exec.js"),
  ccs: (dir: string, c: CircuitName) => join(dir, "keys", `${c}.ccs`),
  pk: (dir: string, c: CircuitName) => join(dir, "keys", `${c}.pk`),
  vk: (dir: string, c: CircuitName) => join(dir, "keys", `${c}.vk`),
  vectors: (dir: string, name: string) => join(dir, "vectors", `${name}.json`),
};

/** Throws the one message a missing build needs: what is missing and how to make it. */
export function requireBuilt(path: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`make circuits\` (from the repository root) to build the circuits`);
  return path;
}
