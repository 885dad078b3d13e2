/** The circuit section of genesis, in the SDK's JSON shape; permissions live in roles instead. */
import type { Context } from "../../sdk/types/context.js";
import type { CircuitKeeper } from "./keeper.js";
import { assertPausable } from "./types.js";

export interface CircuitGenesis {
  // Iterables: a genesis section's arrays may stream (see ModuleManager.initGenesis).
  account_permissions?: Iterable<unknown>;
  disabled_type_urls?: Iterable<string>;
}

export function defaultCircuitGenesis(): CircuitGenesis {
  return { account_permissions: [], disabled_type_urls: [] };
}

export function initCircuitGenesis(ctx: Context, keeper: CircuitKeeper, genesis: CircuitGenesis): void {
  if ([...(genesis.account_permissions ?? [])].length > 0) {
    throw new Error("circuit genesis: account_permissions are not used on Agora; grant the pauser role in the roles section instead");
  }
  for (const typeUrl of genesis.disabled_type_urls ?? []) {
    if (!typeUrl.startsWith("/")) throw new Error(`circuit genesis: disabled type URL must start with "/", got "${typeUrl}"`);
    assertPausable(typeUrl);
    keeper.pause(ctx, typeUrl);
  }
}

export function exportCircuitGenesis(ctx: Context, keeper: CircuitKeeper): CircuitGenesis {
  return { account_permissions: [], disabled_type_urls: keeper.disabledList(ctx) };
}
