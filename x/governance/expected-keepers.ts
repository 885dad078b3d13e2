/** What governance needs from bank and auth, declared here and wired in app/. */
import type { StoreSource } from "../../sdk/collections/collections.js";
import type { Coins } from "../../sdk/types/coins.js";
import type { EventManager } from "../../sdk/types/events.js";

type Ctx = StoreSource & { events: EventManager };

export interface GovBankKeeper {
  getBalance(ctx: StoreSource, address: Uint8Array, denom: string): bigint;
  getSupply(ctx: StoreSource, denom: string): bigint;
  sendCoins(ctx: Ctx, from: Uint8Array, to: Uint8Array, amount: Coins): void;
  sendCoinsFromAccountToModule(ctx: Ctx, from: Uint8Array, module: string, amount: Coins): void;
  sendCoinsFromModuleToAccount(ctx: Ctx, module: string, to: Uint8Array, amount: Coins): void;
  burnCoins(ctx: Ctx, module: string, amount: Coins): void;
}

export interface GovAccountKeeper {
  moduleAddress(name: string): Uint8Array;
}
