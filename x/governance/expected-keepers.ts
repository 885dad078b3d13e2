/** What governance needs from bank, auth and staking, declared here and wired in app/. */
import type { Delegation, Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import type { StoreSource } from "../../sdk/collections/collections.js";
import type { Coins } from "../../sdk/types/coins.js";
import type { EventManager } from "../../sdk/types/events.js";

type Ctx = StoreSource & { events: EventManager };

export interface GovBankKeeper {
  getAllBalances(ctx: StoreSource, address: Uint8Array): Coins;
  sendCoins(ctx: Ctx, from: Uint8Array, to: Uint8Array, amount: Coins): void;
  sendCoinsFromAccountToModule(ctx: Ctx, from: Uint8Array, module: string, amount: Coins): void;
  sendCoinsFromModuleToAccount(ctx: Ctx, module: string, to: Uint8Array, amount: Coins): void;
  burnCoins(ctx: Ctx, module: string, amount: Coins): void;
}

export interface GovAccountKeeper {
  moduleAddress(name: string): Uint8Array;
}

/** Voting power is stake: the tally reads the bonded validators and each voter's delegations. */
export interface GovStakingKeeper {
  /** Bonded validators, highest power first, at most max_validators (the SDK's IterateBondedValidatorsByPower). */
  bondedValidatorsByPower(ctx: StoreSource): Iterable<Validator>;
  /** A delegator's delegations (shares as protobuf LegacyDec: integer units of 10^-18). */
  delegatorDelegations(ctx: StoreSource, delegator: Uint8Array): Iterable<Delegation>;
  /** The bonded pool's balance: total voting power. */
  totalBondedTokens(ctx: StoreSource): bigint;
}
