/** The auth module: accounts, their numbers and sequences, and the ante chain's parameters. */
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import type { AppModule } from "../../sdk/module/module.js";
import type { InvariantRegistry } from "../../sdk/invariants/registry.js";
import type { Context } from "../../sdk/types/context.js";
import { defaultAuthGenesis, exportAuthGenesis, initAuthGenesis, type AuthGenesis } from "./genesis.js";
import { registerAuthInvariants } from "./invariants.js";
import type { AccountKeeper } from "./keeper.js";
import { registerAuthQueries } from "./query-server.js";
import { AUTH_MODULE, AUTH_STORE } from "./types.js";

export class AuthModule implements AppModule {
  readonly name = AUTH_MODULE;
  readonly storeKeys = [AUTH_STORE];
  constructor(readonly keeper: AccountKeeper) {}

  registerQueries(router: QueryRouter): void {
    registerAuthQueries(router, this.keeper);
  }
  defaultGenesis(): AuthGenesis {
    return defaultAuthGenesis();
  }
  initGenesis(ctx: Context, genesis: unknown): void {
    initAuthGenesis(ctx, this.keeper, genesis as AuthGenesis);
  }
  exportGenesis(ctx: Context): AuthGenesis {
    return exportAuthGenesis(ctx, this.keeper);
  }
  registerInvariants(registry: InvariantRegistry): void {
    registerAuthInvariants(registry, this.keeper);
  }
}
