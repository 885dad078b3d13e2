/**
 * The commerce module's simulation operations: stores, listings, orders through every path of
 * their escrow, disputes decided by arbiters, appeals and reviews, plus refusals (orders against
 * sold-out listings, shipping a closed order, confirming a disputed one). Each op claims the
 * listing and order it touches for its block, so no two txs of a block race for the same record
 * and every outcome follows from the state at the block's start.
 */
import * as types from "../../generated/proto/agora/commerce/v1/commerce.js";
import { encodeProto } from "../../sdk/codec/encode.js";
import type { MessageType } from "../../sdk/codec/registry.js";
import { failsWith, SUCCEEDS, type PlannedTx, type SimView, type WeightedOp } from "../../sdk/simulation/operation.js";
import type { Rand } from "../../sdk/simulation/rand.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { parseAmount } from "../../sdk/types/coins.js";
import type { CommerceKeeper } from "./keeper.js";
import * as t from "./types.js";

const { ListingStatus, OrderStatus, DisputeStatus, Outcome } = types;

/** The arbiter grants' expiry heights (0: never), to pick arbiters whose role outlasts the block. */
export type ArbiterExpiry = (view: SimView, address: string) => bigint | undefined;

function msg<T>(type: MessageType<T>, value: T) {
  return { typeUrl: type.typeUrl, value: encodeProto(type, value) };
}

export function commerceSimulationOps(keeper: CommerceKeeper, arbiterExpiry?: ArbiterExpiry): WeightedOp[] {
  let claimedAt = -1n;
  const claimed = new Set<string>();
  /** Claims `keys` for this block; false when one is already taken. */
  const claim = (view: SimView, ...keys: string[]): boolean => {
    if (view.ctx.height !== claimedAt) {
      claimedAt = view.ctx.height;
      claimed.clear();
    }
    if (keys.some((k) => claimed.has(k))) return false;
    for (const k of keys) claimed.add(k);
    return true;
  };
  const listingsWith = (view: SimView, status: types.ListingStatus) => keeper.idsUnder(view.ctx, keeper.listingsByStatus, encodeStatus(status)).map((id) => keeper.listing(view.ctx, id));
  const ordersWith = (view: SimView, status: types.OrderStatus) => keeper.idsUnder(view.ctx, keeper.ordersByStatus, encodeStatus(status)).map((id) => keeper.order(view.ctx, id));
  /** A random record of `list` whose party can sign in this block and that nothing else touches. */
  const pickOrder = (rand: Rand, view: SimView, orders: types.Order[], party: (o: types.Order) => string): [types.Order, string] | undefined => {
    if (orders.length === 0) return undefined;
    const order = rand.pick(orders);
    const signer = party(order);
    if (!claim(view, `order:${order.id}`, `listing:${order.listingId}`)) return undefined;
    if (!view.claimSigner(signer)) return undefined;
    return [order, signer];
  };
  const orderOp = (name: string, weight: number, statuses: types.OrderStatus[], party: (o: types.Order) => string, build: (o: types.Order, signer: string) => ReturnType<typeof msg>, expect = SUCCEEDS, keep = (_o: types.Order) => true): WeightedOp => ({
    name,
    weight,
    plan(rand, view): PlannedTx | undefined {
      const picked = pickOrder(rand, view, statuses.flatMap((s) => ordersWith(view, s)).filter(keep), party);
      return picked && { signer: picked[1], msgs: [build(picked[0], picked[1])], expect };
    },
  });

  return [
    {
      name: "commerce/create-store",
      weight: 2,
      plan(rand, view) {
        const owner = view.pickSigner(rand);
        if (!owner) return undefined;
        return { signer: owner, msgs: [msg(t.MsgCreateStore, { owner, name: `store ${rand.int(1000)}`, metadata: "" })], expect: SUCCEEDS };
      },
    },
    {
      name: "commerce/create-listing",
      weight: 4,
      plan(rand, view) {
        const stores = [...keeper.stores.entries(view.ctx)].map(([, s]) => s);
        if (stores.length === 0) return undefined;
        const store = rand.pick(stores);
        if (!view.claimSigner(store.owner)) return undefined;
        const price = { denom: "uagora", amount: rand.between(1n, 5000n).toString() };
        const listing = { seller: store.owner, storeId: store.id, title: "item", descriptionHash: "", descriptionUri: "", price, inventory: rand.between(0n, 4n) };
        return { signer: store.owner, msgs: [msg(t.MsgCreateListing, listing)], expect: SUCCEEDS };
      },
    },
    {
      name: "commerce/place-order",
      weight: 10,
      plan(rand, view) {
        const active = listingsWith(view, ListingStatus.LISTING_STATUS_ACTIVE);
        if (active.length === 0) return undefined;
        const listing = rand.pick(active);
        const quantity = rand.between(1n, listing.inventory);
        const total = parseAmount(listing.price!.amount) * quantity;
        const buyer = view.pickSigner(rand);
        if (!buyer || buyer === listing.seller || view.spendable(buyer, "uagora") < total || !claim(view, `listing:${listing.id}`)) return undefined;
        return { signer: buyer, msgs: [msg(t.MsgPlaceOrder, { buyer, listingId: listing.id, quantity, price: listing.price! })], expect: SUCCEEDS };
      },
    },
    {
      name: "commerce/order-sold-out",
      weight: 1,
      plan(rand, view) {
        const soldOut = listingsWith(view, ListingStatus.LISTING_STATUS_SOLD_OUT);
        if (soldOut.length === 0) return undefined;
        const listing = rand.pick(soldOut);
        const buyer = view.pickSigner(rand);
        if (!buyer || buyer === listing.seller || !claim(view, `listing:${listing.id}`)) return undefined;
        return { signer: buyer, msgs: [msg(t.MsgPlaceOrder, { buyer, listingId: listing.id, quantity: 1n, price: listing.price! })], expect: failsWith(t.ErrInsufficientInventory) };
      },
    },
    orderOp("commerce/cancel", 2, [OrderStatus.ORDER_STATUS_PLACED], (o) => o.buyer, (o, buyer) => msg(t.MsgCancelOrder, { buyer, orderId: o.id })),
    orderOp("commerce/ship", 6, [OrderStatus.ORDER_STATUS_PLACED], (o) => o.seller, (o, seller) => msg(t.MsgShipOrder, { seller, orderId: o.id, tracking: "" })),
    orderOp("commerce/confirm", 3, [OrderStatus.ORDER_STATUS_SHIPPED], (o) => o.buyer, (o, buyer) => msg(t.MsgConfirmDelivery, { buyer, orderId: o.id })),
    orderOp("commerce/refund", 1, [OrderStatus.ORDER_STATUS_PLACED, OrderStatus.ORDER_STATUS_SHIPPED], (o) => o.seller, (o, seller) => msg(t.MsgRefundOrder, { seller, orderId: o.id })),
    orderOp("commerce/dispute", 2, [OrderStatus.ORDER_STATUS_PLACED, OrderStatus.ORDER_STATUS_SHIPPED], (o) => o.buyer, (o, buyer) => msg(t.MsgOpenDispute, { buyer, orderId: o.id, reason: "not as described" })),
    orderOp("commerce/review", 3, [OrderStatus.ORDER_STATUS_COMPLETED], (o) => o.buyer, (o, buyer) => msg(t.MsgReviewOrder, { buyer, orderId: o.id, rating: 1 + (Number(o.id) % 5), text: "ok" }), SUCCEEDS, (o) => !o.reviewed),
    orderOp("commerce/ship-closed-order", 1, [OrderStatus.ORDER_STATUS_CANCELLED, OrderStatus.ORDER_STATUS_REFUNDED], (o) => o.seller, (o, seller) => msg(t.MsgShipOrder, { seller, orderId: o.id, tracking: "" }), failsWith(t.ErrWrongOrderStatus)),
    orderOp("commerce/confirm-disputed", 1, [OrderStatus.ORDER_STATUS_DISPUTED], (o) => o.buyer, (o, buyer) => msg(t.MsgConfirmDelivery, { buyer, orderId: o.id }), failsWith(t.ErrEscrowFrozen)),
    {
      name: "commerce/decide",
      weight: 3,
      plan(rand, view) {
        const open = [...keeper.pendingDisputes.entries(view.ctx)].map(([id]) => keeper.dispute(view.ctx, id)).filter((d) => d.disputeStatus === DisputeStatus.DISPUTE_STATUS_OPEN);
        if (open.length === 0 || !arbiterExpiry) return undefined;
        const dispute = rand.pick(open);
        const order = keeper.order(view.ctx, dispute.orderId);
        const arbiters = view.accounts.filter((a) => {
          const expiry = arbiterExpiry(view, a);
          return expiry !== undefined && (expiry === 0n || expiry > view.ctx.height + 1n) && a !== order.buyer && a !== order.seller;
        });
        if (arbiters.length === 0) return undefined;
        const arbiter = rand.pick(arbiters);
        if (!claim(view, `order:${order.id}`) || !view.claimSigner(arbiter)) return undefined;
        const outcome = rand.pick([Outcome.OUTCOME_REFUND, Outcome.OUTCOME_RELEASE, Outcome.OUTCOME_SPLIT]);
        const decision = { outcome, buyerShareBps: outcome === Outcome.OUTCOME_SPLIT ? Number(rand.between(1n, 9999n)) : 0 };
        return { signer: arbiter, msgs: [msg(t.MsgDecideDispute, { arbiter, orderId: order.id, decision })], expect: SUCCEEDS };
      },
    },
    {
      name: "commerce/appeal",
      weight: 4,
      plan(rand, view) {
        const now = view.ctx.block.time.seconds;
        const decided = [...keeper.pendingDisputes.entries(view.ctx)]
          .map(([id]) => keeper.dispute(view.ctx, id))
          .filter((d) => d.disputeStatus === DisputeStatus.DISPUTE_STATUS_DECIDED && d.executesAt > now + 2n);
        if (decided.length === 0) return undefined;
        const dispute = rand.pick(decided);
        const order = keeper.order(view.ctx, dispute.orderId);
        const signer = rand.int(2) === 0 ? order.buyer : order.seller;
        if (!claim(view, `order:${order.id}`) || !view.claimSigner(signer)) return undefined;
        return { signer, msgs: [msg(t.MsgAppealDispute, { signer, orderId: order.id })], expect: SUCCEEDS };
      },
    },
  ];
}

function encodeStatus(status: number): Uint8Array {
  const out = Buffer.alloc(8);
  out.writeBigUInt64BE(BigInt(status));
  return out;
}

/** Used by app wiring: an arbiter grant's expiry from the roles keeper. */
export function arbiterExpiryFrom(roles: { expiryOf(ctx: SimView["ctx"], role: string, address: Uint8Array): bigint | undefined; hasRole(ctx: SimView["ctx"], role: string, address: string): boolean }): ArbiterExpiry {
  return (view, address) => (roles.hasRole(view.ctx, t.ARBITER_ROLE, address) ? roles.expiryOf(view.ctx, t.ARBITER_ROLE, fromAccAddress(address)) : undefined);
}
