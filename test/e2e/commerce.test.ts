/**
 * The marketplace end to end with the real CometBFT and stock CosmJS, the project's generated
 * agora.commerce.v1 types registered in a CosmJS Registry: a seller lists, a buyer orders, the
 * seller ships, the buyer confirms and reviews.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DirectSecp256k1HdWallet, Registry, type GeneratedType } from "@cosmjs/proto-signing";
import { defaultRegistryTypes, GasPrice, QueryClient, SigningStargateClient } from "@cosmjs/stargate";
import { connectComet } from "@cosmjs/tendermint-rpc";
import { makeCosmoshubPath } from "@cosmjs/amino";
import * as commerceTx from "../../generated/proto/agora/commerce/v1/tx.js";
import * as q from "../../generated/proto/agora/commerce/v1/query.js";
import { OrderStatus } from "../../generated/proto/agora/commerce/v1/commerce.js";
import { Devnet, DEV_MNEMONIC } from "../support/devnet.js";

const CHAIN_ID = "agora-local-1";
let devnet: Devnet;
let seller: SigningStargateClient;
let buyer: SigningStargateClient;
let sellerAddress: string;
let buyerAddress: string;
let queries: QueryClient;
let comet: Awaited<ReturnType<typeof connectComet>>;

const registry = new Registry([
  ...defaultRegistryTypes,
  ...Object.entries(commerceTx)
    .filter(([name]) => /^Msg\w+$/.test(name) && !name.endsWith("Response") && name !== "MsgServiceName")
    .map(([name, type]): [string, GeneratedType] => [`/agora.commerce.v1.${name}`, type as unknown as GeneratedType]),
]);

before(async () => {
  devnet = await Devnet.create(CHAIN_ID);
  await devnet.start();
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(DEV_MNEMONIC, { prefix: "agora", hdPaths: [makeCosmoshubPath(0), makeCosmoshubPath(1)] });
  [sellerAddress, buyerAddress] = (await wallet.getAccounts()).map((a) => a.address) as [string, string];
  const options = { registry, gasPrice: GasPrice.fromString("0.025uagora") };
  seller = await SigningStargateClient.connectWithSigner(devnet.rpc, wallet, options);
  buyer = seller;
  comet = await connectComet(devnet.rpc);
  queries = QueryClient.withExtensions(comet);
  const funded = await seller.sendTokens(sellerAddress, buyerAddress, [{ denom: "uagora", amount: "50000000" }], "auto");
  assert.equal(funded.code, 0, funded.rawLog);
});

after(async () => {
  seller?.disconnect();
  comet?.disconnect();
  await devnet?.destroy();
});

async function send(from: string, typeUrl: string, value: object) {
  const res = await (from === sellerAddress ? seller : buyer).signAndBroadcast(from, [{ typeUrl, value }], "auto");
  assert.equal(res.code, 0, res.rawLog);
  return res;
}

async function query<Res>(method: string, request: { encode(m: any): { finish(): Uint8Array } }, req: object, response: { decode(b: Uint8Array): Res }): Promise<Res> {
  const answer = await queries.queryAbci(`/agora.commerce.v1.Query/${method}`, request.encode(req).finish());
  return response.decode(answer.value);
}

test("a seller lists, a buyer orders, the seller ships, the buyer confirms and reviews, all through stock CosmJS", async () => {
  await send(sellerAddress, "/agora.commerce.v1.MsgCreateStore", { owner: sellerAddress, name: "Tea House", metadata: "" });
  await send(sellerAddress, "/agora.commerce.v1.MsgCreateListing", { seller: sellerAddress, storeId: 1n, title: "Green tea", descriptionHash: "", descriptionUri: "ipfs://tea", price: { denom: "uagora", amount: "1000000" }, inventory: 3n });
  const before = BigInt((await seller.getBalance(sellerAddress, "uagora")).amount);
  await send(buyerAddress, "/agora.commerce.v1.MsgPlaceOrder", { buyer: buyerAddress, listingId: 1n, quantity: 2n, price: { denom: "uagora", amount: "1000000" } });
  const placed = (await query("Order", q.QueryOrderRequest, { orderId: 1n }, q.QueryOrderResponse)).order!;
  assert.deepEqual([placed.orderStatus, placed.escrow], [OrderStatus.ORDER_STATUS_PLACED, { denom: "uagora", amount: "2000000" }]);

  const shipped = await send(sellerAddress, "/agora.commerce.v1.MsgShipOrder", { seller: sellerAddress, orderId: 1n, tracking: "DHL 1" });
  const sellerFee = BigInt(shipped.gasWanted) * 25n / 1000n + 1n;
  await send(buyerAddress, "/agora.commerce.v1.MsgConfirmDelivery", { buyer: buyerAddress, orderId: 1n });
  await send(buyerAddress, "/agora.commerce.v1.MsgReviewOrder", { buyer: buyerAddress, orderId: 1n, rating: 5, text: "fresh" });

  const after = BigInt((await seller.getBalance(sellerAddress, "uagora")).amount);
  // 2,000,000 less the 1% marketplace fee, less what the ship tx cost in gas fees.
  assert.ok(after - before <= 1_980_000n && after - before >= 1_980_000n - sellerFee, `seller received ${after - before}`);
  const order = (await query("Order", q.QueryOrderRequest, { orderId: 1n }, q.QueryOrderResponse)).order!;
  assert.deepEqual([order.orderStatus, order.reviewed], [OrderStatus.ORDER_STATUS_COMPLETED, true]);
  const store = await query("Store", q.QueryStoreRequest, { storeId: 1n }, q.QueryStoreResponse);
  assert.equal(store.averageRating, "5.000000000000000000");
  const listing = (await query("Listing", q.QueryListingRequest, { listingId: 1n }, q.QueryListingResponse)).listing!;
  assert.equal(listing.inventory, 1n);
});
