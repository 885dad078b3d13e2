/**
 * The "new binary" of the upgrade tests, loaded by `agorad start --upgrade-handlers`: its v2
 * migration turns off transfers of "ulegacy", which a bank Params query shows.
 */
import type { UpgradeRegistrar } from "../../app/upgrades.js";

export const registerUpgrades: UpgradeRegistrar = (app) =>
  app.upgrades.register("v2", (ctx) => {
    const params = app.bank.getParams(ctx);
    app.bank.params.set(ctx, { ...params, sendEnabled: [...params.sendEnabled, { denom: "ulegacy", enabled: false }] });
  });
