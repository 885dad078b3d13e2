/** The roles module: named roles granted by the gov authority or a role's admin role. */
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import type { AppModule } from "../../sdk/module/module.js";
import type { WeightedOp, WeightedProposalMsg } from "../../sdk/simulation/operation.js";
import type { Context } from "../../sdk/types/context.js";
import { defaultRolesGenesis, exportRolesGenesis, initRolesGenesis, type RolesGenesis } from "./genesis.js";
import type { RolesKeeper } from "./keeper.js";
import { registerRolesMsgs } from "./msg-server.js";
import { registerRolesQueries } from "./query-server.js";
import { rolesProposalMsgs, rolesSimulationOps } from "./simulation.js";
import { ROLES_MODULE, ROLES_STORE } from "./types.js";

export class RolesModule implements AppModule {
  readonly name = ROLES_MODULE;
  readonly storeKeys = [ROLES_STORE];
  constructor(readonly keeper: RolesKeeper) {}

  registerMsgs(router: MsgRouter): void {
    registerRolesMsgs(router, this.keeper);
  }
  registerQueries(router: QueryRouter): void {
    registerRolesQueries(router, this.keeper);
  }
  defaultGenesis(): RolesGenesis {
    return defaultRolesGenesis();
  }
  initGenesis(ctx: Context, genesis: unknown): void {
    initRolesGenesis(ctx, this.keeper, genesis as RolesGenesis);
  }
  exportGenesis(ctx: Context): RolesGenesis {
    return exportRolesGenesis(ctx, this.keeper);
  }
  /** Expired grants already count for nothing; pruning keeps queries and state small. */
  endBlock(ctx: Context): void {
    for (const grant of this.keeper.pruneExpired(ctx)) {
      ctx.events.emit("role_expired", { role: grant.role, address: grant.address, expires_at_height: grant.expiresAtHeight.toString() });
    }
  }
  simulationOps(): WeightedOp[] {
    return rolesSimulationOps(this.keeper);
  }
  proposalMsgs(): WeightedProposalMsg[] {
    return rolesProposalMsgs(this.keeper);
  }
}
