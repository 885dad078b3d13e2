import assert from "node:assert/strict";
import { test } from "node:test";
import * as q from "cosmjs-types/cosmos/bank/v1beta1/query";
import { TestChain, twoAccountGenesis } from "../../test/support/chain.js";
import { sendMsg, signTx, testAccount } from "../../test/support/signing.js";

const FEE = [{ denom: "uagora", amount: "2000" }];

async function chainWithTwoDenoms() {
  const alice = await testAccount(1);
  const bob = await testAccount(2);
  const chain = TestChain.open();
  chain.initChain(twoAccountGenesis(alice, bob));
  chain.block([]);
  return { chain, alice, bob };
}


interface Codec<T> {
  encode(m: T): { finish(): Uint8Array };
  decode(b: Uint8Array): T;
  fromPartial(o: object): T;
}

function query<Req, Res>(chain: TestChain, method: string, reqType: Codec<Req>, req: object, resType: Codec<Res>): Res {
  const res = chain.query(`/cosmos.bank.v1beta1.Query/${method}`, reqType.encode(reqType.fromPartial(req)).finish());
  assert.equal(res.code, 0, res.log);
  return resType.decode(res.value);
}

test("TotalSupply and SupplyOf answer the genesis total of every denom", async () => {
  const { chain } = await chainWithTwoDenoms();
  const total = query(chain, "TotalSupply", q.QueryTotalSupplyRequest, {}, q.QueryTotalSupplyResponse);
  assert.deepEqual(total.supply, [
    { denom: "ibc/ABC", amount: "7" },
    { denom: "uagora", amount: "1000250" },
    { denom: "uatom", amount: "500" },
  ]);
  const of = (denom: string) => query(chain, "SupplyOf", q.QuerySupplyOfRequest, { denom }, q.QuerySupplyOfResponse).amount;
  assert.deepEqual(of("uagora"), { denom: "uagora", amount: "1000250" });
  assert.deepEqual(of("uatom"), { denom: "uatom", amount: "500" });
  assert.deepEqual(of("unone"), { denom: "unone", amount: "0" }, "an unknown denom has supply 0");
  await chain.destroy();
});

test("the total supply is unchanged by transfers and fees", async () => {
  const { chain, alice, bob } = await chainWithTwoDenoms();
  const tx = await signTx(alice, [sendMsg(alice.address, bob.address, "12345")], { chainId: chain.chainId, accountNumber: 0n, sequence: 0n, fee: FEE });
  assert.equal(chain.block([tx]).results[0]!.code, 0);
  const of = query(chain, "SupplyOf", q.QuerySupplyOfRequest, { denom: "uagora" }, q.QuerySupplyOfResponse).amount;
  assert.equal(of!.amount, "1000250");
  await chain.destroy();
});

test("AllBalances pages with limit 1: one coin and a next_key that fetches the rest", async () => {
  const { chain, alice } = await chainWithTwoDenoms();
  const all = query(chain, "AllBalances", q.QueryAllBalancesRequest, { address: alice.address }, q.QueryAllBalancesResponse);
  assert.deepEqual(
    all.balances.map((c) => `${c.amount}${c.denom}`),
    ["7ibc/ABC", "1000000uagora", "500uatom"],
  );
  assert.equal(all.pagination!.nextKey.length, 0, "everything fits the default page");

  const seen: string[] = [];
  let key: Uint8Array = new Uint8Array();
  for (let page = 0; page < 10; page++) {
    const res = query(chain, "AllBalances", q.QueryAllBalancesRequest, { address: alice.address, pagination: { key, limit: 1n } }, q.QueryAllBalancesResponse);
    assert.equal(res.balances.length, 1);
    seen.push(`${res.balances[0]!.amount}${res.balances[0]!.denom}`);
    key = res.pagination!.nextKey;
    if (key.length === 0) break;
  }
  assert.deepEqual(seen, ["7ibc/ABC", "1000000uagora", "500uatom"]);

  const counted = query(
    chain,
    "AllBalances",
    q.QueryAllBalancesRequest,
    { address: alice.address, pagination: { limit: 2n, countTotal: true } },
    q.QueryAllBalancesResponse,
  );
  assert.equal(counted.balances.length, 2);
  assert.equal(counted.pagination!.total, 3n);
  assert.ok(counted.pagination!.nextKey.length > 0);
  await chain.destroy();
});

test("AllBalances of an address with no coins is an empty list", async () => {
  const { chain } = await chainWithTwoDenoms();
  const stranger = await testAccount(99);
  const res = query(chain, "AllBalances", q.QueryAllBalancesRequest, { address: stranger.address }, q.QueryAllBalancesResponse);
  assert.deepEqual(res.balances, []);
  await chain.destroy();
});

test("AllBalances of another address does not list its neighbour's coins", async () => {
  const { chain, bob } = await chainWithTwoDenoms();
  const res = query(chain, "AllBalances", q.QueryAllBalancesRequest, { address: bob.address }, q.QueryAllBalancesResponse);
  assert.deepEqual(res.balances, [{ denom: "uagora", amount: "250" }]);
  await chain.destroy();
});

test("DenomMetadata for a denom without metadata answers not found, naming the denom", async () => {
  const { chain } = await chainWithTwoDenoms();
  const res = chain.query("/cosmos.bank.v1beta1.Query/DenomMetadata", q.QueryDenomMetadataRequest.encode({ denom: "uatom" }).finish());
  assert.notEqual(res.code, 0);
  assert.equal(res.codespace, "sdk");
  assert.equal(res.code, 38);
  assert.match(res.log, /client metadata for denom uatom/);
  await chain.destroy();
});

test("Balance with a malformed address or denom answers an error naming it", async () => {
  const { chain, alice } = await chainWithTwoDenoms();
  const ask = (address: string, denom: string) =>
    chain.query("/cosmos.bank.v1beta1.Query/Balance", q.QueryBalanceRequest.encode({ address, denom }).finish());
  const badAddress = ask("agora1nope", "uagora");
  assert.equal(badAddress.code, 7);
  assert.match(badAddress.log, /agora1nope/);
  const badDenom = ask(alice.address, "x");
  assert.equal(badDenom.code, 10);
  assert.match(badDenom.log, /"x"/);
  const noDenom = ask(alice.address, "");
  assert.equal(noDenom.code, 18);
  await chain.destroy();
});

test("bank Params answers the defaults: sending enabled for every denom", async () => {
  const { chain } = await chainWithTwoDenoms();
  const res = query(chain, "Params", q.QueryParamsRequest, {}, q.QueryParamsResponse);
  assert.deepEqual(res.params, { sendEnabled: [], defaultSendEnabled: true });
  await chain.destroy();
});
