/** What bank needs from the account keeper, declared here and wired in app/. */
import type { StoreSource } from "../../sdk/collections/collections.js";

export interface BankAccountKeeper {
  hasAccount(ctx: StoreSource, address: Uint8Array): boolean;
  newAccount(ctx: StoreSource, address: Uint8Array): unknown;
  moduleAddress(name: string): Uint8Array;
  /** What the app declares each module account may do: the only source of minter and burner rights. */
  readonly modulePermissions: Readonly<Record<string, readonly string[]>>;
  getModuleAccount(ctx: StoreSource, name: string): { address: Uint8Array; module?: { permissions: string[] } };
}
