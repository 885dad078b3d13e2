/**
 * The roles module's names, errors, message types and the checks other modules call. Domain only:
 * importing this file pulls in no keeper.
 */
import * as tx from "../../generated/proto/agora/roles/v1/tx.js";
import { typedMessage, type GeneratedCodec, type MessageType } from "../../sdk/codec/registry.js";
import type { Context } from "../../sdk/types/context.js";
import { register } from "../../sdk/types/errors.js";

export const ROLES_MODULE = "roles";
export const ROLES_STORE = "roles";

/** The role that administers itself and, by default, every other role. */
export const ADMIN_ROLE = "admin";
/** The role whose holders trip the circuit breaker. */
export const PAUSER_ROLE = "pauser";

export const ErrInvalidRoleName = register(ROLES_MODULE, 2, "invalid role name");
export const ErrRoleNotHeld = register(ROLES_MODULE, 3, "role not held");
export const ErrInvalidExpiry = register(ROLES_MODULE, 4, "invalid expiry height");
export const ErrAdminRoleFixed = register(ROLES_MODULE, 5, "the admin role administers itself");

/** Lowercase letters, digits and inner hyphens, 1 to 32 characters: `kyc-attestor`, `admin`. */
const ROLE_NAME = /^[a-z](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

export function assertRoleName(role: string): void {
  if (!ROLE_NAME.test(role)) {
    throw ErrInvalidRoleName.wrap(`expected lowercase letters, digits and inner hyphens, 1 to 32 characters (e.g. kyc-attestor), got "${role}"`);
  }
}

/**
 * The checks a privileged msg server makes, as other modules see them (import the type into
 * your expected-keepers). Addresses are bech32.
 */
export interface RoleChecks {
  /** True when `address` holds `role` in the block `ctx` runs in (an expired grant does not count). */
  hasRole(ctx: Context, role: string, address: string): boolean;
  /** Throws an `unauthorized` error unless `signer` is the gov authority or holds `role`. */
  requireAuthorityOrRole(ctx: Context, signer: string, role: string): void;
  /** The role whose holders grant and revoke `role`. */
  adminRoleOf(ctx: Context, role: string): string;
}

const typed = <T>(name: string, codec: GeneratedCodec<T>): MessageType<T> => typedMessage(`/agora.roles.v1.${name}`, codec);

export const MsgGrantRole = typed<tx.MsgGrantRole>("MsgGrantRole", tx.MsgGrantRole);
export const MsgGrantRoleResponse = typed<tx.MsgGrantRoleResponse>("MsgGrantRoleResponse", tx.MsgGrantRoleResponse);
export const MsgRevokeRole = typed<tx.MsgRevokeRole>("MsgRevokeRole", tx.MsgRevokeRole);
export const MsgRevokeRoleResponse = typed<tx.MsgRevokeRoleResponse>("MsgRevokeRoleResponse", tx.MsgRevokeRoleResponse);
export const MsgSetRoleAdmin = typed<tx.MsgSetRoleAdmin>("MsgSetRoleAdmin", tx.MsgSetRoleAdmin);
export const MsgSetRoleAdminResponse = typed<tx.MsgSetRoleAdminResponse>("MsgSetRoleAdminResponse", tx.MsgSetRoleAdminResponse);
