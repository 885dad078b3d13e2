/** agora.roles.v1.Query: who holds a role, what an address holds, whether it holds one. */
import * as q from "../../generated/proto/agora/roles/v1/query.js";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { paginate } from "../../sdk/types/pagination.js";
import type { Grant, RolesKeeper } from "./keeper.js";
import { assertRoleName } from "./types.js";

const service = "/agora.roles.v1.Query/";

function toProto(grant: Grant) {
  return { role: grant.role, address: grant.address, expiresAtHeight: grant.expiresAtHeight };
}

/**
 * Answers as of the block the query context runs in: at the latest height that is the next block,
 * so a grant expiring there is no longer listed.
 */
export function registerRolesQueries(router: QueryRouter, keeper: RolesKeeper): void {
  router.register({
    path: service + "RoleHolders",
    requestType: q.QueryRoleHoldersRequest,
    responseType: q.QueryRoleHoldersResponse,
    handle(ctx, req) {
      assertRoleName(req.role);
      const { items, pagination } = paginate(keeper.holders(ctx, req.role).map(toProto), req.pagination);
      return { grants: items, pagination };
    },
  });
  router.register({
    path: service + "RolesOf",
    requestType: q.QueryRolesOfRequest,
    responseType: q.QueryRolesOfResponse,
    handle: (ctx, req) => ({ grants: keeper.rolesOf(ctx, fromAccAddress(req.address)).map(toProto) }),
  });
  router.register({
    path: service + "HasRole",
    requestType: q.QueryHasRoleRequest,
    responseType: q.QueryHasRoleResponse,
    handle(ctx, req) {
      assertRoleName(req.role);
      const held = keeper.hasRole(ctx, req.role, req.address);
      return { hasRole: held, expiresAtHeight: held ? keeper.expiryOf(ctx, req.role, fromAccAddress(req.address))! : 0n };
    },
  });
  router.register({
    path: service + "RoleAdmin",
    requestType: q.QueryRoleAdminRequest,
    responseType: q.QueryRoleAdminResponse,
    handle(ctx, req) {
      assertRoleName(req.role);
      return { adminRole: keeper.adminRoleOf(ctx, req.role) };
    },
  });
}
