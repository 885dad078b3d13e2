import assert from "node:assert/strict";
import { test } from "node:test";
import { benchSnapshot } from "./snapshot.js";

test("the snapshot bench creates and restores a bank-like state and reports its timings and peak RSS", () => {
  const r = benchSnapshot(3_000);
  assert.equal(r.keys, 3_000);
  assert.equal(r.appHashMatches, true);
  assert.equal(r.chunks, 1);
  assert.ok(r.snapshotBytes > 3_000 * 30, `${r.snapshotBytes} bytes for 3,000 balances`);
  for (const figure of [r.buildSeconds, r.createSeconds, r.restoreSeconds, r.createPeakRss, r.restorePeakRss]) assert.ok(figure > 0);
});
