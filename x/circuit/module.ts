/** The circuit module: an emergency pause of message types, checked for every message. */
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import type { AppModule } from "../../sdk/module/module.js";
import type { WeightedOp, WeightedProposalMsg } from "../../sdk/simulation/operation.js";
import type { Context } from "../../sdk/types/context.js";
import type { CircuitRoleKeeper } from "./expected-keepers.js";
import { defaultCircuitGenesis, exportCircuitGenesis, initCircuitGenesis, type CircuitGenesis } from "./genesis.js";
import type { CircuitKeeper } from "./keeper.js";
import { registerCircuitMsgs } from "./msg-server.js";
import { registerCircuitQueries } from "./query-server.js";
import { circuitProposalMsgs, circuitSimulationOps } from "./simulation.js";
import { CIRCUIT_MODULE, CIRCUIT_STORE, isPausable } from "./types.js";

export class CircuitModule implements AppModule {
  readonly name = CIRCUIT_MODULE;
  readonly storeKeys = [CIRCUIT_STORE];
  /** The routed types a pause may cover; known once every module registered its messages. */
  private pausable: () => string[] = () => [];
  constructor(
    readonly keeper: CircuitKeeper,
    private readonly roles: CircuitRoleKeeper,
  ) {}

  registerMsgs(router: MsgRouter): void {
    registerCircuitMsgs(router, this.keeper, this.roles);
    this.pausable = () => router.typeUrls().filter(isPausable).sort();
    // Through the router, so a tx's messages, at CheckTx and in blocks, and nested ones all pass it.
    router.addAdmission((ctx, typeUrl) => this.keeper.assertAllowed(ctx, typeUrl));
  }
  registerQueries(router: QueryRouter): void {
    registerCircuitQueries(router, this.keeper);
  }
  defaultGenesis(): CircuitGenesis {
    return defaultCircuitGenesis();
  }
  initGenesis(ctx: Context, genesis: unknown): void {
    initCircuitGenesis(ctx, this.keeper, genesis as CircuitGenesis);
  }
  exportGenesis(ctx: Context): CircuitGenesis {
    return exportCircuitGenesis(ctx, this.keeper);
  }
  simulationOps(): WeightedOp[] {
    return circuitSimulationOps(this.keeper, this.roles, () => this.pausable());
  }
  proposalMsgs(): WeightedProposalMsg[] {
    return circuitProposalMsgs(this.roles, () => this.pausable());
  }
}
