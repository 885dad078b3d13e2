/** The governance module: proposals that execute messages, with deposits, votes and tallies. */
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import type { InvariantRegistry } from "../../sdk/invariants/registry.js";
import type { AppModule } from "../../sdk/module/module.js";
import type { WeightedOp, WeightedProposalMsg } from "../../sdk/simulation/operation.js";
import type { Context } from "../../sdk/types/context.js";
import { governanceEndBlock } from "./end-block.js";
import { defaultGovGenesis, exportGovGenesis, initGovGenesis, type GovGenesis } from "./genesis.js";
import type { GovKeeper } from "./keeper.js";
import { registerGovInvariants } from "./invariants.js";
import { registerGovMsgs } from "./msg-server.js";
import { registerGovQueries } from "./query-server.js";
import { governanceProposalMsgs, governanceSimulationOps } from "./simulation.js";
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

  registerInvariants(registry: InvariantRegistry): void {
    registerGovInvariants(registry, this.keeper);
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

  simulationOps(proposalMsgs: readonly WeightedProposalMsg[]): WeightedOp[] {
    return governanceSimulationOps(this.keeper, proposalMsgs);
  }

  proposalMsgs(): WeightedProposalMsg[] {
    return governanceProposalMsgs(this.keeper);
  }
}
