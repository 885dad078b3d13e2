/**
 * Native Go figures for the ZK bench, from the Go side's own bench (circuits/cmd/zkbench, also
 * `make circuits-bench`): constraints and native proving and verification times per circuit.
 * It runs with `--json`, whose output (one object, times in milliseconds) is documented in
 * circuits/cmd/zkbench/main.go:
 *   {"goVersion", "gomaxprocs", "runs", "circuits": [{"circuit", "constraints", "proveMs", "verifyMs", …}]}
 */
import { spawnSync } from "node:child_process";
import { dirname } from "node:path";

export interface NativeFigures {
  constraints: number;
  proveMs: number;
  verifyMs: number;
}

/** Reads zkbench's `--json` output; throws on anything not of its documented shape. */
export function parseZkbenchJson(text: string): Map<string, NativeFigures> {
  const doc = JSON.parse(text) as { circuits?: unknown };
  if (!Array.isArray(doc.circuits)) throw new Error("zkbench --json: no circuits array");
  const figures = new Map<string, NativeFigures>();
  for (const c of doc.circuits as Record<string, unknown>[]) {
    const { circuit, constraints, proveMs, verifyMs } = c;
    if (typeof circuit !== "string" || ![constraints, proveMs, verifyMs].every((x) => typeof x === "number" && Number.isFinite(x) && x >= 0)) {
      throw new Error(`zkbench --json: malformed circuit entry ${JSON.stringify(c)}`);
    }
    figures.set(circuit, { constraints: constraints as number, proveMs: proveMs as number, verifyMs: verifyMs as number });
  }
  return figures;
}

/** Runs zkbench (compiles, sets up and proves each circuit natively: tens of seconds). */
export function nativeFigures(buildDir: string, runs: number): Map<string, NativeFigures> | string {
  const circuitsDir = dirname(buildDir);
  const run = spawnSync("go", ["run", "./cmd/zkbench", "--json", "--n", String(runs)], { cwd: circuitsDir, encoding: "utf8", maxBuffer: 1 << 24 });
  if (run.error) return `n/a (${run.error.message}: native figures need Go)`;
  if (run.status !== 0) return `n/a (go run ./cmd/zkbench failed: ${run.stderr.trim().split("\n").pop() ?? run.status})`;
  try {
    return parseZkbenchJson(run.stdout);
  } catch (e) {
    return `n/a (${(e as Error).message})`;
  }
}
