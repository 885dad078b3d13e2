/** What staking needs from bank and auth, declared here and wired in app/. */
import type { StoreSource } from "../../sdk/collections/collections.js";
import type { Coins } from "../../sdk/types/coins.js";
import type { EventManager } from "../../sdk/types/events.js";

type Ctx = StoreSource & { events: EventManager };

export interface StakingBankKeeper {
  getBalance(ctx: StoreSource, address: Uint8Array, denom: string): bigint;
  sendCoinsFromAccountToModule(ctx: Ctx, from: Uint8Array, module: string, amount: Coins): void;
  sendCoinsFromModuleToAccount(ctx: Ctx, module: string, to: Uint8Array, amount: Coins): void;
  sendCoinsFromModuleToModule(ctx: Ctx, from: string, to: string, amount: Coins): void;
  burnCoins(ctx: Ctx, module: string, amount: Coins): void;
}

export interface StakingAccountKeeper {
  moduleAddress(name: string): Uint8Array;
  /** Creates the module account on first use (the pools exist from genesis on). */
  getModuleAccount(ctx: StoreSource, name: string): { address: Uint8Array };
}
