/** Grant, revoke and re-administer roles: each checks its signer in one line, then calls the keeper. */
import { requireAuthority } from "../../sdk/types/authority.js";
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import type { RolesKeeper } from "./keeper.js";
import {
  ADMIN_ROLE,
  assertRoleName,
  ErrAdminRoleFixed,
  ErrInvalidExpiry,
  ErrRoleNotHeld,
  MsgGrantRole,
  MsgGrantRoleResponse,
  MsgRevokeRole,
  MsgRevokeRoleResponse,
  MsgSetRoleAdmin,
  MsgSetRoleAdminResponse,
  ROLES_MODULE,
} from "./types.js";

export function registerRolesMsgs(router: MsgRouter, keeper: RolesKeeper): void {
  router.register({
    module: ROLES_MODULE,
    type: MsgGrantRole,
    responseType: MsgGrantRoleResponse,
    signers: (msg) => [msg.signer],
    validateBasic(msg) {
      fromAccAddress(msg.signer);
      fromAccAddress(msg.address);
      assertRoleName(msg.role);
    },
    handle(ctx, msg) {
      keeper.requireAuthorityOrRole(ctx, msg.signer, keeper.adminRoleOf(ctx, msg.role));
      if (msg.expiresAtHeight !== 0n && msg.expiresAtHeight <= ctx.height) {
        throw ErrInvalidExpiry.wrap(`expires_at_height ${msg.expiresAtHeight} is not after the current height ${ctx.height}, so the grant would never count; use 0 for no expiry`);
      }
      keeper.grant(ctx, msg.role, fromAccAddress(msg.address), msg.expiresAtHeight);
      ctx.events.emit("grant_role", { role: msg.role, address: msg.address, expires_at_height: msg.expiresAtHeight.toString(), granter: msg.signer });
      return {};
    },
  });

  router.register({
    module: ROLES_MODULE,
    type: MsgRevokeRole,
    responseType: MsgRevokeRoleResponse,
    signers: (msg) => [msg.signer],
    validateBasic(msg) {
      fromAccAddress(msg.signer);
      fromAccAddress(msg.address);
      assertRoleName(msg.role);
    },
    handle(ctx, msg) {
      keeper.requireAuthorityOrRole(ctx, msg.signer, keeper.adminRoleOf(ctx, msg.role));
      if (!keeper.revoke(ctx, msg.role, fromAccAddress(msg.address))) throw ErrRoleNotHeld.wrap(`${msg.address} does not hold role ${msg.role}`);
      ctx.events.emit("revoke_role", { role: msg.role, address: msg.address, revoker: msg.signer });
      return {};
    },
  });

  router.register({
    module: ROLES_MODULE,
    type: MsgSetRoleAdmin,
    responseType: MsgSetRoleAdminResponse,
    signers: (msg) => [msg.authority],
    validateBasic(msg) {
      fromAccAddress(msg.authority);
      assertRoleName(msg.role);
      assertRoleName(msg.adminRole);
      if (msg.role === ADMIN_ROLE) throw ErrAdminRoleFixed.wrap(`cannot make ${msg.adminRole} the admin of ${ADMIN_ROLE}`);
    },
    handle(ctx, msg) {
      requireAuthority(keeper.authority, msg.authority);
      keeper.setAdminRole(ctx, msg.role, msg.adminRole);
      ctx.events.emit("set_role_admin", { role: msg.role, admin_role: msg.adminRole });
      return {};
    },
  });
}
