import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { QueryAllBalancesRequest, QueryAllBalancesResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import type { FastifyInstance } from "fastify";
import { TestChain, twoAccountGenesis } from "../../../test/support/chain.js";
import { sendMsg, signTx, testAccount, type TestAccount } from "../../../test/support/signing.js";
import { fromAccAddress, toAccAddress } from "../../types/address.js";
import { CometRpc } from "../grpc/comet-rpc.js";
import { createRestServer, restRoutes } from "./server.js";

let chain: TestChain;
let server: FastifyInstance;
let alice: TestAccount;
let bob: TestAccount;

before(async () => {
  alice = await testAccount(1);
  bob = await testAccount(2);
  chain = TestChain.open();
  chain.initChain(twoAccountGenesis(alice, bob));
  chain.block([]); // height 1: the genesis balances
  const send = await signTx(alice, [sendMsg(alice.address, bob.address, "100")], { chainId: chain.chainId, accountNumber: 0n, sequence: 0n });
  const { results } = chain.block([send]); // height 2: alice paid bob 100uagora and a 2000uagora fee
  assert.equal(results[0]!.code, 0, results[0]!.log);
  // No CometBFT here: the routes that need its RPC are exercised end to end.
  server = await createRestServer(chain.app.base, { rpcAddress: "tcp://127.0.0.1:1" });
});

after(async () => {
  await server.close();
  await chain.destroy();
});

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await server.inject({ method: "GET", url, headers });
  return { status: res.statusCode, headers: res.headers, body: res.json() as Record<string, any> };
}

test("balances of a funded account are what the ABCI query answers, in the gateway's JSON", async () => {
  const abci = chain.query("/cosmos.bank.v1beta1.Query/AllBalances", QueryAllBalancesRequest.encode(QueryAllBalancesRequest.fromPartial({ address: alice.address })).finish());
  const expected = QueryAllBalancesResponse.decode(abci.value);
  const { status, body, headers } = await get(`/cosmos/bank/v1beta1/balances/${alice.address}`);
  assert.equal(status, 200);
  // Without a limit the total is counted, as the SDK's pagination does.
  assert.deepEqual(body, { balances: expected.balances, pagination: { next_key: null, total: "3" } });
  assert.deepEqual(body["balances"], [
    { denom: "ibc/ABC", amount: "7" },
    { denom: "uagora", amount: "997900" },
    { denom: "uatom", amount: "500" },
  ]);
  assert.equal(headers["x-cosmos-block-height"], "2");
});

test("a balance by denom, the supply of a denom and the spendable balances answer", async () => {
  assert.deepEqual((await get(`/cosmos/bank/v1beta1/balances/${bob.address}/by_denom?denom=uagora`)).body, { balance: { denom: "uagora", amount: "350" } });
  assert.deepEqual((await get(`/cosmos/bank/v1beta1/supply/by_denom?denom=uatom`)).body, { amount: { denom: "uatom", amount: "500" } });
  assert.deepEqual((await get(`/cosmos/bank/v1beta1/spendable_balances/${bob.address}`)).body["balances"], [{ denom: "uagora", amount: "350" }]);
  const params = await get("/cosmos/bank/v1beta1/params");
  assert.deepEqual(params.body, { params: { send_enabled: [], default_send_enabled: true } });
});

test("an account answers as JSON with its @type, snake_case fields, 64-bit numbers as strings and its key", async () => {
  const { status, body } = await get(`/cosmos/auth/v1beta1/accounts/${alice.address}`);
  assert.equal(status, 200);
  const account = body["account"];
  assert.equal(account["@type"], "/cosmos.auth.v1beta1.BaseAccount");
  assert.equal(account["address"], alice.address);
  assert.equal(account["account_number"], "0");
  assert.equal(account["sequence"], "1");
  assert.deepEqual(account["pub_key"], { "@type": "/cosmos.crypto.secp256k1.PubKey", key: Buffer.from(alice.pubkey).toString("base64") });
  // Bob never signed: his key is unset, which the gateway writes as null.
  assert.equal((await get(`/cosmos/auth/v1beta1/accounts/${bob.address}`)).body["account"]["pub_key"], null);
});

test("pagination: a limit gives a next_key that fetches the next page, and count_total counts", async () => {
  const first = await get(`/cosmos/bank/v1beta1/balances/${alice.address}?pagination.limit=2&pagination.count_total=true`);
  assert.deepEqual(first.body["balances"].map((c: { denom: string }) => c.denom), ["ibc/ABC", "uagora"]);
  assert.equal(first.body["pagination"]["total"], "3");
  const nextKey = first.body["pagination"]["next_key"] as string;
  assert.ok(nextKey);
  const second = await get(`/cosmos/bank/v1beta1/balances/${alice.address}?pagination.key=${encodeURIComponent(nextKey)}&pagination.limit=2`);
  assert.deepEqual(second.body["balances"], [{ denom: "uatom", amount: "500" }]);
  assert.equal(second.body["pagination"]["next_key"], null);
  const accounts = await get("/cosmos/auth/v1beta1/accounts?pagination.offset=1&pagination.limit=1");
  assert.equal(accounts.body["accounts"].length, 1);
  const bad = await get(`/cosmos/bank/v1beta1/balances/${alice.address}?pagination.limit=many`);
  assert.equal(bad.status, 400);
  assert.equal(bad.body["code"], 3);
});

test("x-cosmos-block-height reads the state of an earlier height", async () => {
  const before = await get(`/cosmos/bank/v1beta1/balances/${bob.address}/by_denom?denom=uagora`, { "x-cosmos-block-height": "1" });
  assert.equal(before.status, 200);
  assert.deepEqual(before.body, { balance: { denom: "uagora", amount: "250" } });
  assert.equal(before.headers["x-cosmos-block-height"], "1");
});

test("a height the store does not keep is a 400 with code 3 and the store's reason", async () => {
  const res = await get(`/cosmos/bank/v1beta1/balances/${bob.address}`, { "x-cosmos-block-height": "1000" });
  assert.equal(res.status, 400);
  assert.equal(res.body["code"], 3);
  assert.match(res.body["message"], /cannot query that height: .*1000/);
  assert.deepEqual(res.body["details"], []);
  const garbled = await get(`/cosmos/bank/v1beta1/balances/${bob.address}`, { "x-cosmos-block-height": "yesterday" });
  assert.equal(garbled.status, 400);
  assert.equal(garbled.body["code"], 3);
});

test("a bad address is a 400 with code 3 naming it; a missing account is a 404 with code 5", async () => {
  const bad = await get("/cosmos/bank/v1beta1/balances/agora1notanaddress");
  assert.equal(bad.status, 400);
  assert.equal(bad.body["code"], 3);
  assert.match(bad.body["message"], /agora1notanaddress/);
  const stranger = await testAccount(99);
  const missing = await get(`/cosmos/auth/v1beta1/accounts/${stranger.address}`);
  assert.equal(missing.status, 404);
  assert.equal(missing.body["code"], 5);
  assert.match(missing.body["message"], /not found/);
});

test("a denom with a slash reaches the metadata query whole, and its absence is a 404", async () => {
  const res = await get("/cosmos/bank/v1beta1/denoms_metadata/ibc/ABC");
  assert.equal(res.status, 404);
  assert.equal(res.body["code"], 5);
  assert.match(res.body["message"], /ibc\/ABC/);
});

test("an unknown path answers as the gateway does: 501, code 12, Not Implemented", async () => {
  const res = await get("/cosmos/mint/v1beta1/params");
  assert.equal(res.status, 501);
  assert.deepEqual(res.body, { code: 12, message: "Not Implemented", details: [] });
});

test("a broadcast without tx_bytes or with an unsupported mode is a 400, not a crash", async () => {
  const empty = await server.inject({ method: "POST", url: "/cosmos/tx/v1beta1/txs", payload: { mode: "BROADCAST_MODE_SYNC" } });
  assert.equal(empty.statusCode, 400);
  assert.equal(empty.json().code, 3);
  const block = await server.inject({ method: "POST", url: "/cosmos/tx/v1beta1/txs", payload: { tx_bytes: "AA==", mode: "BROADCAST_MODE_BLOCK" } });
  assert.equal(block.statusCode, 400);
  assert.match(block.json().message, /BROADCAST_MODE_SYNC/);
  const garbage = await server.inject({ method: "POST", url: "/cosmos/tx/v1beta1/txs", headers: { "content-type": "application/json" }, payload: "{not json" });
  assert.equal(garbage.statusCode, 400);
  assert.equal(garbage.json().code, 3);
});

test("simulate answers the gas a signed send uses", async () => {
  const send = await signTx(alice, [sendMsg(alice.address, bob.address, "5")], { chainId: chain.chainId, accountNumber: 0n, sequence: 1n });
  const res = await server.inject({ method: "POST", url: "/cosmos/tx/v1beta1/simulate", payload: { tx_bytes: Buffer.from(send).toString("base64") } });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.ok(BigInt(body.gas_info.gas_used) > 0n);
  assert.ok(body.result.events.some((e: { type: string }) => e.type === "transfer"));
});

test("CORS is open to every origin", async () => {
  const res = await server.inject({ method: "GET", url: "/cosmos/bank/v1beta1/params", headers: { origin: "https://explorer.example" } });
  assert.equal(res.headers["access-control-allow-origin"], "*");
  const preflight = await server.inject({
    method: "OPTIONS",
    url: "/cosmos/tx/v1beta1/txs",
    headers: { origin: "https://wallet.example", "access-control-request-method": "POST" },
  });
  assert.equal(preflight.statusCode, 204);
  assert.equal(preflight.headers["access-control-allow-origin"], "*");
});

test("/openapi.json lists every route the server answers", async () => {
  const { status, body } = await get("/openapi.json");
  assert.equal(status, 200);
  assert.equal(body["openapi"], "3.0.3");
  const routes = restRoutes(chain.app.base, new CometRpc("http://127.0.0.1:1"));
  for (const route of routes) {
    const path = route.path.replace(/=\*\*\}/, "}");
    assert.ok(body["paths"][path]?.[route.method.toLowerCase()], `${route.method} ${path} is missing from /openapi.json`);
  }
  // Every Query method the router registers has its gateway path.
  const operations = new Set(routes.map((r) => "/" + r.operation.replace(/\.(\w+)$/, "/$1")));
  for (const method of chain.app.base.queryRouter.paths()) assert.ok(operations.has(method), `${method} has no REST route`);
  assert.ok(body["paths"]["/cosmos/tx/v1beta1/txs"]["post"]);
  const ids = Object.values(body["paths"]).flatMap((ops: any) => Object.values(ops).map((op: any) => op.operationId));
  assert.equal(new Set(ids).size, ids.length, "operation ids are unique");
  assert.ok(body["paths"]["/cosmos/base/tendermint/v1beta1/blocks/latest"]["get"]);
});

test("the upgrade module's plan, applied plans, module versions and authority answer on their gateway paths", async () => {
  assert.deepEqual((await get("/cosmos/upgrade/v1beta1/current_plan")).body, { plan: null });
  assert.deepEqual((await get("/cosmos/upgrade/v1beta1/applied_plan/v2")).body, { height: "0" });
  assert.deepEqual((await get("/cosmos/upgrade/v1beta1/module_versions?module_name=bank")).body, { module_versions: [{ name: "bank", version: "1" }] });
  assert.equal((await get("/cosmos/upgrade/v1beta1/module_versions")).body["module_versions"].length, chain.app.modules.modules.length);
  assert.equal((await get("/cosmos/upgrade/v1beta1/authority")).body["address"], chain.app.upgrade.authority);
});

test("distribution's params and community pool print their decimals as the gateway does", async () => {
  chain.block([]); // height 3 allocates height 2's fee: no votes signed, so all of it to the community pool
  assert.deepEqual((await get("/cosmos/distribution/v1beta1/community_pool")).body, { pool: [{ denom: "uagora", amount: "2000.000000000000000000" }] });
  assert.deepEqual((await get("/cosmos/distribution/v1beta1/params")).body, {
    params: { community_tax: "0.020000000000000000", base_proposer_reward: "0.000000000000000000", bonus_proposer_reward: "0.000000000000000000", withdraw_addr_enabled: true },
  });
  const noValidator = toAccAddress(fromAccAddress(bob.address), "agoravaloper");
  const missing = await get(`/cosmos/distribution/v1beta1/delegators/${alice.address}/rewards/${noValidator}`);
  // A module's registered error is gRPC's Unknown, as the SDK's gateway answers it.
  assert.equal(missing.status, 500);
  assert.match(missing.body["message"], /codespace distribution code 12: .*validator does not exist/);
});

test("the social module's params, profiles and posts answer on their gateway paths", async () => {
  const params = (await get("/agora/social/v1/params")).body["params"];
  assert.equal(params["max_post_bytes"], 1024);
  assert.equal(params["handle_cooldown_blocks"], "14400");
  const missing = await get("/agora/social/v1/profiles/by_handle/nobody");
  assert.equal(missing.status >= 400, true);
  assert.match(missing.body["message"], /no profile has the handle @nobody/);
  assert.match((await get("/agora/social/v1/posts/7")).body["message"], /no post 7/);
  assert.deepEqual((await get(`/agora/social/v1/accounts/${alice.address}/feed`)).body["posts"], []);
});
