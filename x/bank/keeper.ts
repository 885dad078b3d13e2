/**
 * The bank keeper, layered by power: reads (view), transfers (send), supply changes (mint and
 * burn). Other modules are handed the narrowest layer they need.
 */
import { Metadata, Params } from "cosmjs-types/cosmos/bank/v1beta1/bank";
import { bigintValue, bytesKey, pairKey, protoValue, stringKey } from "../../sdk/collections/codecs.js";
import { Schema, type StoreSource } from "../../sdk/collections/collections.js";
import { Coins, MAX_AMOUNT, type Coin } from "../../sdk/types/coins.js";
import type { EventManager } from "../../sdk/types/events.js";
import { ErrInsufficientFunds, ErrInvalidCoins, ErrUnauthorized } from "../../sdk/types/sdk-errors.js";
import { toAccAddress } from "../../sdk/types/address.js";
import type { BankAccountKeeper } from "./expected-keepers.js";
import { BANK_STORE, BURNER, DEFAULT_BANK_PARAMS, MINTER } from "./types.js";

type Ctx = StoreSource & { events: EventManager };

export class BankViewKeeper {
  protected readonly schema = new Schema(BANK_STORE);
  readonly supply = this.schema.map(0x00, "supply", stringKey, bigintValue);
  readonly denomMetadata = this.schema.map(0x01, "denom_metadata", stringKey, protoValue(Metadata));
  readonly balances = this.schema.map(0x02, "balances", pairKey(bytesKey, stringKey), bigintValue);
  readonly params = this.schema.item(0x05, "params", protoValue(Params));

  getParams(ctx: StoreSource): Params {
    return this.params.get(ctx) ?? DEFAULT_BANK_PARAMS;
  }

  getBalance(ctx: StoreSource, address: Uint8Array, denom: string): bigint {
    return this.balances.get(ctx, [address, denom]) ?? 0n;
  }

  getAllBalances(ctx: StoreSource, address: Uint8Array): Coins {
    const coins: Coin[] = [];
    for (const [[, denom], amount] of this.balances.entries(ctx, bytesKey.encodeNonTerminal(address))) coins.push({ denom, amount });
    return Coins.of(coins);
  }

  getSupply(ctx: StoreSource, denom: string): bigint {
    return this.supply.get(ctx, denom) ?? 0n;
  }

  isSendEnabled(ctx: StoreSource, denom: string): boolean {
    const params = this.getParams(ctx);
    return params.sendEnabled.find((s) => s.denom === denom)?.enabled ?? params.defaultSendEnabled;
  }
}

export class BankSendKeeper extends BankViewKeeper {
  constructor(
    protected readonly accounts: BankAccountKeeper,
    /** Addresses that may not receive funds by MsgSend (module accounts). */
    private readonly blocked: Set<string>,
  ) {
    super();
  }

  isBlocked(address: Uint8Array): boolean {
    return this.blocked.has(toAccAddress(address));
  }

  /** The addresses MsgSend may not pay, bech32, sorted. */
  blockedAddresses(): string[] {
    return [...this.blocked].sort();
  }

  /** Moves coins, creating the recipient's account when it has none. */
  sendCoins(ctx: Ctx, from: Uint8Array, to: Uint8Array, amount: Coins): void {
    this.subtract(ctx, from, amount);
    this.addTo(ctx, to, amount);
    if (!this.accounts.hasAccount(ctx, to)) this.accounts.newAccount(ctx, to);
    ctx.events.emit("transfer", { recipient: toAccAddress(to), sender: toAccAddress(from), amount: amount.toString() });
    ctx.events.emit("message", { sender: toAccAddress(from) });
  }

  sendCoinsFromAccountToModule(ctx: Ctx, from: Uint8Array, module: string, amount: Coins): void {
    this.sendCoins(ctx, from, this.accounts.getModuleAccount(ctx, module).address, amount);
  }

  sendCoinsFromModuleToAccount(ctx: Ctx, module: string, to: Uint8Array, amount: Coins): void {
    if (this.isBlocked(to)) throw ErrUnauthorized.wrap(`${toAccAddress(to)} is not allowed to receive funds`);
    this.sendCoins(ctx, this.accounts.getModuleAccount(ctx, module).address, to, amount);
  }

  /** Moves coins between two module accounts (e.g. deposits held by one module, burned by another). */
  sendCoinsFromModuleToModule(ctx: Ctx, from: string, to: string, amount: Coins): void {
    this.sendCoins(ctx, this.accounts.getModuleAccount(ctx, from).address, this.accounts.getModuleAccount(ctx, to).address, amount);
  }

  protected subtract(ctx: Ctx, address: Uint8Array, amount: Coins): void {
    for (const coin of amount.list) {
      const balance = this.getBalance(ctx, address, coin.denom);
      if (balance < coin.amount) {
        throw ErrInsufficientFunds.wrap(`spendable balance ${balance}${coin.denom} is smaller than ${coin.amount}${coin.denom}`);
      }
      this.setBalance(ctx, address, coin.denom, balance - coin.amount);
    }
    ctx.events.emit("coin_spent", { spender: toAccAddress(address), amount: amount.toString() });
  }

  protected addTo(ctx: Ctx, address: Uint8Array, amount: Coins): void {
    for (const coin of amount.list) {
      const balance = this.getBalance(ctx, address, coin.denom) + coin.amount;
      if (balance > MAX_AMOUNT) throw ErrInvalidCoins.wrap(`balance of ${coin.denom} would exceed 2^256 - 1`);
      this.setBalance(ctx, address, coin.denom, balance);
    }
    ctx.events.emit("coin_received", { receiver: toAccAddress(address), amount: amount.toString() });
  }

  protected setBalance(ctx: StoreSource, address: Uint8Array, denom: string, amount: bigint): void {
    if (amount === 0n) this.balances.delete(ctx, [address, denom]);
    else this.balances.set(ctx, [address, denom], amount);
  }
}

export class BankKeeper extends BankSendKeeper {
  mintCoins(ctx: Ctx, module: string, amount: Coins): void {
    const account = this.requirePermission(ctx, module, MINTER);
    const supplies = amount.list.map((coin) => {
      const supply = this.getSupply(ctx, coin.denom) + coin.amount;
      if (supply > MAX_AMOUNT) throw ErrInvalidCoins.wrap(`minting ${coin.amount}${coin.denom} would take its supply past 2^256 - 1`);
      return { denom: coin.denom, supply };
    });
    this.addTo(ctx, account, amount);
    for (const { denom, supply } of supplies) this.supply.set(ctx, denom, supply);
    ctx.events.emit("coinbase", { minter: toAccAddress(account), amount: amount.toString() });
  }

  burnCoins(ctx: Ctx, module: string, amount: Coins): void {
    const account = this.requirePermission(ctx, module, BURNER);
    this.subtract(ctx, account, amount);
    for (const coin of amount.list) this.supply.set(ctx, coin.denom, this.getSupply(ctx, coin.denom) - coin.amount);
    ctx.events.emit("burn", { burner: toAccAddress(account), amount: amount.toString() });
  }

  /** Genesis: credits a balance without events or account creation (genesis sets the supply). */
  initBalance(ctx: StoreSource, address: Uint8Array, coins: Coins): void {
    for (const coin of coins.list) {
      const balance = this.getBalance(ctx, address, coin.denom) + coin.amount;
      if (balance > MAX_AMOUNT) throw ErrInvalidCoins.wrap(`genesis balance of ${toAccAddress(address)} in ${coin.denom} exceeds 2^256 - 1`);
      this.setBalance(ctx, address, coin.denom, balance);
    }
  }

  private requirePermission(ctx: StoreSource, module: string, permission: string): Uint8Array {
    const account = this.accounts.getModuleAccount(ctx, module);
    // Both the app's declaration and the stored account must grant it: a genesis cannot add rights.
    const declared = Object.hasOwn(this.accounts.modulePermissions, module) && this.accounts.modulePermissions[module]!.includes(permission);
    if (!declared || !account.module?.permissions.includes(permission)) {
      throw ErrUnauthorized.wrap(`module account ${module} does not have permissions to ${permission === MINTER ? "mint" : "burn"} tokens`);
    }
    return account.address;
  }
}
