/** The distribution module: fees to validators and delegators (F1, paid lazily) and the community pool. */
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import type { InvariantRegistry } from "../../sdk/invariants/registry.js";
import type { AppModule } from "../../sdk/module/module.js";
import type { WeightedOp, WeightedProposalMsg } from "../../sdk/simulation/operation.js";
import type { Context } from "../../sdk/types/context.js";
import { distributionBeginBlock } from "./allocation.js";
import { defaultDistributionGenesis, exportDistributionGenesis, initDistributionGenesis, type DistributionGenesis } from "./genesis.js";
import { registerDistributionInvariants } from "./invariants.js";
import type { DistributionKeeper } from "./keeper.js";
import { registerDistributionMsgs } from "./msg-server.js";
import { registerDistributionQueries } from "./query-server.js";
import { distributionProposalMsgs, distributionSimulationOps } from "./simulation.js";
import { DISTRIBUTION_MODULE, DISTRIBUTION_STORE } from "./types.js";

export class DistributionModule implements AppModule {
  readonly name = DISTRIBUTION_MODULE;
  readonly storeKeys = [DISTRIBUTION_STORE];

  constructor(readonly keeper: DistributionKeeper) {}

  registerMsgs(router: MsgRouter): void {
    registerDistributionMsgs(router, this.keeper);
  }
  registerQueries(router: QueryRouter): void {
    registerDistributionQueries(router, this.keeper);
  }
  registerInvariants(registry: InvariantRegistry): void {
    registerDistributionInvariants(registry, this.keeper);
  }
  defaultGenesis(): DistributionGenesis {
    return defaultDistributionGenesis();
  }
  initGenesis(ctx: Context, genesis: unknown): void {
    initDistributionGenesis(ctx, this.keeper, genesis as DistributionGenesis);
  }
  exportGenesis(ctx: Context): DistributionGenesis {
    return exportDistributionGenesis(ctx, this.keeper);
  }
  beginBlock(ctx: Context): void {
    distributionBeginBlock(ctx, this.keeper);
  }
  simulationOps(): WeightedOp[] {
    return distributionSimulationOps(this.keeper);
  }
  proposalMsgs(): WeightedProposalMsg[] {
    return distributionProposalMsgs(this.keeper);
  }
}
