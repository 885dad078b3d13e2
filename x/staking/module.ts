/** The staking module: validators, delegations, the active set sent to CometBFT each block. */
import type { ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import type { InvariantRegistry } from "../../sdk/invariants/registry.js";
import type { AppModule } from "../../sdk/module/module.js";
import type { WeightedOp } from "../../sdk/simulation/operation.js";
import type { Context } from "../../sdk/types/context.js";
import { defaultStakingGenesis, exportStakingGenesis, initStakingGenesis, type StakingGenesis } from "./genesis.js";
import { registerStakingInvariants } from "./invariants.js";
import type { StakingKeeper } from "./keeper.js";
import { registerStakingMsgs } from "./msg-server.js";
import { registerStakingQueries } from "./query-server.js";
import { stakingSimulationOps } from "./simulation.js";
import { STAKING_MODULE, STAKING_STORE } from "./types.js";
import { stakingEndBlock } from "./validator-set.js";

export class StakingModule implements AppModule {
  readonly name = STAKING_MODULE;
  readonly storeKeys = [STAKING_STORE];

  constructor(readonly keeper: StakingKeeper) {}

  registerMsgs(router: MsgRouter): void {
    registerStakingMsgs(router, this.keeper);
  }
  registerQueries(router: QueryRouter): void {
    registerStakingQueries(router, this.keeper);
  }
  registerInvariants(registry: InvariantRegistry): void {
    registerStakingInvariants(registry, this.keeper);
  }
  defaultGenesis(): StakingGenesis {
    return defaultStakingGenesis();
  }
  initGenesis(ctx: Context, genesis: unknown): ValidatorUpdate[] {
    return initStakingGenesis(ctx, this.keeper, genesis as StakingGenesis);
  }
  exportGenesis(ctx: Context): StakingGenesis {
    return exportStakingGenesis(ctx, this.keeper);
  }
  endBlock(ctx: Context): ValidatorUpdate[] {
    return stakingEndBlock(ctx, this.keeper);
  }
  simulationOps(): WeightedOp[] {
    return stakingSimulationOps(this.keeper);
  }
}
