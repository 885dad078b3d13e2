/**
 * The roles keeper: who holds which role until when, and which role administers which. Grants
 * are kept by role and by address (for RolesOf) and by expiry height (for pruning in EndBlock).
 */
import { bytesKey, pairKey, stringKey, uint64Key, uint64Value, presenceValue, stringValue } from "../../sdk/collections/codecs.js";
import { Schema } from "../../sdk/collections/collections.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import type { Context } from "../../sdk/types/context.js";
import { ErrUnauthorized } from "../../sdk/types/sdk-errors.js";
import { ADMIN_ROLE, ROLES_STORE, type RoleChecks } from "./types.js";

export interface Grant {
  role: string;
  address: string;
  /** First height at which the grant no longer counts; 0n: never. */
  expiresAtHeight: bigint;
}


/** A grant with expiry H counts in blocks before H. */
export function isActive(expiresAtHeight: bigint, height: bigint): boolean {
  return expiresAtHeight === 0n || height < expiresAtHeight;
}

export class RolesKeeper implements RoleChecks {
  private readonly schema = new Schema(ROLES_STORE);
  /** (role, address) -> expiry height. */
  readonly grants = this.schema.map(0x00, "grants", pairKey(stringKey, bytesKey), uint64Value);
  /** (address, role) -> expiry height: the same grants by holder. */
  readonly grantsByAddress = this.schema.map(0x01, "grants_by_address", pairKey(bytesKey, stringKey), uint64Value);
  /** (expiry height, (role, address)) for grants that expire. */
  readonly expiries = this.schema.map(0x02, "expiries", pairKey(uint64Key, pairKey(stringKey, bytesKey)), presenceValue);
  /** role -> its admin role, only where it is not "admin". */
  readonly roleAdmins = this.schema.map(0x03, "role_admins", stringKey, stringValue);

  /** `authority`: the gov module account (bech32), which may do anything roles allow. */
  constructor(readonly authority: string) {}

  hasRole(ctx: Context, role: string, address: string): boolean {
    const expiry = this.grants.get(ctx, [role, fromAccAddress(address)]);
    return expiry !== undefined && isActive(expiry, ctx.height);
  }

  requireAuthorityOrRole(ctx: Context, signer: string, role: string): void {
    if (signer === this.authority || this.hasRole(ctx, role, signer)) return;
    throw ErrUnauthorized.wrap(`${signer} does not hold role ${role} and is not the governance authority`);
  }

  adminRoleOf(ctx: Context, role: string): string {
    return role === ADMIN_ROLE ? ADMIN_ROLE : (this.roleAdmins.get(ctx, role) ?? ADMIN_ROLE);
  }

  setAdminRole(ctx: Context, role: string, adminRole: string): void {
    if (adminRole === ADMIN_ROLE) this.roleAdmins.delete(ctx, role);
    else this.roleAdmins.set(ctx, role, adminRole);
  }

  /** The raw grant, expired or not (an expired one lingers until EndBlock prunes it). */
  expiryOf(ctx: Context, role: string, address: Uint8Array): bigint | undefined {
    return this.grants.get(ctx, [role, address]);
  }

  /** Grants `role` to `address`, replacing the expiry of a grant it already has. */
  grant(ctx: Context, role: string, address: Uint8Array, expiresAtHeight: bigint): void {
    this.revoke(ctx, role, address);
    this.grants.set(ctx, [role, address], expiresAtHeight);
    this.grantsByAddress.set(ctx, [address, role], expiresAtHeight);
    if (expiresAtHeight !== 0n) this.expiries.set(ctx, [expiresAtHeight, [role, address]], true);
  }

  /** Removes a grant; returns false when there was none. */
  revoke(ctx: Context, role: string, address: Uint8Array): boolean {
    const expiry = this.grants.get(ctx, [role, address]);
    if (expiry === undefined) return false;
    this.grants.delete(ctx, [role, address]);
    this.grantsByAddress.delete(ctx, [address, role]);
    if (expiry !== 0n) this.expiries.delete(ctx, [expiry, [role, address]]);
    return true;
  }

  /** Active holders of `role`, in address byte order. */
  holders(ctx: Context, role: string): Grant[] {
    const out: Grant[] = [];
    for (const [[, address], expiry] of this.grants.entries(ctx, stringKey.encodeNonTerminal(role))) {
      if (isActive(expiry, ctx.height)) out.push({ role, address: toAccAddress(address), expiresAtHeight: expiry });
    }
    return out;
  }

  /** Active roles of `address`, by name. */
  rolesOf(ctx: Context, address: Uint8Array): Grant[] {
    const out: Grant[] = [];
    for (const [[, role], expiry] of this.grantsByAddress.entries(ctx, bytesKey.encodeNonTerminal(address))) {
      if (isActive(expiry, ctx.height)) out.push({ role, address: toAccAddress(address), expiresAtHeight: expiry });
    }
    return out;
  }

  /** Every grant, expired ones included, in (role, address) order: genesis export. */
  *allGrants(ctx: Context): Generator<Grant> {
    for (const [[role, address], expiry] of this.grants.entries(ctx)) yield { role, address: toAccAddress(address), expiresAtHeight: expiry };
  }

  /** Deletes the grants that no longer count at `ctx.height`; returns them. */
  pruneExpired(ctx: Context): Grant[] {
    const due: [bigint, string, Uint8Array][] = [];
    for (const [[expiry, [role, address]]] of this.expiries.entries(ctx)) {
      if (isActive(expiry, ctx.height)) break;
      due.push([expiry, role, address]);
    }
    for (const [, role, address] of due) this.revoke(ctx, role, address);
    return due.map(([expiry, role, address]) => ({ role, address: toAccAddress(address), expiresAtHeight: expiry }));
  }
}
