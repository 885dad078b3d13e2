/**
 * Accounts and balances out of a block's store writes, read with the keepers' own collections so
 * the key layouts are declared once: bank balances are 0x02 || len(addr) || addr || denom with a
 * decimal-string amount, auth accounts 0x01 || addr with an Any-packed account.
 */
import { toAccAddress } from "../../../sdk/types/address.js";
import { AccountKeeper } from "../../../x/auth/keeper.js";
import { AUTH_STORE, type Account } from "../../../x/auth/types.js";
import { BankViewKeeper } from "../../../x/bank/keeper.js";
import { BANK_STORE } from "../../../x/bank/types.js";
import type { StoreChange } from "./indexed-block.js";

const balances = new BankViewKeeper().balances;
const accounts = new AccountKeeper({}).accounts;

/** A balance as of the block; amount null when the account no longer holds the denom. */
export interface BalanceChange {
  address: string;
  denom: string;
  amount: bigint | null;
}

/** An account as of the block; account null when it was removed. */
export interface AccountChange {
  address: string;
  account: Account | null;
}

export interface StateChanges {
  balances: BalanceChange[];
  accounts: AccountChange[];
}

/** Picks the balance and account writes out of `changes`; a later write to a key wins. */
export function decodeStateChanges(changes: StoreChange[]): StateChanges {
  const balanceByKey = new Map<string, BalanceChange>();
  const accountByAddress = new Map<string, AccountChange>();
  for (const change of changes) {
    if (change.store === BANK_STORE && startsWith(change.key, balances.prefix)) {
      const [address, denom] = balances.keys.decode(change.key.subarray(balances.prefix.length));
      const entry = { address: toAccAddress(address), denom, amount: change.value ? balances.values.decode(change.value) : null };
      balanceByKey.set(`${entry.address}/${denom}`, entry);
    } else if (change.store === AUTH_STORE && startsWith(change.key, accounts.prefix)) {
      const address = toAccAddress(accounts.keys.decode(change.key.subarray(accounts.prefix.length)));
      accountByAddress.set(address, { address, account: change.value ? accounts.values.decode(change.value) : null });
    }
  }
  return { balances: [...balanceByKey.values()], accounts: [...accountByAddress.values()] };
}

function startsWith(key: Uint8Array, prefix: Uint8Array): boolean {
  if (key.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (key[i] !== prefix[i]) return false;
  return true;
}
