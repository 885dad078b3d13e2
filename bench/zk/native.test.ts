/** bench:zk reads circuits/cmd/zkbench's `--json` output (no Go needed for this test). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseZkbenchJson } from "./native.js";

test("zkbench --json: per-circuit figures are read by name", () => {
  const doc = {
    goVersion: "go1.26.8",
    gomaxprocs: 2,
    runs: 1,
    circuits: [
      { circuit: "range", constraints: 624, compileMs: 3.5, setupMs: 83, proveMs: 18.4, verifyMs: 1.26, proofBytes: 164, pkBytes: 231551, vkBytes: 364, ccsBytes: 71346, heapMiB: 11 },
      { circuit: "spend", constraints: 20250, compileMs: 157, setupMs: 2465, proveMs: 268, verifyMs: 1.21, proofBytes: 164, pkBytes: 7365537, vkBytes: 620, ccsBytes: 2400424, heapMiB: 67 },
    ],
  };
  const figures = parseZkbenchJson(JSON.stringify(doc));
  assert.deepEqual([...figures.keys()], ["range", "spend"]);
  assert.deepEqual(figures.get("spend"), { constraints: 20250, proveMs: 268, verifyMs: 1.21 });
});

test("zkbench --json: anything else is an error, not a silent n/a", () => {
  assert.throws(() => parseZkbenchJson("circuit constraints\nrange 624"), SyntaxError);
  assert.throws(() => parseZkbenchJson("{}"), /no circuits array/);
  assert.throws(() => parseZkbenchJson(JSON.stringify({ circuits: [{ circuit: "range", constraints: "624", proveMs: 1, verifyMs: 1 }] })), /malformed/);
  assert.throws(() => parseZkbenchJson(JSON.stringify({ circuits: [{ circuit: "range", constraints: 624, proveMs: -1, verifyMs: 1 }] })), /malformed/);
});
