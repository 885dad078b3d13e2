/**
 * `npm run bench:zk`: per circuit, constraints, proving time in the Go wasm (and natively, from
 * circuits/cmd/zkbench), verification time from TypeScript (the chain's verifier, and the
 * alternatives measured side by side), proof and key sizes, wasm size and peak memory; then the
 * goals. Each circuit runs in its own process (peak memory is per circuit).
 *
 * BENCH_QUICK=1: one proof per circuit and a single native run (a smoke test of the bench).
 */
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildFiles, CIRCUITS, defaultBuildDir, requireBuilt } from "../../sdk/zk/build-dir.js";
import { machine } from "../machine.js";
import type { CircuitResult } from "./circuit.js";
import { nativeFigures } from "./native.js";

const quick = process.env.BENCH_QUICK === "1";
const buildDir = defaultBuildDir();
const wasmBytes = statSync(requireBuilt(buildFiles.wasm(buildDir))).size;

function runCircuit(circuit: string): CircuitResult {
  const script = fileURLToPath(new URL("./circuit.js", import.meta.url));
  const child = spawnSync(process.execPath, [script, circuit, quick ? "1" : "3"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (child.status !== 0) throw new Error(`the ${circuit} bench failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as CircuitResult;
}

const KB = 1024;
const MiB = 1024 * 1024;
const size = (n: number) => (n >= MiB ? `${(n / MiB).toFixed(1)} MiB` : n >= KB ? `${(n / KB).toFixed(1)} KiB` : `${n} B`);
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${x.toFixed(0)} ms` : `${x.toFixed(2)} ms`);

console.log(`Agora ZK bench${quick ? " (quick)" : ""}: ${machine()}`);
console.log(`Groth16 over BN254 (gnark v0.16.1), development keys; zk.wasm ${size(wasmBytes)}; medians\n`);

const results = CIRCUITS.map(runCircuit);
const native = nativeFigures(buildDir, quick ? 1 : 3);

const columns: [string, (r: CircuitResult) => string][] = [
  ["circuit", (r) => r.circuit],
  ["constraints", (r) => (typeof native === "string" ? "n/a" : (native.get(r.circuit)?.constraints.toLocaleString("en-US") ?? "n/a"))],
  ["prove wasm", (r) => ms(r.proveMs)],
  ["prove native", (r) => (typeof native === "string" ? "n/a" : native.has(r.circuit) ? ms(native.get(r.circuit)!.proveMs) : "n/a")],
  ["verify TS", (r) => ms(r.verifyMs.tsWasm)],
  ["  (cold key)", (r) => ms(r.verifyColdMs)],
  ["verify noble", (r) => ms(r.verifyMs.tsNoble)],
  ["verify gnark-wasm", (r) => ms(r.verifyMs.gnarkWasm)],
  ["verify native", (r) => (typeof native === "string" ? "n/a" : native.has(r.circuit) ? ms(native.get(r.circuit)!.verifyMs) : "n/a")],
  ["proof", (r) => size(r.proofBytes)],
  ["pk", (r) => size(r.keyBytes.pk)],
  ["vk", (r) => size(r.keyBytes.vk)],
  ["ccs", (r) => size(r.keyBytes.ccs)],
  ["key load", (r) => ms(r.loadMs)],
  ["peak RSS", (r) => size(r.peakRss)],
];
const cells = [columns.map(([h]) => h), ...results.map((r) => columns.map(([, f]) => f(r)))];
const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
for (const row of cells) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));

console.log(`
verify TS     = verifyGroth16 (sdk/zk/groth16-verify.ts): TypeScript checks, ffjavascript wasm pairing; the chain's path
verify noble  = the same verifier on @noble/curves (pure TypeScript)
verify gnark-wasm = gnark's groth16.Verify inside zk.wasm, called through the worker (includes the thread hop)
cold key      = first verification with new key bytes: parsing, subgroup checks, consistency pairings
prove wasm    = ZkProver.prove in the worker thread (Go wasm, one core), after one warm-up proof`);
if (typeof native === "string") console.log(`native: ${native}`);

const spend = results.find((r) => r.circuit === "spend")!;
const worstVerify = Math.max(...results.map((r) => r.verifyMs.tsWasm));
console.log(`\ngoals: spend proof in wasm ≤ 3 s: ${spend.proveMs <= 3000 ? "met" : "NOT met"} (${ms(spend.proveMs)}); ` +
  `verification from TypeScript ≤ 10 ms: ${worstVerify <= 10 ? "met" : "NOT met"} (slowest circuit ${ms(worstVerify)})`);
