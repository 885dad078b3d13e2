/** The bank module: balances, supply and transfers. */
import type { AppModule } from "../../sdk/module/module.js";
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import type { InvariantRegistry } from "../../sdk/invariants/registry.js";
import type { WeightedOp } from "../../sdk/simulation/operation.js";
import type { Context } from "../../sdk/types/context.js";
import { defaultBankGenesis, exportBankGenesis, initBankGenesis, type BankGenesis } from "./genesis.js";
import { registerBankInvariants } from "./invariants.js";
import type { BankKeeper } from "./keeper.js";
import { registerBankMsgs } from "./msg-server.js";
import { registerBankQueries } from "./query-server.js";
import { bankSimulationOps } from "./simulation.js";
import { BANK_MODULE, BANK_STORE } from "./types.js";

export class BankModule implements AppModule {
  readonly name = BANK_MODULE;
  readonly storeKeys = [BANK_STORE];
  constructor(readonly keeper: BankKeeper) {}

  registerMsgs(router: MsgRouter): void {
    registerBankMsgs(router, this.keeper);
  }
  registerQueries(router: QueryRouter): void {
    registerBankQueries(router, this.keeper);
  }
  defaultGenesis(): BankGenesis {
    return defaultBankGenesis();
  }
  initGenesis(ctx: Context, genesis: unknown): void {
    initBankGenesis(ctx, this.keeper, genesis as BankGenesis);
  }
  exportGenesis(ctx: Context): BankGenesis {
    return exportBankGenesis(ctx, this.keeper);
  }
  registerInvariants(registry: InvariantRegistry): void {
    registerBankInvariants(registry, this.keeper);
  }
  simulationOps(): WeightedOp[] {
    return bankSimulationOps(this.keeper);
  }
}
