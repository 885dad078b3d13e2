/**
 * The commerce section of genesis: params, every record and the next ids, in the SDK's snake_case
 * proto JSON. Indexes and queues are rebuilt from the records, so an export restarts the same.
 */
import { DisputeStatus, GenesisState, OrderStatus } from "../../generated/proto/agora/commerce/v1/commerce.js";
import type { Context } from "../../sdk/types/context.js";
import type { CommerceKeeper } from "./keeper.js";
import { defaultCommerceParams, validateParams } from "./params.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function snakeKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [snake(k), snakeKeys(v)]));
  return value;
}

export function defaultCommerceGenesis(): Json {
  return snakeKeys(GenesisState.toJSON({ ...GenesisState.fromPartial({}), params: defaultCommerceParams() }) as Json);
}

/** The section's top-level lists may arrive as streams (ModuleManager.initGenesis): read them into arrays. */
function materialize(json: unknown): Record<string, unknown> {
  const section = (json ?? {}) as Record<string, unknown>;
  const isStream = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v) && Symbol.iterator in v;
  return Object.fromEntries(Object.entries(section).map(([k, v]) => [k, isStream(v) ? [...(v as Iterable<unknown>)] : v]));
}

export function initCommerceGenesis(ctx: Context, keeper: CommerceKeeper, json: unknown): void {
  const g = GenesisState.fromJSON(materialize(json));
  const params = g.params ?? defaultCommerceParams();
  validateParams(params);
  keeper.params.set(ctx, params);
  for (const store of g.stores) keeper.stores.set(ctx, store.id, store);
  for (const listing of g.listings) {
    keeper.store(ctx, listing.storeId);
    keeper.setListing(ctx, listing);
  }
  for (const order of g.orders) {
    keeper.listing(ctx, order.listingId);
    keeper.setOrder(ctx, order);
  }
  for (const dispute of g.disputes) {
    if (keeper.order(ctx, dispute.orderId).orderStatus !== OrderStatus.ORDER_STATUS_DISPUTED && dispute.disputeStatus !== DisputeStatus.DISPUTE_STATUS_RESOLVED) {
      throw new Error(`commerce genesis: the pending dispute of order ${dispute.orderId} needs a disputed order`);
    }
    keeper.setDispute(ctx, dispute);
  }
  for (const review of g.reviews) keeper.reviews.set(ctx, [review.storeId, review.orderId], review);
  const next = (name: string, given: bigint, records: { id: bigint }[]) => {
    const highest = records.reduce((m, r) => (r.id > m ? r.id : m), 0n);
    const start = given === 0n ? highest + 1n : given;
    if (start <= highest) throw new Error(`commerce genesis: ${name} ${given} must be above the highest id ${highest}`);
    return start - 1n;
  };
  keeper.storeSeq.set(ctx, next("next_store_id", g.nextStoreId, g.stores));
  keeper.listingSeq.set(ctx, next("next_listing_id", g.nextListingId, g.listings));
  keeper.orderSeq.set(ctx, next("next_order_id", g.nextOrderId, g.orders));
}

export function exportCommerceGenesis(ctx: Context, keeper: CommerceKeeper): Json {
  const values = <V>(map: { entries(src: Context): Iterable<[unknown, V]> }) => [...map.entries(ctx)].map(([, v]) => v);
  return snakeKeys(
    GenesisState.toJSON({
      params: keeper.getParams(ctx),
      stores: values(keeper.stores),
      listings: values(keeper.listings),
      orders: values(keeper.orders),
      disputes: values(keeper.disputes),
      reviews: values(keeper.reviews),
      nextStoreId: keeper.storeSeq.peek(ctx) + 1n,
      nextListingId: keeper.listingSeq.peek(ctx) + 1n,
      nextOrderId: keeper.orderSeq.peek(ctx) + 1n,
    }) as Json,
  );
}
