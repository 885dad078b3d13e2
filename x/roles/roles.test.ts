import assert from "node:assert/strict";
import { after, test } from "node:test";
import * as q from "../../generated/proto/agora/roles/v1/query.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import { TestChain } from "../../test/support/chain.js";
import { actors, actorsGenesis, anyMsg, dispatchNested, nextBlockContext, signed, type Actor } from "../../test/support/actors.js";
import { MsgGrantRole, MsgRevokeRole, MsgSetRoleAdmin } from "./types.js";

const chains: TestChain[] = [];
after(async () => {
  for (const chain of chains) await chain.destroy();
});

/** A chain whose genesis makes `admin` the holder of the admin role. */
async function chainWithAdmin(): Promise<{ chain: TestChain; admin: Actor; bob: Actor; carol: Actor }> {
  const [admin, bob, carol] = (await actors(3)) as [Actor, Actor, Actor];
  const chain = TestChain.open();
  chains.push(chain);
  chain.initChain(actorsGenesis([admin, bob, carol], { roles: { grants: [{ role: "admin", address: admin.address }] } }));
  chain.block([]);
  return { chain, admin, bob, carol };
}

function grant(signer: Actor, role: string, address: string, expiresAtHeight = 0n) {
  return anyMsg(MsgGrantRole, { signer: signer.address, role, address, expiresAtHeight });
}

function hasRole(chain: TestChain, role: string, address: string, height = 0n): boolean {
  const res = chain.query("/agora.roles.v1.Query/HasRole", q.QueryHasRoleRequest.encode({ role, address }).finish(), height);
  assert.equal(res.code, 0, res.log);
  return q.QueryHasRoleResponse.decode(res.value).hasRole;
}

function holders(chain: TestChain, role: string): string[] {
  const res = chain.query("/agora.roles.v1.Query/RoleHolders", q.QueryRoleHoldersRequest.encode({ role, pagination: undefined }).finish());
  assert.equal(res.code, 0, res.log);
  return q.QueryRoleHoldersResponse.decode(res.value).grants.map((g) => g.address);
}

test("an admin grants and revokes a role, with events, and the queries show who holds what", async () => {
  const { chain, admin, bob } = await chainWithAdmin();
  const { results } = chain.block([await signed(chain, admin, [grant(admin, "moderator", bob.address)])]);
  assert.equal(results[0]!.code, 0, results[0]!.log);
  const granted = results[0]!.events.find((e) => e.type === "grant_role")!;
  assert.deepEqual(
    Object.fromEntries(granted.attributes.filter((a) => a.key !== "msg_index").map((a) => [a.key, a.value])),
    { role: "moderator", address: bob.address, expires_at_height: "0", granter: admin.address },
  );
  assert.equal(hasRole(chain, "moderator", bob.address), true);
  assert.deepEqual(holders(chain, "moderator"), [bob.address]);
  const rolesOf = chain.query("/agora.roles.v1.Query/RolesOf", q.QueryRolesOfRequest.encode({ address: admin.address }).finish());
  assert.deepEqual(q.QueryRolesOfResponse.decode(rolesOf.value).grants.map((g) => g.role), ["admin"]);

  const revoke = anyMsg(MsgRevokeRole, { signer: admin.address, role: "moderator", address: bob.address });
  const { results: revoked } = chain.block([await signed(chain, admin, [revoke])]);
  assert.equal(revoked[0]!.code, 0, revoked[0]!.log);
  assert.ok(revoked[0]!.events.some((e) => e.type === "revoke_role"));
  assert.equal(hasRole(chain, "moderator", bob.address), false);
  assert.equal(hasRole(chain, "moderator", bob.address, chain.height - 1n), true, "the grant is still visible at the earlier height");
  assert.deepEqual(holders(chain, "moderator"), []);

  const again = chain.block([await signed(chain, admin, [revoke])]).results[0]!;
  assert.equal(again.codespace, "roles");
  assert.match(again.log, /does not hold role moderator/);
});

test("a role grant by a non-admin is refused, naming the signer and the role it lacks", async () => {
  const { chain, bob, carol } = await chainWithAdmin();
  const { results } = chain.block([await signed(chain, bob, [grant(bob, "moderator", carol.address)])]);
  assert.equal(results[0]!.code, 4);
  assert.match(results[0]!.log, new RegExp(`${bob.address} does not hold role admin and is not the governance authority`));
  assert.equal(hasRole(chain, "moderator", carol.address), false);

  const revoke = anyMsg(MsgRevokeRole, { signer: bob.address, role: "admin", address: bob.address });
  assert.equal(chain.block([await signed(chain, bob, [revoke])]).results[0]!.code, 4, "nor may a non-admin revoke");
});

test("an expired role stops working at its height and is pruned at the end of that block", async () => {
  const { chain, admin, bob, carol } = await chainWithAdmin();
  const expiresAt = chain.height + 3n;
  // bob becomes an admin until expiresAt: he can grant in the blocks before it, not at it.
  assert.equal(chain.block([await signed(chain, admin, [grant(admin, "admin", bob.address, expiresAt)])]).results[0]!.code, 0);
  const before = chain.block([await signed(chain, bob, [grant(bob, "moderator", carol.address)])]);
  assert.equal(chain.height, expiresAt - 1n);
  assert.equal(before.results[0]!.code, 0, before.results[0]!.log);
  assert.equal(hasRole(chain, "admin", bob.address), false, "the latest state answers for the next block, where the grant no longer counts");

  const at = chain.block([await signed(chain, bob, [grant(bob, "arbiter", carol.address)])]);
  assert.equal(chain.height, expiresAt);
  assert.equal(at.results[0]!.code, 4);
  assert.match(at.results[0]!.log, /does not hold role admin/);
  assert.deepEqual(holders(chain, "admin"), [admin.address]);
  assert.equal(chain.app.roles.expiryOf(nextBlockContext(chain), "admin", fromAccAddress(bob.address)), undefined, "pruned from state");
  assert.equal(hasRole(chain, "admin", bob.address, expiresAt - 1n), true, "still held in the block before its expiry");
});

test("an expiry at or before the current height is refused: such a grant would never count", async () => {
  const { chain, admin, bob } = await chainWithAdmin();
  const res = chain.block([await signed(chain, admin, [grant(admin, "pauser", bob.address, chain.height + 1n)])]).results[0]!;
  assert.equal(res.codespace, "roles");
  assert.match(res.log, /is not after the current height/);
});

test("role names are checked before anything runs", async () => {
  const { chain, admin, bob } = await chainWithAdmin();
  const res = chain.checkTx(await signed(chain, admin, [grant(admin, "Pauser!", bob.address)]));
  assert.equal(res.codespace, "roles");
  assert.match(res.log, /expected lowercase letters, digits and inner hyphens.*got "Pauser!"/);
});

test("the gov authority grants without holding a role, and makes another role a role's admin", async () => {
  const { chain, bob, carol } = await chainWithAdmin();
  const gov = toAccAddress(chain.app.accounts.moduleAddress("gov"));
  const ctx = nextBlockContext(chain);
  dispatchNested(chain, { typeUrl: MsgSetRoleAdmin.typeUrl, value: { authority: gov, role: "moderator", adminRole: "moderator-admin" } }, ctx);
  dispatchNested(chain, { typeUrl: MsgGrantRole.typeUrl, value: { signer: gov, role: "moderator-admin", address: bob.address, expiresAtHeight: 0n } }, ctx);
  assert.equal(chain.app.roles.adminRoleOf(ctx, "moderator"), "moderator-admin");
  // bob administers moderator now, but not other roles.
  dispatchNested(chain, { typeUrl: MsgGrantRole.typeUrl, value: { signer: bob.address, role: "moderator", address: carol.address, expiresAtHeight: 0n } }, ctx);
  assert.equal(chain.app.roles.hasRole(ctx, "moderator", carol.address), true);
  assert.throws(
    () => dispatchNested(chain, { typeUrl: MsgGrantRole.typeUrl, value: { signer: bob.address, role: "arbiter", address: carol.address, expiresAtHeight: 0n } }, ctx),
    /does not hold role admin/,
  );
  assert.throws(
    () => dispatchNested(chain, { typeUrl: MsgSetRoleAdmin.typeUrl, value: { authority: bob.address, role: "arbiter", adminRole: "moderator" } }, ctx),
    /invalid authority; expected agora1/,
  );
});

test("roles genesis exports what it imported, and a chain started from the export has the same grants", async () => {
  const { chain, admin, bob } = await chainWithAdmin();
  chain.block([await signed(chain, admin, [grant(admin, "kyc-attestor", bob.address, chain.height + 100n)])]);
  const exported = chain.app.modules.exportGenesis(chain.app.base.queryContext());
  const roles = JSON.parse(JSON.stringify(exported.roles));
  assert.deepEqual(roles.grants, [
    { role: "admin", address: admin.address, expires_at_height: "0" },
    { role: "kyc-attestor", address: bob.address, expires_at_height: String(chain.height + 99n) },
  ].sort((a, b) => (a.role < b.role ? -1 : 1)));

  const copy = TestChain.open();
  chains.push(copy);
  copy.initChain(JSON.parse(JSON.stringify(exported)));
  copy.block([]);
  assert.deepEqual(JSON.parse(JSON.stringify(copy.app.modules.exportGenesis(copy.app.base.queryContext()).roles)), roles);
  assert.equal(hasRole(copy, "kyc-attestor", bob.address), true);
});
