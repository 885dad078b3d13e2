/**
 * Native Go figures for the ZK bench, from the Go side's own bench (circuits/cmd/zkbench, also
 * `make circuits-bench`): constraints and native proving and verification times per circuit.
 * Its output is a table; this reads the columns it documents:
 *   circuit constraints compile setup prove verify proof pk(raw) vk ccs heap
 */
import { spawnSync } from "node:child_process";
import { dirname } from "node:path";

export interface NativeFigures {
  constraints: number;
  proveMs: number;
  verifyMs: number;
}

/** Go's time.Duration.String(): "1.5s", "700ms", "1.25ms", "830µs", "2m3.5s". */
export function parseGoDuration(text: string): number {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, µs: 1e-3, us: 1e-3, ns: 1e-6 };
  let ms = 0;
  let matched = "";
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|µs|us|ns)/g)) {
    ms += Number(m[1]) * units[m[2]!]!;
    matched += m[0];
  }
  if (matched !== text || text === "") throw new Error(`not a Go duration: ${JSON.stringify(text)}`);
  return ms;
}

/** Runs zkbench (compiles, sets up and proves each circuit natively: tens of seconds). */
export function nativeFigures(buildDir: string, runs: number): Map<string, NativeFigures> | string {
  const circuitsDir = dirname(buildDir);
  const run = spawnSync("go", ["run", "./cmd/zkbench", "--n", String(runs)], { cwd: circuitsDir, encoding: "utf8", maxBuffer: 1 << 24 });
  if (run.error) return `n/a (${run.error.message}: native figures need Go)`;
  if (run.status !== 0) return `n/a (go run ./cmd/zkbench failed: ${run.stderr.trim().split("\n").pop() ?? run.status})`;
  const figures = new Map<string, NativeFigures>();
  for (const line of run.stdout.split("\n")) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 6 || !/^\d+$/.test(cols[1]!)) continue;
    figures.set(cols[0]!, { constraints: Number(cols[1]), proveMs: parseGoDuration(cols[4]!), verifyMs: parseGoDuration(cols[5]!) });
  }
  return figures;
}
