/** What commerce needs from bank, distribution and roles, declared here and wired in app/. */
import type { StoreSource } from "../../sdk/collections/collections.js";
import type { Coins } from "../../sdk/types/coins.js";
import type { Context } from "../../sdk/types/context.js";
import type { EventManager } from "../../sdk/types/events.js";
import type { RoleChecks } from "../roles/types.js";

type Ctx = StoreSource & { events: EventManager };

export interface CommerceBankKeeper {
  getAllBalances(ctx: StoreSource, address: Uint8Array): Coins;
  sendCoinsFromAccountToModule(ctx: Ctx, from: Uint8Array, module: string, amount: Coins): void;
  sendCoinsFromModuleToAccount(ctx: Ctx, module: string, to: Uint8Array, amount: Coins): void;
}

/** The marketplace fee's way into the community pool. */
export interface CommerceDistributionKeeper {
  fundCommunityPool(ctx: Context, amount: Coins, sender: Uint8Array): void;
}

export interface CommerceAccountKeeper {
  moduleAddress(name: string): Uint8Array;
}

export type CommerceRoleChecks = Pick<RoleChecks, "hasRole">;
