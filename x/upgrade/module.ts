/** The upgrade module: governance schedules a plan; at its height the binary migrates or stops. */
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import type { AppModule } from "../../sdk/module/module.js";
import type { Context } from "../../sdk/types/context.js";
import { upgradeBeginBlock } from "./begin-block.js";
import { defaultUpgradeGenesis, exportUpgradeGenesis, initUpgradeGenesis, type UpgradeGenesis } from "./genesis.js";
import type { UpgradeKeeper } from "./keeper.js";
import { registerUpgradeMsgs } from "./msg-server.js";
import { registerUpgradeQueries } from "./query-server.js";
import { UPGRADE_MODULE, UPGRADE_STORE } from "./types.js";

export class UpgradeModule implements AppModule {
  readonly name = UPGRADE_MODULE;
  readonly storeKeys = [UPGRADE_STORE];
  constructor(readonly keeper: UpgradeKeeper) {}

  registerMsgs(router: MsgRouter): void {
    registerUpgradeMsgs(router, this.keeper);
  }
  registerQueries(router: QueryRouter): void {
    registerUpgradeQueries(router, this.keeper);
  }
  defaultGenesis(): UpgradeGenesis {
    return defaultUpgradeGenesis();
  }
  initGenesis(ctx: Context, genesis: unknown): void {
    initUpgradeGenesis(ctx, this.keeper, genesis as UpgradeGenesis);
  }
  exportGenesis(ctx: Context): UpgradeGenesis {
    return exportUpgradeGenesis(ctx, this.keeper);
  }
  /** Must run first in the block: see upgradeBeginBlock. */
  beginBlock(ctx: Context): void {
    upgradeBeginBlock(this.keeper, ctx);
  }
}
