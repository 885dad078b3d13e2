import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { ANCHOR_WARMUP_BLOCKS, WARMUP_BLOCKS } from "./blocks.js";
import type { SizeFigures } from "./size.js";
import type { SnapshotBenchResult } from "../snapshot.js";

const run = fileURLToPath(new URL("./run.js", import.meta.url));
const bench = (...args: string[]) => {
  const child = spawnSync(process.execPath, [run, "--quick", ...args], { encoding: "utf8", env: { ...process.env, BENCH_QUICK: "" } });
  assert.equal(child.status, 0, child.stderr);
  return child.stdout;
};

test("npm run bench:store --quick prints the store's figures at a toy size", () => {
  const out = bench();
  assert.match(out, /\d+ cores, node v\d+/);
  assert.match(out, /^ {40,}2,000 keys$/m);
  const labels = ["blocks of 10 writes: writes/s", "blocks of 100 writes: writes/s", ...["existence", "non-existence", "proofs to the app hash"].map((p) => `${p.replace(/^(?!proofs)(.*)$/, "$1 proofs")}: made/s`)];
  for (const label of labels) {
    const row = new RegExp(`^${label}\\s+([\\d,]+)$`, "m").exec(out);
    assert.ok(row && Number(row[1]!.replaceAll(",", "")) > 0, `${label}\n${out}`);
  }
  assert.match(out, /^block of 100 reads\/writes \+ commit: ms\s+[\d.]+ median$/m);
  assert.match(out, /^ {2}ms per write \(IAVL v1 in Go: 0\.24\)\s+[\d.]+$/m);
  assert.match(out, /^the same after those blocks: ms\s+[\d.]+ median$/m);
  assert.match(out, /^ {2}all proofs verified\s+yes$/m);
  assert.match(out, /^disk: data file per key \(file\)\s+[\d,]+ B \(\d+ MiB\)$/m);
  assert.match(out, /^snapshot of 2,000 keys \(\d+ chunks, [\d.]+ MiB\): created in [\d.]+ s, restored in [\d.]+ s/m);
});

test("npm run bench:store --quick --json gives the same figures as JSON", () => {
  const { machine, sizes, snapshot } = JSON.parse(bench("--json")) as { machine: string; sizes: SizeFigures[]; snapshot: SnapshotBenchResult };
  assert.match(machine, /\d+ cores, node v\d+/);
  assert.equal(sizes.length, 1);
  const [size] = sizes;
  assert.equal(size!.keys, 2_000);
  assert.deepEqual(size!.writeBlocks.map((b) => b.writesPerBlock), [10, 100]);
  for (const b of size!.writeBlocks) assert.ok(b.writesPerSecond > 0 && b.commitMsMean > 0);
  assert.ok(size!.anchor.msPerWrite > 0 && size!.anchorAfterBlocks.msPerWrite > 0);
  for (const kind of [size!.proofs.existence, size!.proofs.nonExistence, size!.proofs.appHash]) assert.ok(kind.allVerified && kind.madePerSecond > 0 && kind.verifiedPerSecond > 0);
  assert.ok(size!.disk.fileBytes >= size!.disk.liveBytes && size!.disk.liveBytes > 0);
  // Every block committed one version on top of the build's.
  const blocks = size!.writeBlocks.reduce((n, b) => n + WARMUP_BLOCKS + b.blocks, 0) + 2 * (ANCHOR_WARMUP_BLOCKS + size!.anchor.blocks);
  assert.equal(size!.diskAfterBlocks.versions, 1 + blocks);
  assert.equal(snapshot.keys, 2_000);
});
