import assert from "node:assert/strict";
import { test } from "node:test";
import type { UpgradeRegistrar } from "../../app/upgrades.js";
import { TestChain } from "../../test/support/chain.js";
import { appliedPlan, currentPlan } from "../../test/support/upgrade.js";

/** A binary that has the handlers of the upgrades the chain did (without them it refuses to run). */
const doneHandlers: UpgradeRegistrar = (app) => ["v1", "v2"].forEach((name) => app.upgrades.register(name, () => {}));
const newBinary = () => TestChain.open(undefined, undefined, "", { extraUpgrades: [doneHandlers] });

const exportedUpgrade = (chain: TestChain) => JSON.parse(JSON.stringify(chain.app.modules.exportGenesis(chain.app.base.queryContext())))["upgrade"];

test("the scheduled plan and the upgrades done survive an export and a new chain from it", async () => {
  const chain = newBinary();
  const upgrade = { plan: { name: "v3", height: "50", info: "v3.0.0" }, done: [{ name: "v1", height: "3" }, { name: "v2", height: "9" }] };
  chain.initChain({ upgrade });
  chain.block([]);
  assert.equal(currentPlan(chain)?.name, "v3");
  assert.equal(appliedPlan(chain, "v2"), 9n);
  assert.deepEqual(exportedUpgrade(chain), upgrade);

  const fresh = newBinary();
  fresh.initChain({ upgrade: exportedUpgrade(chain) });
  fresh.block([]);
  assert.deepEqual(exportedUpgrade(fresh), upgrade);
  await chain.destroy();
  await fresh.destroy();
});

test("a genesis plan without a name, with a bad height or already done is refused", async () => {
  const cases: [unknown, RegExp][] = [
    [{ plan: { name: "", height: "5", info: "" } }, /upgrade genesis: plan: name cannot be empty/],
    [{ plan: { name: "v2", height: "five", info: "" } }, /plan height must be a whole number, got "five"/],
    [{ plan: { name: "v2", height: "5", info: "" }, done: [{ name: "v2", height: "1" }] }, /plan v2 is also listed as done/],
    [{ plan: { name: "v2", height: "0", info: "" } }, /height must be greater than 0/],
  ];
  for (const [upgrade, error] of cases) {
    const chain = TestChain.open();
    assert.throws(() => chain.initChain({ upgrade }), error);
    await chain.destroy();
  }
});
