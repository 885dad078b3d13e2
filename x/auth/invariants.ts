/**
 * The auth invariant: module accounts are what the app declares. An account at a declared
 * module's address is that module's account with exactly the declared permissions (module
 * accounts are created on first use, so one may not exist yet), and no stored module account
 * names a module the app does not declare or sits at another module's address.
 */
import type { InvariantRegistry, InvariantResult } from "../../sdk/invariants/registry.js";
import { toAccAddress } from "../../sdk/types/address.js";
import type { Context } from "../../sdk/types/context.js";
import type { AccountKeeper } from "./keeper.js";
import { AUTH_MODULE } from "./types.js";

export function registerAuthInvariants(registry: InvariantRegistry, keeper: AccountKeeper): void {
  registry.register(AUTH_MODULE, "module-accounts", (ctx) => moduleAccounts(ctx, keeper));
}

const samePermissions = (a: readonly string[], b: readonly string[]) => [...a].sort().join(",") === [...b].sort().join(",");

export function moduleAccounts(ctx: Context, keeper: AccountKeeper): InvariantResult {
  const wrong: string[] = [];
  for (const [name, permissions] of Object.entries(keeper.modulePermissions)) {
    const account = keeper.getAccount(ctx, keeper.moduleAddress(name));
    if (!account) continue;
    if (!account.module) wrong.push(`${name}: ${toAccAddress(account.address)} is a plain account, not the module's`);
    else if (account.module.name !== name) wrong.push(`${name}: its address holds the module account of ${account.module.name}`);
    else if (!samePermissions(account.module.permissions, permissions)) {
      wrong.push(`${name}: permissions [${account.module.permissions.join(", ")}], the app declares [${permissions.join(", ")}]`);
    }
  }
  for (const [address, account] of keeper.accounts.entries(ctx)) {
    const name = account.module?.name;
    if (name === undefined) continue;
    if (!Object.hasOwn(keeper.modulePermissions, name)) wrong.push(`${name}: a module account the app does not declare, at ${toAccAddress(address)}`);
    else if (Buffer.compare(Buffer.from(address), Buffer.from(keeper.moduleAddress(name))) !== 0) wrong.push(`${name}: its module account is at ${toAccAddress(address)}, not at the module's address`);
  }
  return wrong.length
    ? { broken: true, message: `module accounts differ from the app's declared permissions (${wrong.join("; ")})` }
    : { broken: false, message: "every module account has the permissions the app declares" };
}
