/** The roles section of genesis: the initial grants (a devnet names its admin) and admin roles. */
import { fromAccAddress } from "../../sdk/types/address.js";
import type { Context } from "../../sdk/types/context.js";
import type { RolesKeeper } from "./keeper.js";
import { ADMIN_ROLE, assertRoleName } from "./types.js";

export interface RolesGenesis {
  // Iterables: a genesis section's arrays may stream (see ModuleManager.initGenesis).
  grants?: Iterable<{ role: string; address: string; expires_at_height?: string }>;
  role_admins?: Iterable<{ role: string; admin_role: string }>;
}

export function defaultRolesGenesis(): RolesGenesis {
  return { grants: [], role_admins: [] };
}

export function initRolesGenesis(ctx: Context, keeper: RolesKeeper, genesis: RolesGenesis): void {
  for (const { role, admin_role } of genesis.role_admins ?? []) {
    assertRoleName(role);
    assertRoleName(admin_role);
    if (role === ADMIN_ROLE && admin_role !== ADMIN_ROLE) throw new Error(`roles genesis: the ${ADMIN_ROLE} role administers itself, not ${admin_role}`);
    keeper.setAdminRole(ctx, role, admin_role);
  }
  for (const grant of genesis.grants ?? []) {
    assertRoleName(grant.role);
    const address = fromAccAddress(grant.address);
    if (keeper.expiryOf(ctx, grant.role, address) !== undefined) throw new Error(`roles genesis grants role ${grant.role} to ${grant.address} twice`);
    const expiry = grant.expires_at_height ?? "0";
    if (!/^\d+$/.test(expiry)) throw new Error(`roles genesis: expires_at_height of ${grant.role} for ${grant.address} must be a whole number, got "${expiry}"`);
    keeper.grant(ctx, grant.role, address, BigInt(expiry));
  }
}

export function exportRolesGenesis(ctx: Context, keeper: RolesKeeper): RolesGenesis {
  return {
    grants: [...keeper.allGrants(ctx)].map((g) => ({ role: g.role, address: g.address, expires_at_height: g.expiresAtHeight.toString() })),
    role_admins: [...keeper.roleAdmins.entries(ctx)].map(([role, admin_role]) => ({ role, admin_role })),
  };
}
