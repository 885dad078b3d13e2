/**
 * Issue 8 end to end with the real CometBFT and stock CosmJS: the project's generated
 * agora.social.v1 and agora.commerce.v1 types (ts-proto's output) registered in a CosmJS Registry
 * under their type URLs, sent with SigningStargateClient.signAndBroadcast, and read back through
 * abci_query with the same generated codecs.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { makeCosmoshubPath } from "@cosmjs/amino";
import { DirectSecp256k1HdWallet, Registry, type GeneratedType } from "@cosmjs/proto-signing";
import { defaultRegistryTypes, GasPrice, QueryClient, setupDistributionExtension, SigningStargateClient, type DeliverTxResponse, type DistributionExtension } from "@cosmjs/stargate";
import { connectComet, type CometClient } from "@cosmjs/tendermint-rpc";
import { OrderStatus } from "../../generated/proto/agora/commerce/v1/commerce.js";
import * as commerceQuery from "../../generated/proto/agora/commerce/v1/query.js";
import * as commerceTx from "../../generated/proto/agora/commerce/v1/tx.js";
import * as socialQuery from "../../generated/proto/agora/social/v1/query.js";
import * as socialTx from "../../generated/proto/agora/social/v1/tx.js";
import { toAccAddress, moduleAddress } from "../../sdk/types/address.js";
import { ESCROW_ACCOUNT } from "../../x/commerce/types.js";
import { Devnet, DEV_MNEMONIC } from "../support/devnet.js";

const CHAIN_ID = "agora-local-1";
const GAS_PRICE = GasPrice.fromString("0.025uagora");

/** Every Msg of a ts-proto tx module, under its type URL: what a wallet registers to sign them. */
function generatedMsgTypes(pkg: string, generated: Record<string, unknown>): [string, GeneratedType][] {
  return Object.entries(generated)
    .filter(([name]) => /^Msg\w+$/.test(name) && !name.endsWith("Response"))
    .map(([name, type]) => [`/${pkg}.${name}`, type as GeneratedType]);
}

const registry = new Registry([
  ...defaultRegistryTypes,
  ...generatedMsgTypes("agora.social.v1", socialTx),
  ...generatedMsgTypes("agora.commerce.v1", commerceTx),
]);

let devnet: Devnet;
let seller: SigningStargateClient;
let buyer: SigningStargateClient;
let sellerAddress: string;
let buyerAddress: string;
let comet: CometClient;
let queries: QueryClient & DistributionExtension;

before(async () => {
  devnet = await Devnet.create(CHAIN_ID);
  await devnet.start();
  // The dev mnemonic's first account sells and posts; its second buys, follows and tips.
  const sellerWallet = await DirectSecp256k1HdWallet.fromMnemonic(DEV_MNEMONIC, { prefix: "agora", hdPaths: [makeCosmoshubPath(0)] });
  const buyerWallet = await DirectSecp256k1HdWallet.fromMnemonic(DEV_MNEMONIC, { prefix: "agora", hdPaths: [makeCosmoshubPath(1)] });
  sellerAddress = (await sellerWallet.getAccounts())[0]!.address;
  buyerAddress = (await buyerWallet.getAccounts())[0]!.address;
  // Polling for inclusion every 200 ms instead of CosmJS's 3 s keeps the test near the block time.
  const options = { registry, gasPrice: GAS_PRICE, broadcastPollIntervalMs: 200 };
  seller = await SigningStargateClient.connectWithSigner(devnet.rpc, sellerWallet, options);
  buyer = await SigningStargateClient.connectWithSigner(devnet.rpc, buyerWallet, options);
  comet = await connectComet(devnet.rpc);
  queries = QueryClient.withExtensions(comet, setupDistributionExtension);
  const funded = await seller.sendTokens(sellerAddress, buyerAddress, [{ denom: "uagora", amount: "100000000" }], "auto");
  assert.equal(funded.code, 0, funded.rawLog);
});

after(async () => {
  seller?.disconnect();
  buyer?.disconnect();
  comet?.disconnect();
  await devnet?.destroy();
});

/** Signs and broadcasts one message with an auto fee; the tx must succeed. */
async function send(client: SigningStargateClient, from: string, typeUrl: string, value: object): Promise<DeliverTxResponse> {
  const res = await client.signAndBroadcast(from, [{ typeUrl, value }], "auto");
  assert.equal(res.code, 0, `${typeUrl}: ${res.rawLog}`);
  return res;
}

/** The fee CosmJS paid for an auto-fee tx: gas wanted x the gas price, rounded up. */
const feePaid = (res: DeliverTxResponse) => (res.gasWanted * 25n + 999n) / 1000n;

const balance = async (address: string) => BigInt((await seller.getBalance(address, "uagora")).amount);

/** The community pool's uagora, whole units (the pool is a DecCoin with 18 decimals). */
async function communityPool(): Promise<bigint> {
  const pool = (await queries.distribution.communityPool()).pool.find((c) => c.denom === "uagora");
  return pool ? BigInt(pool.amount) / 10n ** 18n : 0n;
}

interface Codec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
  fromPartial(object: object): T;
}

/** One Query service method through abci_query, with the generated request and response codecs. */
async function query<Req, Res>(service: string, method: string, request: Codec<Req>, value: object, response: Codec<Res>): Promise<Res> {
  const answer = await queries.queryAbci(`/${service}.Query/${method}`, request.encode(request.fromPartial(value)).finish());
  return response.decode(answer.value);
}

const order = async (orderId: bigint) =>
  (await query("agora.commerce.v1", "Order", commerceQuery.QueryOrderRequest, { orderId }, commerceQuery.QueryOrderResponse)).order!;

/** The id a Msg...Response carries, from the tx's msg responses. */
function responseOf<T>(res: DeliverTxResponse, codec: Codec<T>): T {
  return codec.decode(res.msgResponses[0]!.value);
}

test("a seller opens a store and lists; a buyer orders, the seller ships, the buyer confirms and reviews: the seller gets the escrow less the marketplace fee, which grows the community pool", async () => {
  const store = responseOf(
    await send(seller, sellerAddress, "/agora.commerce.v1.MsgCreateStore", { owner: sellerAddress, name: "Tea House", metadata: "loose leaf teas" }),
    commerceTx.MsgCreateStoreResponse,
  );
  const listing = responseOf(
    await send(seller, sellerAddress, "/agora.commerce.v1.MsgCreateListing", {
      seller: sellerAddress,
      storeId: store.storeId,
      title: "Green tea",
      descriptionHash: "",
      descriptionUri: "ipfs://green-tea",
      price: { denom: "uagora", amount: "1000000" },
      inventory: 3n,
    }),
    commerceTx.MsgCreateListingResponse,
  );

  const escrowAddress = toAccAddress(moduleAddress(ESCROW_ACCOUNT));
  const buyerBefore = await balance(buyerAddress);
  const placed = await send(buyer, buyerAddress, "/agora.commerce.v1.MsgPlaceOrder", { buyer: buyerAddress, listingId: listing.listingId, quantity: 2n, price: { denom: "uagora", amount: "1000000" } });
  const { orderId } = responseOf(placed, commerceTx.MsgPlaceOrderResponse);
  // The price moved into escrow at once, and the inventory went down by the quantity.
  assert.equal(await balance(buyerAddress), buyerBefore - 2_000_000n - feePaid(placed));
  assert.equal(await balance(escrowAddress), 2_000_000n);
  assert.deepEqual(
    [(await order(orderId)).orderStatus, (await order(orderId)).escrow],
    [OrderStatus.ORDER_STATUS_PLACED, { denom: "uagora", amount: "2000000" }],
  );
  const listed = await query("agora.commerce.v1", "Listing", commerceQuery.QueryListingRequest, { listingId: listing.listingId }, commerceQuery.QueryListingResponse);
  assert.equal(listed.listing!.inventory, 1n);

  const sellerBefore = await balance(sellerAddress);
  const shipped = await send(seller, sellerAddress, "/agora.commerce.v1.MsgShipOrder", { seller: sellerAddress, orderId, tracking: "DHL 0042" });
  assert.equal((await order(orderId)).orderStatus, OrderStatus.ORDER_STATUS_SHIPPED);
  const poolBefore = await communityPool();
  await send(buyer, buyerAddress, "/agora.commerce.v1.MsgConfirmDelivery", { buyer: buyerAddress, orderId });

  // 2,000,000 released less the 1% marketplace fee (20,000), less what shipping cost the seller in gas.
  assert.equal(await balance(sellerAddress), sellerBefore - feePaid(shipped) + 1_980_000n);
  assert.equal(await balance(escrowAddress), 0n);
  assert.ok((await communityPool()) - poolBefore >= 20_000n, "the marketplace fee went to the community pool");
  assert.equal((await order(orderId)).orderStatus, OrderStatus.ORDER_STATUS_COMPLETED);

  await send(buyer, buyerAddress, "/agora.commerce.v1.MsgReviewOrder", { buyer: buyerAddress, orderId, rating: 4, text: "fresh and fragrant" });
  const reviewed = await order(orderId);
  assert.equal(reviewed.reviewed, true);
  const rated = await query("agora.commerce.v1", "Store", commerceQuery.QueryStoreRequest, { storeId: store.storeId }, commerceQuery.QueryStoreResponse);
  assert.deepEqual([rated.store!.ratingSum, rated.store!.ratingCount], [4n, 1n]);
  const reviews = await query("agora.commerce.v1", "StoreReviews", commerceQuery.QueryStoreReviewsRequest, { storeId: store.storeId }, commerceQuery.QueryStoreReviewsResponse);
  assert.deepEqual(reviews.reviews.map((r) => [r.buyer, r.rating, r.text]), [[buyerAddress, 4, "fresh and fragrant"]]);
});

test("an author sets a profile and posts; a reader follows and tips the post: the author's balance and the post's tips grow by the tip", async () => {
  await send(seller, sellerAddress, "/agora.social.v1.MsgSetProfile", { owner: sellerAddress, handle: "tea_house", displayName: "Tea House", bio: "loose leaf", avatarUri: "" });
  const { postId } = responseOf(
    await send(seller, sellerAddress, "/agora.social.v1.MsgCreatePost", { author: sellerAddress, content: { text: "First flush is in", contentHash: "", uri: "" }, replyTo: 0n }),
    socialTx.MsgCreatePostResponse,
  );
  await send(buyer, buyerAddress, "/agora.social.v1.MsgFollow", { follower: buyerAddress, followee: sellerAddress });

  const authorBefore = await balance(sellerAddress);
  await send(buyer, buyerAddress, "/agora.social.v1.MsgTip", { sender: buyerAddress, postId, amount: { denom: "uagora", amount: "5000" } });
  assert.equal(await balance(sellerAddress), authorBefore + 5000n);

  const profile = await query("agora.social.v1", "ProfileByHandle", socialQuery.QueryProfileByHandleRequest, { handle: "Tea_House" }, socialQuery.QueryProfileByHandleResponse);
  assert.equal(profile.profile!.address, sellerAddress);
  const post = (await query("agora.social.v1", "Post", socialQuery.QueryPostRequest, { id: postId }, socialQuery.QueryPostResponse)).post!;
  assert.equal(post.post!.content!.text, "First flush is in");
  assert.deepEqual(post.tips, [{ denom: "uagora", amount: "5000" }]);
  const followers = await query("agora.social.v1", "Followers", socialQuery.QueryFollowersRequest, { address: sellerAddress }, socialQuery.QueryFollowersResponse);
  assert.deepEqual(followers.addresses, [buyerAddress]);
  const feed = await query("agora.social.v1", "Feed", socialQuery.QueryFeedRequest, { address: buyerAddress }, socialQuery.QueryFeedResponse);
  assert.deepEqual(feed.posts.map((p) => p.post!.id), [postId]);
});
