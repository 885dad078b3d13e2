import assert from "node:assert/strict";
import { after, test } from "node:test";
import { DisputeStatus, ListingStatus, OrderStatus, Outcome } from "../../generated/proto/agora/commerce/v1/commerce.js";
import * as q from "../../generated/proto/agora/commerce/v1/query.js";
import { ErrInsufficientFunds, ErrUnauthorized } from "../../sdk/types/sdk-errors.js";
import { Market } from "../../test/support/commerce.js";
import { TestChain } from "../../test/support/chain.js";
import * as t from "./types.js";

const markets: Market[] = [];
const chains: TestChain[] = [];
after(async () => {
  for (const m of markets) await m.destroy();
  for (const c of chains) await c.destroy();
});

async function market(): Promise<Market> {
  const m = await Market.open();
  markets.push(m);
  return m;
}

const START = 1_000_000n;
const uagora = (amount: bigint) => ({ denom: "uagora", amount: amount.toString() });

test("a seller lists, a buyer orders, the seller ships, the buyer confirms and reviews: the seller is paid less the 1% fee, which goes to the community pool", async () => {
  const m = await market();
  const { storeId, listingId } = await m.storeWithListing(5n, 1000n);
  const orderId = await m.placeOrder(listingId, 3n);
  assert.equal(m.chain.balance(m.buyer.address), START - 3000n);
  assert.equal(m.chain.balance(m.escrowAddress), 3000n, "price x quantity moved into escrow at once");
  assert.equal(m.listing(listingId).inventory, 2n);
  m.assertInvariants();

  const shipped = await m.ok(m.seller, t.MsgShipOrder, { seller: m.seller.address, orderId, tracking: "DHL 123" });
  assert.ok(shipped.events.some((e) => e.type === "commerce_order_shipped"));
  await m.ok(m.buyer, t.MsgConfirmDelivery, { buyer: m.buyer.address, orderId });
  assert.equal(m.order(orderId).orderStatus, OrderStatus.ORDER_STATUS_COMPLETED);
  assert.equal(m.chain.balance(m.seller.address), START + 2970n);
  assert.equal(m.chain.balance(m.escrowAddress), 0n);
  const pool = m.chain.app.distribution.communityPool(m.chain.app.base.queryContext());
  assert.equal(pool.amounts.get("uagora"), 30n * 10n ** 18n, "the 30uagora fee is in the community pool");

  const reviewed = await m.ok(m.buyer, t.MsgReviewOrder, { buyer: m.buyer.address, orderId, rating: 4, text: "lovely tea" });
  assert.ok(reviewed.events.some((e) => e.type === "commerce_order_reviewed"));
  const store = m.query("Store", q.QueryStoreRequest, { storeId }, q.QueryStoreResponse);
  assert.deepEqual([store.store!.ratingSum, store.store!.ratingCount, store.averageRating], [4n, 1n, "4.000000000000000000"]);
  const reviews = m.query("StoreReviews", q.QueryStoreReviewsRequest, { storeId, pagination: undefined }, q.QueryStoreReviewsResponse);
  assert.deepEqual(reviews.reviews.map((r) => [r.orderId, r.rating, r.text]), [[orderId, 4, "lovely tea"]]);
  const byBuyer = m.query("OrdersByBuyer", q.QueryOrdersByBuyerRequest, { buyer: m.buyer.address, pagination: undefined }, q.QueryOrdersByBuyerResponse);
  assert.deepEqual(byBuyer.orders.map((o) => o.id), [orderId]);
  const bySeller = m.query("OrdersBySeller", q.QueryOrdersBySellerRequest, { seller: m.seller.address, pagination: undefined }, q.QueryOrdersBySellerResponse);
  assert.deepEqual(bySeller.orders.map((o) => o.id), [orderId]);
  const completed = m.query("OrdersByStatus", q.QueryOrdersByStatusRequest, { orderStatus: OrderStatus.ORDER_STATUS_COMPLETED, pagination: undefined }, q.QueryOrdersByStatusResponse);
  assert.deepEqual(completed.orders.map((o) => o.id), [orderId]);
  m.assertInvariants();
});

test("a buyer's escrow is refunded when the seller never ships: the buyer cancels and the sold-out listing is back in stock", async () => {
  const m = await market();
  const { listingId } = await m.storeWithListing(2n);
  const orderId = await m.placeOrder(listingId, 2n);
  assert.equal(m.listing(listingId).listingStatus, ListingStatus.LISTING_STATUS_SOLD_OUT);
  const cancelled = await m.ok(m.buyer, t.MsgCancelOrder, { buyer: m.buyer.address, orderId });
  assert.ok(cancelled.events.some((e) => e.type === "commerce_order_cancelled"));
  assert.equal(m.chain.balance(m.buyer.address), START);
  assert.equal(m.chain.balance(m.escrowAddress), 0n);
  assert.deepEqual([m.listing(listingId).inventory, m.listing(listingId).listingStatus], [2n, ListingStatus.LISTING_STATUS_ACTIVE]);
  await m.refused(m.seller, t.MsgShipOrder, { seller: m.seller.address, orderId, tracking: "" }, t.ErrWrongOrderStatus, /cannot ship order 1: it is ORDER_STATUS_CANCELLED/);
  m.assertInvariants();
});

test("an order against sold-out inventory is refused, and so is one for more than is left", async () => {
  const m = await market();
  const { listingId } = await m.storeWithListing(1n);
  await m.refused(m.buyer, t.MsgPlaceOrder, { buyer: m.buyer.address, listingId, quantity: 2n, price: uagora(1000n) }, t.ErrInsufficientInventory, /has 1 left, ordered 2/);
  await m.placeOrder(listingId, 1n);
  await m.refused(m.other, t.MsgPlaceOrder, { buyer: m.other.address, listingId, quantity: 1n, price: uagora(1000n) }, t.ErrInsufficientInventory, /is sold out/);
  const soldOut = m.query("ListingsByStatus", q.QueryListingsByStatusRequest, { listingStatus: ListingStatus.LISTING_STATUS_SOLD_OUT, pagination: undefined }, q.QueryListingsByStatusResponse);
  assert.deepEqual(soldOut.listings.map((l) => l.id), [listingId]);
});

test("an order at a price other than the listing's is refused, and a buyer who cannot pay is refused", async () => {
  const m = await market();
  const { listingId } = await m.storeWithListing(5n, 1000n);
  await m.refused(m.buyer, t.MsgPlaceOrder, { buyer: m.buyer.address, listingId, quantity: 1n, price: uagora(900n) }, t.ErrPriceChanged, /costs 1000uagora a unit/);
  await m.ok(m.seller, t.MsgUpdateListing, { seller: m.seller.address, listingId, price: uagora(400_000n), inventory: 5n, listingStatus: ListingStatus.LISTING_STATUS_ACTIVE });
  await m.refused(m.buyer, t.MsgPlaceOrder, { buyer: m.buyer.address, listingId, quantity: 3n, price: uagora(400_000n) }, ErrInsufficientFunds);
  await m.ok(m.seller, t.MsgUpdateListing, { seller: m.seller.address, listingId, price: uagora(1000n), inventory: 5n, listingStatus: ListingStatus.LISTING_STATUS_PAUSED });
  await m.refused(m.buyer, t.MsgPlaceOrder, { buyer: m.buyer.address, listingId, quantity: 1n, price: uagora(1000n) }, t.ErrListingUnavailable, /LISTING_STATUS_PAUSED/);
  await m.refused(m.other, t.MsgUpdateListing, { seller: m.other.address, listingId, price: uagora(1n), inventory: 5n, listingStatus: ListingStatus.LISTING_STATUS_ACTIVE }, t.ErrNotOwner);
});

test("the escrow releases to the seller by itself when the buyer neither confirms nor disputes before the release timeout", async () => {
  const m = await market();
  const { listingId } = await m.storeWithListing();
  const orderId = await m.placeOrder(listingId, 1n);
  await m.ok(m.seller, t.MsgShipOrder, { seller: m.seller.address, orderId, tracking: "" });
  const releaseAt = m.order(orderId).releaseAt;
  while (m.chain.app.base.queryContext().block.time.seconds < releaseAt - 1n) m.chain.block([]);
  assert.equal(m.order(orderId).orderStatus, OrderStatus.ORDER_STATUS_SHIPPED, "not before its time");
  const { events } = m.chain.block([]);
  assert.ok(events.some((e) => e.type === "commerce_order_completed" && e.attributes.some((a) => a.key === "released_by" && a.value === "timeout")));
  assert.equal(m.order(orderId).orderStatus, OrderStatus.ORDER_STATUS_COMPLETED);
  assert.equal(m.chain.balance(m.seller.address), START + 990n);
  m.assertInvariants();
});

test("releasing a disputed escrow fails: confirmation, refund and the release timeout all wait for the arbiter", async () => {
  const m = await market();
  const { listingId } = await m.storeWithListing();
  const orderId = await m.placeOrder(listingId, 1n);
  await m.ok(m.seller, t.MsgShipOrder, { seller: m.seller.address, orderId, tracking: "" });
  await m.ok(m.buyer, t.MsgOpenDispute, { buyer: m.buyer.address, orderId, reason: "arrived broken" });
  await m.refused(m.buyer, t.MsgConfirmDelivery, { buyer: m.buyer.address, orderId }, t.ErrEscrowFrozen, /while its dispute is pending/);
  await m.refused(m.seller, t.MsgRefundOrder, { seller: m.seller.address, orderId }, t.ErrEscrowFrozen);
  await m.refused(m.buyer, t.MsgOpenDispute, { buyer: m.buyer.address, orderId, reason: "again" }, t.ErrWrongOrderStatus);
  for (let i = 0; i < 5; i++) m.chain.block([]);
  assert.equal(m.order(orderId).orderStatus, OrderStatus.ORDER_STATUS_DISPUTED, "the release timeout passed without releasing");
  assert.equal(m.chain.balance(m.escrowAddress), 1000n);
  const pending = m.query("PendingDisputes", q.QueryPendingDisputesRequest, { pagination: undefined }, q.QueryPendingDisputesResponse);
  assert.deepEqual(pending.disputes.map((d) => [d.orderId, d.disputeStatus, d.reason]), [[orderId, DisputeStatus.DISPUTE_STATUS_OPEN, "arrived broken"]]);
  m.assertInvariants();
});

test("an arbiter's split is carried out when the appeal window passes; only an arbiter who is no party may decide", async () => {
  const m = await market();
  const { listingId } = await m.storeWithListing();
  const orderId = await m.placeOrder(listingId, 2n);
  await m.ok(m.buyer, t.MsgOpenDispute, { buyer: m.buyer.address, orderId, reason: "only one arrived" });
  const split = { outcome: Outcome.OUTCOME_SPLIT, buyerShareBps: 5000 };
  await m.refused(m.other, t.MsgDecideDispute, { arbiter: m.other.address, orderId, decision: split }, ErrUnauthorized, /does not hold role arbiter/);
  const bad = await m.send(m.arbiter, t.MsgDecideDispute, { arbiter: m.arbiter.address, orderId, decision: { outcome: Outcome.OUTCOME_SPLIT, buyerShareBps: 10000 } });
  assert.deepEqual([bad.codespace, bad.code], ["commerce", t.ErrInvalidDecision.code]);
  m.arbiter.sequence--; // refused before the ante handler, so the sequence did not advance
  await m.ok(m.arbiter, t.MsgDecideDispute, { arbiter: m.arbiter.address, orderId, decision: split });
  assert.equal(m.chain.balance(m.escrowAddress), 2000n, "nothing moves during the appeal window");
  m.chain.block([]);
  m.chain.block([]);
  assert.equal(m.order(orderId).orderStatus, OrderStatus.ORDER_STATUS_SPLIT);
  assert.equal(m.chain.balance(m.buyer.address), START - 1000n);
  assert.equal(m.chain.balance(m.seller.address), START + 990n, "the seller's half, less the 1% fee");
  assert.equal(m.chain.balance(m.escrowAddress), 0n);
  const pending = m.query("PendingDisputes", q.QueryPendingDisputesRequest, { pagination: undefined }, q.QueryPendingDisputesResponse);
  assert.deepEqual(pending.disputes, []);
  await m.refused(m.buyer, t.MsgReviewOrder, { buyer: m.buyer.address, orderId, rating: 1, text: "" }, t.ErrWrongOrderStatus, /only a completed order is reviewed/);
  m.assertInvariants();
});

test("an appealed decision waits for governance, whose resolution overrides the arbiter's; a second appeal is refused", async () => {
  const m = await market();
  const { listingId } = await m.storeWithListing();
  const orderId = await m.placeOrder(listingId, 1n);
  await m.ok(m.seller, t.MsgShipOrder, { seller: m.seller.address, orderId, tracking: "" });
  await m.ok(m.buyer, t.MsgOpenDispute, { buyer: m.buyer.address, orderId, reason: "never arrived" });
  await m.ok(m.arbiter, t.MsgDecideDispute, { arbiter: m.arbiter.address, orderId, decision: { outcome: Outcome.OUTCOME_RELEASE, buyerShareBps: 0 } });
  await m.refused(m.other, t.MsgAppealDispute, { signer: m.other.address, orderId }, t.ErrNotOwner);
  await m.ok(m.buyer, t.MsgAppealDispute, { signer: m.buyer.address, orderId });
  await m.refused(m.seller, t.MsgAppealDispute, { signer: m.seller.address, orderId }, t.ErrAlreadyAppealed, /already appealed/);
  for (let i = 0; i < 4; i++) m.chain.block([]);
  assert.equal(m.chain.balance(m.escrowAddress), 1000n, "the appeal window passed, but an appealed decision is not carried out");

  const refund = { outcome: Outcome.OUTCOME_REFUND, buyerShareBps: 0 };
  await m.refused(m.arbiter, t.MsgResolveDisputeAppeal, { authority: m.arbiter.address, orderId, decision: refund }, ErrUnauthorized, /invalid authority/);
  const ctx = m.asProposal(t.MsgResolveDisputeAppeal, { authority: m.authority, orderId, decision: refund });
  const { keeper } = { keeper: m.chain.app.commerce };
  assert.equal(keeper.order(ctx, orderId).orderStatus, OrderStatus.ORDER_STATUS_REFUNDED);
  assert.equal(keeper.dispute(ctx, orderId).disputeStatus, DisputeStatus.DISPUTE_STATUS_RESOLVED);
  assert.equal(m.chain.app.bank.getBalance(ctx, Buffer.from(m.chain.app.accounts.moduleAddress(t.ESCROW_ACCOUNT)), "uagora"), 0n);
  m.chain.app.invariants.assertAll(ctx);
});

test("a review is refused before completion, from anyone but the buyer, with a rating outside 1 to 5, and the second time", async () => {
  const m = await market();
  const { listingId } = await m.storeWithListing();
  const orderId = await m.placeOrder(listingId, 1n);
  await m.refused(m.buyer, t.MsgReviewOrder, { buyer: m.buyer.address, orderId, rating: 5, text: "" }, t.ErrWrongOrderStatus);
  await m.ok(m.seller, t.MsgShipOrder, { seller: m.seller.address, orderId, tracking: "" });
  await m.ok(m.buyer, t.MsgConfirmDelivery, { buyer: m.buyer.address, orderId });
  await m.refused(m.other, t.MsgReviewOrder, { buyer: m.other.address, orderId, rating: 5, text: "" }, t.ErrNotOwner);
  const zero = m.chain.checkTx(await m.signed(m.buyer, t.MsgReviewOrder, { buyer: m.buyer.address, orderId, rating: 6, text: "" }));
  m.buyer.sequence--;
  assert.deepEqual([zero.codespace, zero.code], ["commerce", t.ErrInvalidRating.code]);
  await m.refused(m.buyer, t.MsgReviewOrder, { buyer: m.buyer.address, orderId, rating: 5, text: "x".repeat(101) }, t.ErrTextTooLong, /at most 100 allowed/);
  await m.ok(m.buyer, t.MsgReviewOrder, { buyer: m.buyer.address, orderId, rating: 5, text: "great" });
  await m.refused(m.buyer, t.MsgReviewOrder, { buyer: m.buyer.address, orderId, rating: 1, text: "changed my mind" }, t.ErrAlreadyReviewed);
  m.assertInvariants();
});

test("only the parties move an order: another account cannot ship, confirm, cancel or refund it", async () => {
  const m = await market();
  const { listingId } = await m.storeWithListing();
  const orderId = await m.placeOrder(listingId, 1n);
  await m.refused(m.other, t.MsgShipOrder, { seller: m.other.address, orderId, tracking: "" }, t.ErrNotOwner, /only the seller of order 1/);
  await m.refused(m.other, t.MsgCancelOrder, { buyer: m.other.address, orderId }, t.ErrNotOwner);
  await m.refused(m.other, t.MsgRefundOrder, { seller: m.other.address, orderId }, t.ErrNotOwner);
  await m.refused(m.buyer, t.MsgConfirmDelivery, { buyer: m.buyer.address, orderId }, t.ErrWrongOrderStatus, /it is ORDER_STATUS_PLACED/);
  await m.ok(m.seller, t.MsgRefundOrder, { seller: m.seller.address, orderId });
  assert.equal(m.chain.balance(m.buyer.address), START, "the seller's refund returns everything, with no fee");
  await m.refused(m.buyer, t.MsgCancelOrder, { buyer: m.buyer.address, orderId }, t.ErrWrongOrderStatus);
});

test("listings page by store in id order", async () => {
  const m = await market();
  const { storeId } = await m.storeWithListing();
  for (let i = 0; i < 2; i++) {
    await m.ok(m.seller, t.MsgCreateListing, { seller: m.seller.address, storeId, title: `item ${i}`, descriptionHash: "", descriptionUri: "", price: uagora(5n), inventory: 1n });
  }
  const first = m.query("ListingsByStore", q.QueryListingsByStoreRequest, { storeId, pagination: { key: new Uint8Array(), offset: 0n, limit: 2n, countTotal: true, reverse: false } }, q.QueryListingsByStoreResponse);
  assert.deepEqual(first.listings.map((l) => l.id), [1n, 2n]);
  assert.equal(first.pagination!.total, 3n);
  const next = m.query("ListingsByStore", q.QueryListingsByStoreRequest, { storeId, pagination: { key: first.pagination!.nextKey, offset: 0n, limit: 2n, countTotal: false, reverse: false } }, q.QueryListingsByStoreResponse);
  assert.deepEqual(next.listings.map((l) => l.id), [3n]);
});

test("commerce genesis exports what it imported: a chain started from the export has the same orders and still releases them on time", async () => {
  const m = await market();
  const { listingId } = await m.storeWithListing();
  const shippedId = await m.placeOrder(listingId, 1n);
  await m.ok(m.seller, t.MsgShipOrder, { seller: m.seller.address, orderId: shippedId, tracking: "" });
  const disputedId = await m.placeOrder(listingId, 1n);
  await m.ok(m.buyer, t.MsgOpenDispute, { buyer: m.buyer.address, orderId: disputedId, reason: "late" });
  const exported = JSON.parse(JSON.stringify(m.chain.app.modules.exportGenesis(m.chain.app.base.queryContext())));
  assert.equal(exported.commerce.next_order_id, "3");
  assert.equal(exported.commerce.orders[0].order_status, "ORDER_STATUS_SHIPPED");

  const copy = TestChain.open();
  chains.push(copy);
  copy.initChain(exported);
  copy.block([]);
  assert.deepEqual(JSON.parse(JSON.stringify(copy.app.modules.exportGenesis(copy.app.base.queryContext()).commerce)), exported.commerce);
  copy.app.invariants.assertAll(copy.app.base.queryContext());
  // The copy's block times start again from its genesis: run past the order's release time.
  while (copy.app.base.queryContext().block.time.seconds < BigInt(exported.commerce.orders[0].release_at)) copy.block([]);
  assert.equal(copy.app.commerce.order(copy.app.base.queryContext(), shippedId).orderStatus, OrderStatus.ORDER_STATUS_COMPLETED, "the release queue was rebuilt from the orders");
});

test("the same commerce txs give the same app hash on two chains", async () => {
  const scenario = async (m: Market) => {
    const { listingId } = await m.storeWithListing();
    const orderId = await m.placeOrder(listingId, 2n);
    await m.ok(m.seller, t.MsgShipOrder, { seller: m.seller.address, orderId, tracking: "x" });
    await m.ok(m.buyer, t.MsgOpenDispute, { buyer: m.buyer.address, orderId, reason: "late" });
    await m.ok(m.arbiter, t.MsgDecideDispute, { arbiter: m.arbiter.address, orderId, decision: { outcome: Outcome.OUTCOME_SPLIT, buyerShareBps: 3333 } });
    m.chain.block([]);
    return m.chain.block([]).appHash;
  };
  const [a, b] = [await market(), await market()];
  assert.deepEqual(Buffer.from(await scenario(a)).toString("hex"), Buffer.from(await scenario(b)).toString("hex"));
});

test("the escrow invariant reports funds in escrow that no open order accounts for", async () => {
  const m = await market();
  const { listingId } = await m.storeWithListing();
  await m.placeOrder(listingId, 1n);
  const ctx = m.chain.app.base.queryContext();
  const { nextBlockContext } = await import("../../test/support/actors.js");
  const branch = nextBlockContext(m.chain);
  m.chain.app.bank.initBalance(branch, m.chain.app.accounts.moduleAddress(t.ESCROW_ACCOUNT), (await import("../../sdk/types/coins.js")).Coins.parse("1uagora"));
  assert.deepEqual(m.chain.app.invariants.check(ctx, "commerce/escrow-balance").broken, false);
  const broken = m.chain.app.invariants.check(branch, "commerce/escrow-balance");
  assert.equal(broken.broken, true);
  assert.match(broken.message, /uagora: escrow holds 1001, open orders owe 1000/);
});
