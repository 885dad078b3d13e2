import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { genesisState } from "../test/support/chain.js";
import { benchAddress, genesisAppState } from "./genesis-json.js";

test("the bench's genesis JSON is exactly what genesisState() stringifies to", () => {
  const accounts = Array.from({ length: 12 }, (_, i) => ({ address: benchAddress(i), amount: 777n }));
  assert.equal(genesisAppState(12, 777n).toString("utf8"), JSON.stringify(genesisState(accounts)));
});

test("BENCH_QUICK=1 npm run bench reports throughput, its breakdown and the genesis figures", () => {
  const run = fileURLToPath(new URL("./run.js", import.meta.url));
  const child = spawnSync(process.execPath, [run], { encoding: "utf8", env: { ...process.env, BENCH_QUICK: "1", BENCH_ONLY: "" } });
  assert.equal(child.status, 0, child.stderr);
  const out = child.stdout;

  assert.match(out, /\d+ cores, node v\d+/);
  const rows = [...out.matchAll(/^(CheckTx \+ FinalizeBlock \+ Commit|FinalizeBlock \+ Commit \(txs not seen by CheckTx\))\s+([\d,]+)((?:\s+[\d.]+){6})$/gm)];
  assert.equal(rows.length, 2, out);
  for (const [, , txsPerSec, breakdown] of rows) {
    assert.ok(Number(txsPerSec!.replaceAll(",", "")) > 0, out);
    const [decode, verify, exec, commit, , total] = breakdown!.trim().split(/\s+/).map(Number);
    for (const part of [decode, verify, exec, commit, total]) assert.ok(part! > 0, out);
  }
  assert.match(out, /^all txs code 0: yes$/m);
  assert.match(out, /^Mixed workload: \d+ blocks of \d+ txs \(post [\d,]+, follow [\d,]+, tip [\d,]+, order [\d,]+/m);
  assert.match(out, /^CheckTx \+ FinalizeBlock \+ Commit\s+[1-9][\d,]* txs\/s$/m);
  assert.match(out, /^mixed txs code 0: yes$/m);

  for (const label of ["InitChain", "Commit", "total"]) assert.match(out, new RegExp(`^  ${label}\\s+[\\d.]+ s`, "m"));
  const peak = /^ {2}peak RSS\s+(\d+) MiB /m.exec(out);
  assert.ok(peak && Number(peak[1]) > 0, out);
  assert.match(out, /^ {2}app hash\s+[0-9a-f]{64}$/m);
});
