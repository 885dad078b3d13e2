/**
 * Reads the cross-language test vectors that `make circuits` writes (circuits/build/vectors/*.json,
 * by circuits/cmd/zkvectors) and the built keys. A missing build is an error naming the command
 * that makes it, never a skipped test.
 */
import { readFileSync } from "node:fs";
import { buildFiles, defaultBuildDir, requireBuilt, type CircuitName } from "./build-dir.js";

export function readVectors(name: string, buildDir: string = defaultBuildDir()): unknown {
  const path = requireBuilt(buildFiles.vectors(buildDir, name));
  return JSON.parse(readFileSync(path, "utf8")) as unknown;
}

export function readKey(circuit: CircuitName, kind: "vk" | "pk" | "ccs", buildDir: string = defaultBuildDir()): Uint8Array {
  return new Uint8Array(readFileSync(requireBuilt(buildFiles[kind](buildDir, circuit))));
}
