import assert from "node:assert/strict";
import { test } from "node:test";
import { QueryAuthorityRequest, QueryAuthorityResponse, QueryModuleVersionsRequest, QueryModuleVersionsResponse } from "cosmjs-types/cosmos/upgrade/v1beta1/query";
import { MsgSoftwareUpgrade } from "cosmjs-types/cosmos/upgrade/v1beta1/tx";
import { branch } from "../../sdk/store/multistore.js";
import { Context } from "../../sdk/types/context.js";
import { GasMeter } from "../../sdk/types/gas.js";
import { GovChain } from "../../test/support/governance.js";
import { appliedPlan, cancelUpgrade, currentPlan, passProposal, softwareUpgrade } from "../../test/support/upgrade.js";

/** Runs a message as a passed proposal does (through the router, gov as signer) on a throwaway branch of the next block. */
function dispatchAsGov(gov: GovChain, msg: { typeUrl: string; value: Uint8Array }, prepare?: (ctx: Context) => void): void {
  const app = gov.chain.app;
  const block = { chainId: gov.chain.chainId, height: gov.chain.height + 1n, time: { seconds: 1_700_000_000n + gov.chain.height + 1n, nanos: 0 } };
  const ctx = new Context(block, branch(app.base.store.committedMultiStore()), new GasMeter(), "finalize", app.base.logger);
  prepare?.(ctx);
  app.base.msgRouter.dispatch(ctx, { typeUrl: msg.typeUrl, value: MsgSoftwareUpgrade.decode(msg.value) });
}

test("a passed proposal schedules an upgrade plan that CurrentPlan shows, and another proposal cancels it", async () => {
  const gov = await GovChain.open([1_000_000n]);
  const height = gov.chain.height + 30n;
  await passProposal(gov, [softwareUpgrade(gov.authority, { name: "v2", height, info: "https://example.org/v2.json" })]);
  const plan = currentPlan(gov.chain);
  assert.deepEqual(plan && { name: plan.name, height: plan.height, info: plan.info }, { name: "v2", height, info: "https://example.org/v2.json" });
  assert.equal(appliedPlan(gov.chain, "v2"), 0n, "not applied yet");

  await passProposal(gov, [cancelUpgrade(gov.authority)]);
  assert.equal(currentPlan(gov.chain), undefined);
  gov.advance(Number(height - gov.chain.height) + 1);
  assert.ok(gov.chain.height > height, "a cancelled plan does not stop the chain");
  await gov.destroy();
});

test("anyone but the gov authority is refused, in a tx and as the authority named in the message", async () => {
  const gov = await GovChain.open([1_000_000n]);
  const [alice] = gov.members as [typeof gov.members[0]];
  const own = await gov.tx(alice, [softwareUpgrade(alice.address, { name: "v2", height: 100n })]);
  assert.equal(own.code, 4);
  assert.match(own.log, new RegExp(`invalid authority; expected ${gov.authority}, got ${alice.address}: unauthorized`));
  const cancel = await gov.tx(alice, [cancelUpgrade(alice.address)]);
  assert.equal(cancel.code, 4);
  assert.match(cancel.log, /invalid authority/);
  assert.equal(currentPlan(gov.chain), undefined);

  const res = gov.chain.query("/cosmos.upgrade.v1beta1.Query/Authority", QueryAuthorityRequest.encode({}).finish());
  assert.equal(QueryAuthorityResponse.decode(res.value).address, gov.authority);
  await gov.destroy();
});

test("a plan at a past or the current height, with no name, or with a name already done is refused", async () => {
  const gov = await GovChain.open([1_000_000n]);
  gov.advance(3);
  const next = gov.chain.height + 1n;
  assert.throws(() => dispatchAsGov(gov, softwareUpgrade(gov.authority, { name: "v2", height: next })), /upgrade cannot be scheduled in the past: plan height \d+ is not after the current height \d+/);
  assert.throws(() => dispatchAsGov(gov, softwareUpgrade(gov.authority, { name: "v2", height: next - 1n })), /cannot be scheduled in the past/);
  assert.throws(() => dispatchAsGov(gov, softwareUpgrade(gov.authority, { name: " ", height: next + 10n })), /plan: name cannot be empty/);
  assert.throws(() => dispatchAsGov(gov, softwareUpgrade(gov.authority, { name: "v2", height: 0n })), /height must be greater than 0/);
  assert.throws(
    () => dispatchAsGov(gov, softwareUpgrade(gov.authority, { name: "v1", height: next + 10n }), (ctx) => gov.chain.app.upgrade.setDone(ctx, "v1", 1n)),
    /upgrade with name v1 has already been completed at height 1; choose a new name/,
  );
  dispatchAsGov(gov, softwareUpgrade(gov.authority, { name: "v2", height: next + 1n }));
  await gov.destroy();
});

test("ModuleVersions lists every module's version from genesis on", async () => {
  const gov = await GovChain.open([1_000n]);
  gov.advance(1);
  const res = gov.chain.query("/cosmos.upgrade.v1beta1.Query/ModuleVersions", QueryModuleVersionsRequest.encode({ moduleName: "" }).finish());
  assert.equal(res.code, 0, res.log);
  assert.deepEqual(QueryModuleVersionsResponse.decode(res.value).moduleVersions.map((v) => v.name), gov.chain.app.modules.modules.map((m) => m.name).sort());
  const one = gov.chain.query("/cosmos.upgrade.v1beta1.Query/ModuleVersions", QueryModuleVersionsRequest.encode({ moduleName: "bank" }).finish());
  assert.deepEqual(QueryModuleVersionsResponse.decode(one.value).moduleVersions, [{ name: "bank", version: 1n }]);
  const none = gov.chain.query("/cosmos.upgrade.v1beta1.Query/ModuleVersions", QueryModuleVersionsRequest.encode({ moduleName: "distribution" }).finish());
  assert.equal(none.code, 38);
  await gov.destroy();
});
