/**
 * The roles module's simulation operations: grants (some expiring) and revokes by the admin that
 * must succeed, the same by accounts without the admin role that must be refused, and grants and
 * revokes by the gov authority for proposals. The simulation only grants roles that carry no
 * power over others' txs in the same block (never `admin`; `pauser` only to non-holders, never
 * revoked: it lapses by expiry), so each op's outcome follows from the state at the block's start.
 */
import { encodeProto } from "../../sdk/codec/encode.js";
import { failsWith, SUCCEEDS, type PlannedTx, type SimMsg, type SimView, type WeightedOp, type WeightedProposalMsg } from "../../sdk/simulation/operation.js";
import type { Rand } from "../../sdk/simulation/rand.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { ErrUnauthorized } from "../../sdk/types/sdk-errors.js";
import type { RolesKeeper } from "./keeper.js";
import { ADMIN_ROLE, ErrInvalidExpiry, ErrRoleNotHeld, MsgGrantRole, MsgRevokeRole, PAUSER_ROLE } from "./types.js";

/** Roles the simulation hands out and takes back freely: no module checks them yet. */
const PLAIN_ROLES = ["moderator", "arbiter", "kyc-attestor", "ramp-operator", "oracle-operator"];
/**
 * Commerce's disputes check `arbiter` and social's moderation `moderator` when their tx runs: a
 * revocation in the same block would race them (their grants lapse by expiry instead).
 */
const REVOCABLE_ROLES = PLAIN_ROLES.filter((role) => role !== "arbiter" && role !== "moderator");

const grant = (signer: string, role: string, address: string, expiresAtHeight: bigint): SimMsg => ({
  typeUrl: MsgGrantRole.typeUrl,
  value: encodeProto(MsgGrantRole, { signer, role, address, expiresAtHeight }),
});

const revoke = (signer: string, role: string, address: string): SimMsg => ({
  typeUrl: MsgRevokeRole.typeUrl,
  value: encodeProto(MsgRevokeRole, { signer, role, address }),
});

/** A simulated account holding `role` in this block that can still sign in it, taken as the signer. */
export function claimHolder(rand: Rand, view: SimView, roles: Pick<RolesKeeper, "hasRole">, role: string): string | undefined {
  const start = rand.int(view.accounts.length);
  for (let i = 0; i < view.accounts.length; i++) {
    const address = view.accounts[(start + i) % view.accounts.length]!;
    if (roles.hasRole(view.ctx, role, address) && view.claimSigner(address)) return address;
  }
  return undefined;
}

/** No expiry half the time, else one within the next 40 blocks. */
function expiry(rand: Rand, height: bigint): bigint {
  return rand.int(2) === 0 ? 0n : height + rand.between(1n, 40n);
}

export function rolesSimulationOps(keeper: RolesKeeper): WeightedOp[] {
  /** A signer that does not hold `role`'s admin role, or undefined. */
  const nonAdmin = (rand: Rand, view: SimView, role: string): string | undefined => {
    const signer = view.pickSigner(rand);
    return signer && !keeper.hasRole(view.ctx, keeper.adminRoleOf(view.ctx, role), signer) ? signer : undefined;
  };
  const held = (view: SimView, role: string, address: string) => keeper.expiryOf(view.ctx, role, fromAccAddress(address)) !== undefined;
  return [
    {
      name: "roles/grant",
      weight: 6,
      plan(rand, view): PlannedTx | undefined {
        let role = rand.int(4) === 0 ? PAUSER_ROLE : rand.pick(PLAIN_ROLES);
        const address = rand.pick(view.accounts);
        if (role === PAUSER_ROLE && keeper.hasRole(view.ctx, PAUSER_ROLE, address)) role = rand.pick(PLAIN_ROLES);
        const signer = claimHolder(rand, view, keeper, keeper.adminRoleOf(view.ctx, role));
        if (!signer) return undefined;
        return { signer, msgs: [grant(signer, role, address, expiry(rand, view.ctx.height))], expect: SUCCEEDS };
      },
    },
    {
      name: "roles/revoke",
      weight: 3,
      plan(rand, view) {
        const role = rand.pick(REVOCABLE_ROLES);
        const holders = keeper.holders(view.ctx, role);
        if (holders.length === 0) return undefined;
        const signer = claimHolder(rand, view, keeper, keeper.adminRoleOf(view.ctx, role));
        if (!signer) return undefined;
        return { signer, msgs: [revoke(signer, role, rand.pick(holders).address)], expect: SUCCEEDS };
      },
    },
    {
      name: "roles/revoke-not-held",
      weight: 1,
      plan(rand, view) {
        const role = rand.pick(PLAIN_ROLES);
        const address = rand.pick(view.accounts);
        if (held(view, role, address)) return undefined;
        const signer = claimHolder(rand, view, keeper, keeper.adminRoleOf(view.ctx, role));
        if (!signer) return undefined;
        return { signer, msgs: [revoke(signer, role, address)], expect: failsWith(ErrRoleNotHeld) };
      },
    },
    {
      name: "roles/grant-already-expired",
      weight: 1,
      plan(rand, view) {
        const role = rand.pick(PLAIN_ROLES);
        const signer = claimHolder(rand, view, keeper, keeper.adminRoleOf(view.ctx, role));
        if (!signer) return undefined;
        const expiresAt = rand.between(1n, view.ctx.height);
        return { signer, msgs: [grant(signer, role, rand.pick(view.accounts), expiresAt)], expect: failsWith(ErrInvalidExpiry) };
      },
    },
    {
      name: "roles/grant-by-non-admin",
      weight: 2,
      plan(rand, view) {
        const role = rand.int(5) === 0 ? ADMIN_ROLE : rand.pick(PLAIN_ROLES);
        const signer = nonAdmin(rand, view, role);
        if (!signer) return undefined;
        return { signer, msgs: [grant(signer, role, rand.pick(view.accounts), expiry(rand, view.ctx.height))], expect: failsWith(ErrUnauthorized) };
      },
    },
    {
      name: "roles/revoke-by-non-admin",
      weight: 1,
      plan(rand, view) {
        const role = rand.pick([ADMIN_ROLE, PAUSER_ROLE, ...PLAIN_ROLES]);
        const holders = keeper.holders(view.ctx, role);
        const signer = holders.length ? nonAdmin(rand, view, role) : undefined;
        if (!signer) return undefined;
        return { signer, msgs: [revoke(signer, role, rand.pick(holders).address)], expect: failsWith(ErrUnauthorized) };
      },
    },
  ];
}

/**
 * Grants and revokes by the gov authority. They run when the proposal passes, blocks later: a
 * revoke of a role no longer held, or an expiry already reached, then fails the whole proposal.
 */
export function rolesProposalMsgs(keeper: RolesKeeper): WeightedProposalMsg[] {
  return [
    {
      name: "roles/grant",
      weight: 3,
      build: (rand, view) => grant(keeper.authority, rand.pick(PLAIN_ROLES), rand.pick(view.accounts), rand.int(3) === 0 ? view.ctx.height + rand.between(1n, 30n) : 0n),
    },
    {
      name: "roles/revoke",
      weight: 2,
      build: (rand, view) => revoke(keeper.authority, rand.pick(PLAIN_ROLES), rand.pick(view.accounts)),
    },
  ];
}
