/** What distribution needs from staking, bank and auth, declared here and wired in app/. */
import type { Delegation, Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import type { StoreSource } from "../../sdk/collections/collections.js";
import type { Coins } from "../../sdk/types/coins.js";
import type { EventManager } from "../../sdk/types/events.js";

type Ctx = StoreSource & { events: EventManager };

export interface DistributionStakingKeeper {
  bondDenom(ctx: StoreSource): string;
  getValidator(ctx: StoreSource, operator: Uint8Array): Validator | undefined;
  validatorByConsAddr(ctx: StoreSource, consAddress: Uint8Array): Validator | undefined;
  getDelegation(ctx: StoreSource, delegator: Uint8Array, validator: Uint8Array): Delegation | undefined;
  delegatorDelegations(ctx: StoreSource, delegator: Uint8Array): Iterable<Delegation>;
  validatorDelegations(ctx: StoreSource, validator: Uint8Array): Iterable<Delegation>;
}

export interface DistributionBankKeeper {
  getAllBalances(ctx: StoreSource, address: Uint8Array): Coins;
  sendCoinsFromAccountToModule(ctx: Ctx, from: Uint8Array, module: string, amount: Coins): void;
  sendCoinsFromModuleToAccount(ctx: Ctx, module: string, to: Uint8Array, amount: Coins): void;
  sendCoinsFromModuleToModule(ctx: Ctx, from: string, to: string, amount: Coins): void;
  isBlocked(address: Uint8Array): boolean;
}

export interface DistributionAccountKeeper {
  moduleAddress(name: string): Uint8Array;
}
