/**
 * The commerce keeper's state: stores, listings, orders, disputes and reviews by id, the indexes
 * the queries page through, and two time-ordered queues EndBlock pops (escrow releases after the
 * release timeout, dispute decisions after the appeal window). Every status change goes through
 * the setters here so the indexes and queues never drift from the records.
 */
import * as types from "../../generated/proto/agora/commerce/v1/commerce.js";
import { bytesKey, pairKey, protoValue, uint64Key, presenceValue } from "../../sdk/collections/codecs.js";
import { Schema, type StoreSource } from "../../sdk/collections/collections.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import type { CommerceAccountKeeper, CommerceBankKeeper, CommerceDistributionKeeper, CommerceRoleChecks } from "./expected-keepers.js";
import { defaultCommerceParams } from "./params.js";
import { COMMERCE_STORE, ErrDisputeNotFound, ErrListingNotFound, ErrOrderNotFound, ErrStoreNotFound } from "./types.js";

const { ListingStatus, OrderStatus } = types;

const idPair = pairKey(uint64Key, uint64Key);

/** Orders whose escrow is still held. */
export const OPEN_ORDER_STATUSES: readonly types.OrderStatus[] = [OrderStatus.ORDER_STATUS_PLACED, OrderStatus.ORDER_STATUS_SHIPPED, OrderStatus.ORDER_STATUS_DISPUTED];

export interface CommerceDeps {
  bank: CommerceBankKeeper;
  distribution: CommerceDistributionKeeper;
  accounts: CommerceAccountKeeper;
  roles: CommerceRoleChecks;
  /** The gov module account (bech32): the signer of MsgUpdateParams and MsgResolveDisputeAppeal. */
  authority: string;
}

export class CommerceKeeper {
  private readonly schema = new Schema(COMMERCE_STORE);
  readonly params = this.schema.item(0x00, "params", protoValue(types.Params));
  readonly storeSeq = this.schema.sequence(0x01, "store_seq");
  readonly listingSeq = this.schema.sequence(0x02, "listing_seq");
  readonly orderSeq = this.schema.sequence(0x03, "order_seq");
  readonly stores = this.schema.map(0x10, "stores", uint64Key, protoValue(types.Store));
  readonly listings = this.schema.map(0x11, "listings", uint64Key, protoValue(types.Listing));
  readonly orders = this.schema.map(0x12, "orders", uint64Key, protoValue(types.Order));
  readonly disputes = this.schema.map(0x13, "disputes", uint64Key, protoValue(types.Dispute));
  /** (store id, order id) -> review: a store's reviews in order. */
  readonly reviews = this.schema.map(0x14, "reviews", idPair, protoValue(types.Review));
  readonly listingsByStore = this.schema.map(0x20, "listings_by_store", idPair, presenceValue);
  readonly listingsByStatus = this.schema.map(0x21, "listings_by_status", idPair, presenceValue);
  readonly ordersByBuyer = this.schema.map(0x22, "orders_by_buyer", pairKey(bytesKey, uint64Key), presenceValue);
  readonly ordersBySeller = this.schema.map(0x23, "orders_by_seller", pairKey(bytesKey, uint64Key), presenceValue);
  readonly ordersByStatus = this.schema.map(0x24, "orders_by_status", idPair, presenceValue);
  /** Order ids of disputes whose escrow has not moved yet. */
  readonly pendingDisputes = this.schema.map(0x25, "pending_disputes", uint64Key, presenceValue);
  /** (release time in Unix seconds, order id) of shipped, undisputed orders. */
  readonly releaseQueue = this.schema.map(0x30, "release_queue", idPair, presenceValue);
  /** (execution time in Unix seconds, order id) of decided, unappealed disputes. */
  readonly decisionQueue = this.schema.map(0x31, "decision_queue", idPair, presenceValue);

  readonly authority: string;

  constructor(readonly deps: CommerceDeps) {
    this.authority = deps.authority;
  }

  getParams(ctx: StoreSource): types.Params {
    return this.params.get(ctx) ?? defaultCommerceParams();
  }

  escrowAddress(): Uint8Array {
    return this.deps.accounts.moduleAddress("commerce_escrow");
  }

  store(ctx: StoreSource, id: bigint): types.Store {
    const store = this.stores.get(ctx, id);
    if (!store) throw ErrStoreNotFound.wrap(`no store ${id}`);
    return store;
  }

  listing(ctx: StoreSource, id: bigint): types.Listing {
    const listing = this.listings.get(ctx, id);
    if (!listing) throw ErrListingNotFound.wrap(`no listing ${id}`);
    return listing;
  }

  order(ctx: StoreSource, id: bigint): types.Order {
    const order = this.orders.get(ctx, id);
    if (!order) throw ErrOrderNotFound.wrap(`no order ${id}`);
    return order;
  }

  dispute(ctx: StoreSource, orderId: bigint): types.Dispute {
    const dispute = this.disputes.get(ctx, orderId);
    if (!dispute) throw ErrDisputeNotFound.wrap(`order ${orderId} has no dispute`);
    return dispute;
  }

  /** Writes a listing and moves it between status indexes. */
  setListing(ctx: StoreSource, listing: types.Listing): void {
    const before = this.listings.get(ctx, listing.id);
    if (before) this.listingsByStatus.delete(ctx, [BigInt(before.listingStatus), listing.id]);
    else this.listingsByStore.set(ctx, [listing.storeId, listing.id], true);
    this.listings.set(ctx, listing.id, listing);
    this.listingsByStatus.set(ctx, [BigInt(listing.listingStatus), listing.id], true);
  }

  /** Writes an order, keeping the buyer, seller and status indexes and the release queue in step. */
  setOrder(ctx: StoreSource, order: types.Order): void {
    const before = this.orders.get(ctx, order.id);
    if (before) {
      this.ordersByStatus.delete(ctx, [BigInt(before.orderStatus), order.id]);
      if (before.orderStatus === OrderStatus.ORDER_STATUS_SHIPPED) this.releaseQueue.delete(ctx, [BigInt(before.releaseAt), order.id]);
    } else {
      this.ordersByBuyer.set(ctx, [fromAccAddress(order.buyer), order.id], true);
      this.ordersBySeller.set(ctx, [fromAccAddress(order.seller), order.id], true);
    }
    this.orders.set(ctx, order.id, order);
    this.ordersByStatus.set(ctx, [BigInt(order.orderStatus), order.id], true);
    if (order.orderStatus === OrderStatus.ORDER_STATUS_SHIPPED) this.releaseQueue.set(ctx, [BigInt(order.releaseAt), order.id], true);
  }

  /** Writes a dispute, keeping the pending index and the decision queue in step. */
  setDispute(ctx: StoreSource, dispute: types.Dispute): void {
    const before = this.disputes.get(ctx, dispute.orderId);
    if (before?.disputeStatus === types.DisputeStatus.DISPUTE_STATUS_DECIDED) this.decisionQueue.delete(ctx, [BigInt(before.executesAt), dispute.orderId]);
    this.disputes.set(ctx, dispute.orderId, dispute);
    if (dispute.disputeStatus === types.DisputeStatus.DISPUTE_STATUS_RESOLVED) this.pendingDisputes.delete(ctx, dispute.orderId);
    else this.pendingDisputes.set(ctx, dispute.orderId, true);
    if (dispute.disputeStatus === types.DisputeStatus.DISPUTE_STATUS_DECIDED) this.decisionQueue.set(ctx, [BigInt(dispute.executesAt), dispute.orderId], true);
  }

  /** Ids under a two-part index's first key, in id order. */
  idsUnder<K>(ctx: StoreSource, index: { entries(src: StoreSource, under?: Uint8Array): Iterable<[[K, bigint], true]> }, prefix: Uint8Array): bigint[] {
    const ids: bigint[] = [];
    for (const [[, id]] of index.entries(ctx, prefix)) ids.push(id);
    return ids;
  }

  /** Queue entries due at `now` (Unix seconds) or before, in time order. */
  due(ctx: StoreSource, queue: typeof this.releaseQueue, now: bigint): bigint[] {
    const ids: bigint[] = [];
    for (const [[at, id]] of queue.entries(ctx)) {
      if (at > now) break;
      ids.push(id);
    }
    return ids;
  }

  /** Open listings must not sell what they do not have: sold out at zero, active again on restock. */
  static statusForInventory(status: types.ListingStatus, inventory: bigint): types.ListingStatus {
    if (status === ListingStatus.LISTING_STATUS_ACTIVE && inventory === 0n) return ListingStatus.LISTING_STATUS_SOLD_OUT;
    if (status === ListingStatus.LISTING_STATUS_SOLD_OUT && inventory > 0n) return ListingStatus.LISTING_STATUS_ACTIVE;
    return status;
  }
}
