/** The account keeper: accounts by address, the next account number, module accounts, params. */
import { Params } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { bytesKey, protoValue } from "../../sdk/collections/codecs.js";
import { Schema, type StoreSource } from "../../sdk/collections/collections.js";
import { moduleAddress } from "../../sdk/types/address.js";
import { accountValue } from "./account-codec.js";
import { AUTH_STORE, DEFAULT_AUTH_PARAMS, type Account } from "./types.js";

export class AccountKeeper {
  private readonly schema = new Schema(AUTH_STORE);
  readonly params = this.schema.item(0x00, "params", protoValue(Params));
  readonly accounts = this.schema.map(0x01, "accounts", bytesKey, accountValue);
  readonly nextAccountNumber = this.schema.sequence(0x02, "account_number");

  /** Module name → its permissions (minter, burner), fixed when the app is wired. */
  constructor(readonly modulePermissions: Record<string, string[]>) {}

  getParams(ctx: StoreSource): Params {
    return this.params.get(ctx) ?? DEFAULT_AUTH_PARAMS;
  }

  getAccount(ctx: StoreSource, address: Uint8Array): Account | undefined {
    return this.accounts.get(ctx, address);
  }

  hasAccount(ctx: StoreSource, address: Uint8Array): boolean {
    return this.accounts.has(ctx, address);
  }

  setAccount(ctx: StoreSource, account: Account): void {
    this.accounts.set(ctx, account.address, account);
  }

  /** Creates a fresh account with the next account number (sequence 0, no pubkey). */
  newAccount(ctx: StoreSource, address: Uint8Array): Account {
    const account: Account = { address, pubKey: undefined, accountNumber: this.nextAccountNumber.next(ctx), sequence: 0n };
    this.setAccount(ctx, account);
    return account;
  }

  moduleAddress(name: string): Uint8Array {
    return moduleAddress(name);
  }

  /** Module addresses by name: the fee collector's is needed for every tx's fee. */
  private readonly moduleAddresses = new Map<string, Uint8Array>();

  /** The module's account, created on first use with the permissions the app gave it. */
  getModuleAccount(ctx: StoreSource, name: string): Account {
    let address = this.moduleAddresses.get(name);
    if (!address) this.moduleAddresses.set(name, (address = moduleAddress(name)));
    const existing = this.getAccount(ctx, address);
    if (existing) return existing;
    const permissions = this.modulePermissions[name];
    if (!permissions) throw new Error(`module account ${name} is not declared in the app's module permissions`);
    const account: Account = {
      address: address.slice(),
      pubKey: undefined,
      accountNumber: this.nextAccountNumber.next(ctx),
      sequence: 0n,
      module: { name, permissions },
    };
    this.setAccount(ctx, account);
    return account;
  }
}
