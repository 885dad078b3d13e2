/**
 * The whole upgrade path in-process, on two chains fed the same blocks: governance schedules a
 * plan, the old binary halts at its height, the new binary migrates once and goes on.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { QueryParamsRequest, QueryParamsResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import type { UpgradeRegistrar } from "../app/upgrades.js";
import { GovChain } from "./support/governance.js";
import { appliedPlan, currentPlan, passProposal, softwareUpgrade } from "./support/upgrade.js";

/** The new binary's handler: turns off transfers of "ulegacy", which a bank Params query shows. */
const v2: UpgradeRegistrar = (app) =>
  app.upgrades.register("v2", (ctx) => {
    const params = app.bank.getParams(ctx);
    app.bank.params.set(ctx, { ...params, sendEnabled: [...params.sendEnabled, { denom: "ulegacy", enabled: false }] });
  });

function bankParams(gov: GovChain) {
  const res = gov.chain.query("/cosmos.bank.v1beta1.Query/Params", QueryParamsRequest.encode({}).finish());
  return QueryParamsResponse.decode(res.value).params!;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

/** A chain whose governance scheduled "v2" at `height`, on the old binary, `ahead` blocks before that height. */
async function chainWithPlan(ahead = 1n): Promise<{ gov: GovChain; height: bigint }> {
  const gov = await GovChain.open([1_000_000n, 500_000n]);
  const height = gov.chain.height + 20n;
  const id = await passProposal(gov, [softwareUpgrade(gov.authority, { name: "v2", height, info: "v2.0.0" })]);
  assert.equal(gov.status(id), "PROPOSAL_STATUS_PASSED", gov.proposal(id).failedReason);
  gov.advance(Number(height - gov.chain.height - ahead));
  assert.equal(gov.chain.height, height - ahead);
  return { gov, height };
}

test("the old binary halts at the plan's height, again after a restart; the new one migrates once and both chains agree", async () => {
  const chains = [await chainWithPlan(), await chainWithPlan()];
  const { height } = chains[0]!;
  for (const { gov } of chains) {
    const before = gov.chain.app.base.info().lastBlockAppHash;
    assert.throws(() => gov.chain.block([]), { message: `UPGRADE "v2" NEEDED at height: ${height}: v2.0.0` });
    assert.equal(gov.chain.height, height - 1n, "the block at the plan's height is not committed");
    const info = JSON.parse(readFileSync(join(gov.chain.home, "data", "upgrade-info.json"), "utf8")) as Record<string, unknown>;
    assert.deepEqual({ name: info["name"], height: info["height"], info: info["info"] }, { name: "v2", height: Number(height), info: "v2.0.0" });

    // The old binary restarted: the same halt, the same state.
    await gov.reopen();
    assert.throws(() => gov.chain.block([]), /UPGRADE "v2" NEEDED at height/);
    assert.equal(hex(gov.chain.app.base.info().lastBlockAppHash), hex(before));

    // The new binary: the migration runs in the block at the plan's height.
    await gov.reopen({ extraUpgrades: [v2] });
    gov.chain.block([]);
    assert.deepEqual(bankParams(gov).sendEnabled, [{ denom: "ulegacy", enabled: false }]);
    assert.equal(appliedPlan(gov.chain, "v2"), height);
    assert.equal(currentPlan(gov.chain), undefined);
    gov.advance(3);
  }
  const [a, b] = chains.map(({ gov }) => gov.chain.app.base.info());
  assert.equal(a!.lastBlockHeight, height + 3n);
  assert.equal(hex(a!.lastBlockAppHash), hex(b!.lastBlockAppHash), "both nodes have the same state after the upgrade");

  const { gov } = chains[0]!;
  // Restarted again, the new binary does not run the migration a second time (it would add a second entry).
  await gov.reopen({ extraUpgrades: [v2] });
  gov.advance(1);
  assert.deepEqual(bankParams(gov).sendEnabled, [{ denom: "ulegacy", enabled: false }]);

  // The old binary is refused past the height, and the name cannot be scheduled again.
  await gov.reopen();
  assert.throws(() => gov.chain.block([]), /upgrade handler is missing for v2 upgrade plan, which this chain applied at height \d+: run a binary that has it/);
  await gov.reopen({ extraUpgrades: [v2] });
  const again = await passProposal(gov, [softwareUpgrade(gov.authority, { name: "v2", height: gov.chain.height + 30n })]);
  assert.equal(gov.status(again), "PROPOSAL_STATUS_FAILED");
  assert.match(gov.proposal(again).failedReason, /upgrade with name v2 has already been completed/);
  for (const { gov } of chains) await gov.destroy();
});

test("a binary that has the handler before the plan's height refuses to run: binary updated before trigger", async () => {
  const { gov, height } = await chainWithPlan(3n);
  await gov.reopen({ extraUpgrades: [v2] });
  assert.throws(() => gov.chain.block([]), { message: `BINARY UPDATED BEFORE TRIGGER! UPGRADE "v2" - in binary but not executed on chain. Downgrade your binary` });
  assert.equal(gov.chain.height, height - 3n);
  assert.equal(existsSync(join(gov.chain.home, "data", "upgrade-info.json")), false);
  await gov.destroy();
});

test("an operator's skip height drops the due plan instead of halting", async () => {
  const { gov, height } = await chainWithPlan();
  await gov.reopen({ skipUpgradeHeights: [height] });
  gov.chain.block([]);
  assert.equal(currentPlan(gov.chain), undefined);
  assert.equal(appliedPlan(gov.chain, "v2"), 0n);
  await gov.destroy();
});
