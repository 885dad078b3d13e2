/**
 * `npm run bench`: tx throughput (signed bank sends, blocks of 1,000; a mixed workload of posts,
 * follows, tips and orders) and a 1M-account genesis, printed as a table. BENCH_QUICK=1 runs small sizes as a smoke test; BENCH_ONLY=tx or
 * BENCH_ONLY=genesis runs one part (for profiling).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GenesisResult } from "./genesis.js";
import { machine } from "./machine.js";
import { runMixed } from "./mixed.js";
import { runThroughput, type ThroughputResult } from "./throughput.js";

const quick = process.env.BENCH_QUICK === "1";
const sizes = quick
  ? { blockSize: 50, warmupBlocks: 1, blocks: 2, genesisAccounts: 5_000 }
  : { blockSize: 1_000, warmupBlocks: 2, blocks: 10, genesisAccounts: 1_000_000 };

const MiB = 1024 * 1024;
const pad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);
const thousands = (n: number) => Math.round(n).toLocaleString("en-US");

function throughputRows(results: ThroughputResult[]): string[] {
  const head = `${"".padEnd(50)}${pad("txs/s", 8)}  µs/tx: ${["decode", "verify", "exec", "commit", "other", "total"].map((h) => pad(h, 7)).join("")}`;
  const rows = results.map((r) => {
    const perTx = (ns: bigint) => pad((Number(ns) / 1000 / r.txs).toFixed(1), 7);
    const b = r.breakdown;
    const txsPerSec = (r.txs * 1e9) / Number(r.nanos);
    return `${r.label.padEnd(50)}${pad(thousands(txsPerSec), 8)}         ${[b.decode, b.verify, b.exec, b.commit, b.other, r.nanos].map(perTx).join("")}`;
  });
  const failed = results.reduce((n, r) => n + r.failed, 0);
  return [head, ...rows, `all txs code 0: ${failed === 0 ? "yes" : `no (${failed} failed)`}`];
}

/** Runs bench/genesis.js in its own process, so that its peak RSS is its own. */
function runGenesis<T>(...args: string[]): T {
  const script = fileURLToPath(new URL("./genesis.js", import.meta.url));
  const child = spawnSync(process.execPath, [script, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (child.status !== 0) throw new Error(`the genesis bench failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as T;
}

function genesisRows(built: { jsonBytes: number; buildSeconds: number }, g: GenesisResult): string[] {
  const s = (x: number) => `${x.toFixed(1)} s`;
  const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;
  return [
    `  app_state JSON       ${mib(built.jsonBytes)}, built in ${s(built.buildSeconds)} (another process); read: RSS ${mib(g.peakRssBeforeInitChain)}`,
    `  InitChain            ${s(g.initChainSeconds)}   RSS after ${mib(g.rssAfterInitChain)}`,
    `  FinalizeBlock        ${s(g.finalizeSeconds)}`,
    `  Commit               ${s(g.commitSeconds)}   RSS after ${mib(g.rssAfterCommit)}`,
    `  total                ${s(g.initChainSeconds + g.finalizeSeconds + g.commitSeconds)}`,
    `  peak RSS             ${mib(g.peakRss)}   (the app_state bytes held throughout included)`,
    `  app hash             ${g.appHash}`,
  ];
}

const { blockSize, warmupBlocks, blocks, genesisAccounts } = sizes;
console.log(`Agora bench${quick ? " (quick)" : ""}: ${machine()}`);
const only = process.env.BENCH_ONLY;
if (only !== "genesis") {
  console.log(`\nBank sends: ${blocks} blocks of ${blockSize} txs after ${warmupBlocks} warm-up, ${2 * blockSize} accounts, one core`);
  for (const line of throughputRows(await runThroughput({ blockSize, warmupBlocks, blocks }))) console.log(line);
  const mixed = await runMixed({ blockSize, warmupBlocks, blocks });
  const mix = Object.entries(mixed.byAction).map(([name, n]) => `${name} ${thousands(n)}`).join(", ");
  console.log(`\nMixed workload: ${blocks} blocks of ${blockSize} txs (${mix}) after ${warmupBlocks} warm-up, one core`);
  console.log(`${mixed.label.padEnd(50)}${pad(thousands((mixed.txs * 1e9) / Number(mixed.nanos)), 8)} txs/s`);
  console.log(`mixed txs code 0: ${mixed.failed === 0 ? "yes" : `no (${mixed.failed} failed)`}`);
}
if (only !== "tx") {
  console.log(`\nGenesis of ${thousands(genesisAccounts)} funded accounts (own process)`);
  const file = join(mkdtempSync(join(tmpdir(), "agora-bench-")), "app_state.json");
  const built = runGenesis<{ jsonBytes: number; buildSeconds: number }>("--write", String(genesisAccounts), file);
  const genesis = runGenesis<GenesisResult>("--from", file, String(genesisAccounts));
  rmSync(dirname(file), { recursive: true, force: true });
  for (const line of genesisRows(built, genesis)) console.log(line);
}
