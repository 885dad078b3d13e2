/**
 * An operator who sets `[crisis] invariant-check-period` gets a node that stops, with one clear
 * line, at the first check that finds the state broken: here a genesis that gives the fee
 * collector's module account a permission the app never declared.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { moduleAddress, toAccAddress } from "../../sdk/types/address.js";
import { Devnet } from "../support/devnet.js";

test("agorad with invariant-check-period = 1 halts at block 1 naming the broken invariant", async () => {
  const devnet = await Devnet.create();
  try {
    const genesisPath = join(devnet.home, "config", "genesis.json");
    const genesis = JSON.parse(readFileSync(genesisPath, "utf8")) as { app_state: { auth: { accounts: unknown[] } } };
    const feeCollector = toAccAddress(moduleAddress("fee_collector"));
    genesis.app_state.auth.accounts.push({
      "@type": "/cosmos.auth.v1beta1.ModuleAccount",
      base_account: { address: feeCollector, account_number: "1000", sequence: "0" },
      name: "fee_collector",
      permissions: ["minter"],
    });
    writeFileSync(genesisPath, JSON.stringify(genesis));
    devnet.setAppConfig("crisis", "invariant-check-period", 1);

    devnet.launch();
    const { code, log } = await devnet.waitForExit();
    assert.equal(code, 1, log);
    assert.match(
      log,
      /^Error: FinalizeBlock failed: invariant auth\/module-accounts broken: module accounts differ from the app's declared permissions \(fee_collector: permissions \[minter\], the app declares \[\]\)$/m,
    );
  } finally {
    await devnet.destroy();
  }
});
