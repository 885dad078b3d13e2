/**
 * Roles from the command line: grants and revocations signed by an admin-role holder, the
 * proposal a role-admin change needs, and queries over ABCI answered by agora.roles.v1's Query service.
 */
import * as q from "../../../generated/proto/agora/roles/v1/query.js";
import * as tx from "../../../generated/proto/agora/roles/v1/tx.js";
import { moduleAddress, toAccAddress } from "../../../sdk/types/address.js";
import { MsgGrantRole, MsgRevokeRole, MsgSetRoleAdmin, assertRoleName } from "../../../x/roles/types.js";
import { CliError } from "../cli.js";
import { abciQuery, type RequestCodec, type ResponseCodec } from "./abci-query.js";
import { checkAddress } from "./coins.js";
import { signAndBroadcast, type BroadcastOptions, type SendResult } from "./tx.js";

/** A role held by an address, as the CLI prints it (expires_at_height "0": never). */
export interface RoleGrantJson {
  role: string;
  address: string;
  expires_at_height: string;
}

export function parseRole(text: string, what = "role"): string {
  try {
    assertRoleName(text);
  } catch {
    throw new CliError(`invalid ${what} "${text}": expected lowercase letters, digits and inner hyphens, 1 to 32 characters, e.g. pauser or kyc-attestor`);
  }
  return text;
}

/** `--expires-at-height`: the first height at which the grant no longer counts; absent means never. */
export function parseExpiresAtHeight(text: string | undefined): bigint {
  if (text === undefined) return 0n;
  if (!/^[1-9][0-9]*$/.test(text)) throw new CliError(`invalid --expires-at-height "${text}": expected a block height (a positive integer) above the current one`);
  return BigInt(text);
}

export function grantRole(opts: BroadcastOptions & { role: string; address: string; expiresAtHeight?: string }): Promise<SendResult> {
  const role = parseRole(opts.role);
  const address = checkAddress(opts.address, "grantee address");
  const expiresAtHeight = parseExpiresAtHeight(opts.expiresAtHeight);
  return signAndBroadcast(opts, (signer) => [{ typeUrl: MsgGrantRole.typeUrl, value: tx.MsgGrantRole.fromPartial({ signer, role, address, expiresAtHeight }) }]);
}

export function revokeRole(opts: BroadcastOptions & { role: string; address: string }): Promise<SendResult> {
  const role = parseRole(opts.role);
  const address = checkAddress(opts.address, "holder address");
  return signAndBroadcast(opts, (signer) => [{ typeUrl: MsgRevokeRole.typeUrl, value: tx.MsgRevokeRole.fromPartial({ signer, role, address }) }]);
}

/** The gov authority, the only signer of MsgSetRoleAdmin. */
export function govAuthority(): string {
  return toAccAddress(moduleAddress("gov"));
}

/**
 * A proposal.json carrying MsgSetRoleAdmin: no key can sign it (its signer is the gov authority),
 * so the chain only takes it from a passed proposal.
 */
export function setRoleAdminProposal(opts: { role: string; adminRole: string }): Record<string, unknown> {
  const role = parseRole(opts.role);
  const adminRole = parseRole(opts.adminRole, "admin role");
  if (role === "admin" && adminRole !== "admin") throw new CliError(`the admin role administers itself: it cannot be given the admin role ${adminRole}`);
  return {
    messages: [{ "@type": MsgSetRoleAdmin.typeUrl, authority: govAuthority(), role, admin_role: adminRole }],
    metadata: "",
    deposit: "",
    title: `Let ${adminRole} administer ${role}`,
    summary: `Holders of ${adminRole} grant and revoke ${role}.`,
  };
}

function rolesQuery<Req, Res>(node: string | undefined, what: string, method: string, reqType: RequestCodec<Req>, request: Req, resType: ResponseCodec<Res>): Promise<Res> {
  return abciQuery(node, `query roles ${what}`, `/agora.roles.v1.Query/${method}`, reqType, request, resType);
}

function grantToJson(grant: { role: string; address: string; expiresAtHeight: bigint }): RoleGrantJson {
  return { role: grant.role, address: grant.address, expires_at_height: grant.expiresAtHeight.toString() };
}

/** Every holder of `role`, all pages. */
export async function queryRoleHolders(opts: { node?: string; role: string }): Promise<{ role: string; grants: RoleGrantJson[] }> {
  const role = parseRole(opts.role);
  const grants: RoleGrantJson[] = [];
  let key: Uint8Array = new Uint8Array();
  do {
    const request = q.QueryRoleHoldersRequest.fromPartial({ role, pagination: { key, limit: 100n } });
    const res = await rolesQuery(opts.node, "holders", "RoleHolders", q.QueryRoleHoldersRequest, request, q.QueryRoleHoldersResponse);
    grants.push(...res.grants.map(grantToJson));
    key = res.pagination?.nextKey ?? new Uint8Array();
  } while (key.length > 0);
  return { role, grants };
}

export async function queryRolesOf(opts: { node?: string; address: string }): Promise<{ address: string; grants: RoleGrantJson[] }> {
  const address = checkAddress(opts.address);
  const res = await rolesQuery(opts.node, "of", "RolesOf", q.QueryRolesOfRequest, { address }, q.QueryRolesOfResponse);
  return { address, grants: res.grants.map(grantToJson) };
}

export async function queryHasRole(opts: { node?: string; role: string; address: string }): Promise<{ role: string; address: string; has_role: boolean; expires_at_height: string }> {
  const role = parseRole(opts.role);
  const address = checkAddress(opts.address);
  const res = await rolesQuery(opts.node, "has", "HasRole", q.QueryHasRoleRequest, { role, address }, q.QueryHasRoleResponse);
  return { role, address, has_role: res.hasRole, expires_at_height: res.expiresAtHeight.toString() };
}

/** "until height 120" or "never expires", for text output. */
export function describeExpiry(expiresAtHeight: string): string {
  return expiresAtHeight === "0" ? "never expires" : `until height ${expiresAtHeight}`;
}
