/** The slashing module: liveness over the signed-blocks window, jailing, unjailing, signing infos. */
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import type { InvariantRegistry } from "../../sdk/invariants/registry.js";
import type { AppModule } from "../../sdk/module/module.js";
import type { WeightedOp } from "../../sdk/simulation/operation.js";
import type { Context } from "../../sdk/types/context.js";
import { defaultSlashingGenesis, exportSlashingGenesis, initSlashingGenesis, type SlashingGenesis } from "./genesis.js";
import { registerSlashingInvariants } from "./invariants.js";
import type { SlashingKeeper } from "./keeper.js";
import { slashingBeginBlock } from "./liveness.js";
import { registerSlashingMsgs } from "./msg-server.js";
import { registerSlashingQueries } from "./query-server.js";
import { slashingSimulationOps } from "./simulation.js";
import { SLASHING_MODULE, SLASHING_STORE } from "./types.js";

export class SlashingModule implements AppModule {
  readonly name = SLASHING_MODULE;
  readonly storeKeys = [SLASHING_STORE];

  constructor(readonly keeper: SlashingKeeper) {}

  registerMsgs(router: MsgRouter): void {
    registerSlashingMsgs(router, this.keeper);
  }
  registerQueries(router: QueryRouter): void {
    registerSlashingQueries(router, this.keeper);
  }
  registerInvariants(registry: InvariantRegistry): void {
    registerSlashingInvariants(registry, this.keeper);
  }
  defaultGenesis(): SlashingGenesis {
    return defaultSlashingGenesis();
  }
  initGenesis(ctx: Context, genesis: unknown): void {
    initSlashingGenesis(ctx, this.keeper, genesis as SlashingGenesis);
  }
  exportGenesis(ctx: Context): SlashingGenesis {
    return exportSlashingGenesis(ctx, this.keeper);
  }
  beginBlock(ctx: Context): void {
    slashingBeginBlock(ctx, this.keeper);
  }
  simulationOps(): WeightedOp[] {
    return slashingSimulationOps(this.keeper);
  }
}
