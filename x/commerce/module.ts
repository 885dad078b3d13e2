/** The commerce module: stores, listings, escrowed orders, disputes and reviews. */
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import type { InvariantRegistry } from "../../sdk/invariants/registry.js";
import type { AppModule } from "../../sdk/module/module.js";
import type { WeightedOp } from "../../sdk/simulation/operation.js";
import type { Context } from "../../sdk/types/context.js";
import { executeDueDecisions } from "./disputes.js";
import { defaultCommerceGenesis, exportCommerceGenesis, initCommerceGenesis } from "./genesis.js";
import { registerCommerceInvariants } from "./invariants.js";
import type { CommerceKeeper } from "./keeper.js";
import { registerCommerceMsgs } from "./msg-server.js";
import { releaseDueOrders } from "./orders.js";
import { registerCommerceQueries } from "./query-server.js";
import { arbiterExpiryFrom, commerceSimulationOps } from "./simulation.js";
import { COMMERCE_MODULE, COMMERCE_STORE } from "./types.js";

export class CommerceModule implements AppModule {
  readonly name = COMMERCE_MODULE;
  readonly storeKeys = [COMMERCE_STORE];
  constructor(
    readonly keeper: CommerceKeeper,
    /** The roles keeper's view of grants, so simulated disputes pick arbiters whose role outlasts their block. */
    private readonly roles?: Parameters<typeof arbiterExpiryFrom>[0],
  ) {}

  registerMsgs(router: MsgRouter): void {
    registerCommerceMsgs(router, this.keeper);
  }
  registerQueries(router: QueryRouter): void {
    registerCommerceQueries(router, this.keeper);
  }
  registerInvariants(registry: InvariantRegistry): void {
    registerCommerceInvariants(registry, this.keeper);
  }
  defaultGenesis(): unknown {
    return defaultCommerceGenesis();
  }
  initGenesis(ctx: Context, genesis: unknown): void {
    initCommerceGenesis(ctx, this.keeper, genesis);
  }
  exportGenesis(ctx: Context): unknown {
    return exportCommerceGenesis(ctx, this.keeper);
  }
  /** Time-ordered queues: only what is due is touched, never a scan of all orders. */
  endBlock(ctx: Context): void {
    releaseDueOrders(ctx, this.keeper);
    executeDueDecisions(ctx, this.keeper);
  }
  simulationOps(): WeightedOp[] {
    return commerceSimulationOps(this.keeper, this.roles && arbiterExpiryFrom(this.roles));
  }
}
