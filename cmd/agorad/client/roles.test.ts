/** Roles and circuit CLI offline: arguments, the role-admin proposal, and queries against a fake node. */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it, test } from "node:test";
import { DisabledListResponse } from "cosmjs-types/cosmos/circuit/v1/query";
import * as q from "../../../generated/proto/agora/roles/v1/query.js";
import * as rolesTx from "../../../generated/proto/agora/roles/v1/tx.js";
import { createModules } from "../../../app/app.js";
import { tempDirs } from "../../../test/support/temp-dirs.js";
import { anyToJson } from "../../../x/governance/proto-json.js";
import { lines, runCliAsync, tmpHome } from "../keys/testing.js";
import { chainMessageTypes, chainRegistry } from "./chain-types.js";
import { parseMsgTypeUrls, queryDisabledList, tripCircuit } from "./circuit.js";
import { startFakeNode, type AbciHandler } from "./fake-node.js";
import { readProposalFile } from "./gov.js";
import { grantRole, queryHasRole, queryRoleHolders, queryRolesOf, setRoleAdminProposal } from "./roles.js";

const newDir = tempDirs("agora-roles-cli-");
const ALICE = "agora19rl4cm2hmr8afy4kldpxz3fka4jguq0aemhkp7";
const BOB = "agora1sxmr0k8u6trd5c6eu6trzyapzux7090y58wxrc";

test("a role-admin change is printed as a proposal.json that submit-proposal reads as MsgSetRoleAdmin from the gov authority", () => {
  const file = join(newDir(), "proposal.json");
  writeFileSync(file, JSON.stringify({ ...setRoleAdminProposal({ role: "moderator", adminRole: "moderator-admin" }), deposit: "10000000uagora" }));
  const msg = readProposalFile(file, ALICE);
  assert.equal(msg.messages[0]!.typeUrl, "/agora.roles.v1.MsgSetRoleAdmin");
  assert.deepEqual(rolesTx.MsgSetRoleAdmin.decode(msg.messages[0]!.value), { authority: createModules().gov.authority, role: "moderator", adminRole: "moderator-admin" });
  assert.throws(() => setRoleAdminProposal({ role: "admin", adminRole: "root" }), /the admin role administers itself/);
});

test("a proposal granting a role reads from proposal.json and shows back in the same JSON", () => {
  const grant = { "@type": "/agora.roles.v1.MsgGrantRole", signer: createModules().gov.authority, role: "pauser", address: BOB, expires_at_height: "500" };
  const file = join(newDir(), "proposal.json");
  writeFileSync(file, JSON.stringify({ messages: [grant], title: "Pauser for Bob", summary: "s" }));
  const packed = readProposalFile(file, ALICE).messages[0]!;
  assert.equal(rolesTx.MsgGrantRole.decode(packed.value).expiresAtHeight, 500n);
  assert.deepEqual(anyToJson(packed, chainMessageTypes()), grant);
});

test("the signing registry encodes Agora's own messages and the circuit breaker's", () => {
  const registry = chainRegistry();
  const value = { signer: ALICE, role: "pauser", address: BOB, expiresAtHeight: 7n };
  const bytes = registry.encode({ typeUrl: "/agora.roles.v1.MsgGrantRole", value });
  assert.deepEqual(rolesTx.MsgGrantRole.decode(bytes), value);
  assert.ok(registry.lookupType("/cosmos.circuit.v1.MsgTripCircuitBreaker"));
});

test("bad roles, heights, addresses and type URLs are refused before any key or node is used", async () => {
  const opts = { from: "alice", node: "http://127.0.0.1:1" };
  await assert.rejects(async () => grantRole({ ...opts, role: "Pauser", address: BOB }), /^Error: invalid role "Pauser": expected lowercase letters/);
  await assert.rejects(async () => grantRole({ ...opts, role: "pauser", address: BOB, expiresAtHeight: "-3" }), /invalid --expires-at-height "-3": expected a block height/);
  await assert.rejects(async () => grantRole({ ...opts, role: "pauser", address: "cosmos1xyz" }), /grantee address/);
  await assert.rejects(async () => tripCircuit({ ...opts, typeUrls: ["/cosmos.gov.v1.MsgVote"] }), /\/cosmos\.gov\.v1\.MsgVote can never be paused/);
  await assert.rejects(async () => tripCircuit({ ...opts, typeUrls: ["/cosmos.bank.v1beta1.MsgSnd"] }), /unknown message type "\/cosmos\.bank\.v1beta1\.MsgSnd"/);
  assert.deepEqual(parseMsgTypeUrls(["/agora.roles.v1.MsgGrantRole"], "reset"), ["/agora.roles.v1.MsgGrantRole"]);
});

describe("roles and circuit queries against a node", () => {
  const holders = [BOB, ALICE, "agora1fsndjp6vylvfahjeyuxq4s2tw8s8rv2j8aqy06"].map((address, i) => ({ role: "pauser", address, expiresAtHeight: BigInt(i * 100) }));
  const asked: string[] = [];
  const answer: AbciHandler = (path, data) => {
    asked.push(path);
    if (path === "/agora.roles.v1.Query/RoleHolders") {
      // Two per page, as a node with a small limit would answer.
      const page = q.QueryRoleHoldersRequest.decode(data).pagination!;
      const start = page.key.length ? page.key[0]! : 0;
      const nextKey = start + 2 < holders.length ? Uint8Array.of(start + 2) : new Uint8Array();
      return { value: q.QueryRoleHoldersResponse.encode({ grants: holders.slice(start, start + 2), pagination: { nextKey, total: 0n } }).finish() };
    }
    if (path === "/agora.roles.v1.Query/HasRole") return { value: q.QueryHasRoleResponse.encode({ hasRole: true, expiresAtHeight: 0n }).finish() };
    if (path === "/cosmos.circuit.v1.Query/DisabledList") return { value: DisabledListResponse.encode({ disabledList: ["/cosmos.bank.v1beta1.MsgSend"] }).finish() };
    return { code: 18, codespace: "sdk", log: "invalid request: something the node refuses" };
  };
  let fake: Awaited<ReturnType<typeof startFakeNode>>;
  before(async () => (fake = await startFakeNode(undefined, answer)));
  after(() => fake.close());

  it("lists every holder of a role across pages, with expiries", async () => {
    const res = await queryRoleHolders({ node: fake.url, role: "pauser" });
    assert.deepEqual(res.grants.map((g) => [g.address, g.expires_at_height]), [[BOB, "0"], [ALICE, "100"], [holders[2]!.address, "200"]]);
    assert.equal(asked.filter((p) => p.endsWith("/RoleHolders")).length, 2);
  });

  it("answers has and the paused types", async () => {
    assert.deepEqual(await queryHasRole({ node: fake.url, role: "pauser", address: BOB }), { role: "pauser", address: BOB, has_role: true, expires_at_height: "0" });
    assert.deepEqual(await queryDisabledList({ node: fake.url }), { disabled_list: ["/cosmos.bank.v1beta1.MsgSend"] });
  });

  it("turns the chain's refusal into one line naming the query", async () => {
    await assert.rejects(queryRolesOf({ node: fake.url, address: BOB }), /^Error: query roles of failed: Query failed with \(18\): invalid request: something the node refuses$/);
  });

  it("prints holders as text, one per line, through the binary", async () => {
    const run = await runCliAsync(["--home", tmpHome(), "query", "roles", "holders", "pauser", "--node", fake.url]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(lines(run.stdout), [`${BOB} (never expires)`, `${ALICE} (until height 100)`, `${holders[2]!.address} (until height 200)`]);
  });
});

test("set-admin writes the proposal alone on stdout and its hint on stderr", async () => {
  const run = await runCliAsync(["--home", tmpHome(), "tx", "roles", "set-admin", "moderator", "moderator-admin"]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal((JSON.parse(run.stdout) as { messages: { "@type": string }[] }).messages[0]!["@type"], "/agora.roles.v1.MsgSetRoleAdmin");
  assert.match(run.stderr, /signed by the governance authority: .*agorad tx gov submit-proposal proposal\.json/);
});
