/** The governance module: proposals that execute messages, with deposits, votes and tallies. */
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import type { AppModule } from "../../sdk/module/module.js";
import type { Context } from "../../sdk/types/context.js";
import { governanceEndBlock } from "./end-block.js";
import { defaultGovGenesis, exportGovGenesis, initGovGenesis, type GovGenesis } from "./genesis.js";
import type { GovKeeper } from "./keeper.js";
import { registerGovMsgs } from "./msg-server.js";
import { registerGovQueries } from "./query-server.js";
import { GOVERNANCE_MODULE, GOVERNANCE_STORE } from "./types.js";

export class GovernanceModule implements AppModule {
  readonly name = GOVERNANCE_MODULE;
  readonly storeKeys = [GOVERNANCE_STORE];

  constructor(readonly keeper: GovKeeper) {}

  registerMsgs(router: MsgRouter): void {
    registerGovMsgs(router, this.keeper);
  }

  registerQueries(router: QueryRouter): void {
    registerGovQueries(router, this.keeper);
  }

  defaultGenesis(): GovGenesis {
    return defaultGovGenesis();
  }

  initGenesis(ctx: Context, genesis: unknown): void {
    initGovGenesis(ctx, this.keeper, genesis as GovGenesis);
  }

  exportGenesis(ctx: Context): GovGenesis {
    return exportGovGenesis(ctx, this.keeper);
  }

  endBlock(ctx: Context): void {
    governanceEndBlock(ctx, this.keeper);
  }
}
