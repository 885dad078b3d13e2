/** agora.commerce.v1.Query: records by id and paged lists from the keeper's indexes, in id order. */
import * as q from "../../generated/proto/agora/commerce/v1/query.js";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import { bytesKey, uint64Key } from "../../sdk/collections/codecs.js";
import type { StoreSource } from "../../sdk/collections/collections.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { paginate } from "../../sdk/types/pagination.js";
import { formatDec } from "../../sdk/types/dec.js";
import type { CommerceKeeper } from "./keeper.js";

const service = "/agora.commerce.v1.Query/";

/** rating_sum / rating_count with 18 decimals, rounded down. */
export function averageRating(sum: bigint, count: bigint): string {
  return formatDec(count === 0n ? 0n : (sum * 10n ** 18n) / count);
}

export function registerCommerceQueries(router: QueryRouter, keeper: CommerceKeeper): void {
  const page = <T>(_ctx: StoreSource, ids: bigint[], pagination: q.QueryListingsByStoreRequest["pagination"], load: (id: bigint) => T) => {
    const { items, pagination: next } = paginate(ids, pagination);
    return { items: items.map(load), pagination: next };
  };
  const listings = (ctx: StoreSource, ids: bigint[], p: q.QueryListingsByStoreRequest["pagination"]) => {
    const { items, pagination } = page(ctx, ids, p, (id) => keeper.listing(ctx, id));
    return { listings: items, pagination };
  };
  const orders = (ctx: StoreSource, ids: bigint[], p: q.QueryListingsByStoreRequest["pagination"]) => {
    const { items, pagination } = page(ctx, ids, p, (id) => keeper.order(ctx, id));
    return { orders: items, pagination };
  };

  router.register({ path: service + "Params", requestType: q.QueryParamsRequest, responseType: q.QueryParamsResponse, handle: (ctx) => ({ params: keeper.getParams(ctx) }) });
  router.register({
    path: service + "Store", requestType: q.QueryStoreRequest, responseType: q.QueryStoreResponse,
    handle(ctx, req) {
      const store = keeper.store(ctx, req.storeId);
      return { store, averageRating: averageRating(store.ratingSum, store.ratingCount) };
    },
  });
  router.register({ path: service + "Listing", requestType: q.QueryListingRequest, responseType: q.QueryListingResponse, handle: (ctx, req) => ({ listing: keeper.listing(ctx, req.listingId) }) });
  router.register({ path: service + "Order", requestType: q.QueryOrderRequest, responseType: q.QueryOrderResponse, handle: (ctx, req) => ({ order: keeper.order(ctx, req.orderId) }) });
  router.register({ path: service + "Dispute", requestType: q.QueryDisputeRequest, responseType: q.QueryDisputeResponse, handle: (ctx, req) => ({ dispute: keeper.dispute(ctx, req.orderId) }) });
  router.register({
    path: service + "ListingsByStore", requestType: q.QueryListingsByStoreRequest, responseType: q.QueryListingsByStoreResponse,
    handle: (ctx, req) => listings(ctx, keeper.idsUnder(ctx, keeper.listingsByStore, uint64Key.encode(req.storeId)), req.pagination),
  });
  router.register({
    path: service + "ListingsByStatus", requestType: q.QueryListingsByStatusRequest, responseType: q.QueryListingsByStatusResponse,
    handle: (ctx, req) => listings(ctx, keeper.idsUnder(ctx, keeper.listingsByStatus, uint64Key.encode(BigInt(req.listingStatus))), req.pagination),
  });
  router.register({
    path: service + "OrdersByBuyer", requestType: q.QueryOrdersByBuyerRequest, responseType: q.QueryOrdersByBuyerResponse,
    handle: (ctx, req) => orders(ctx, keeper.idsUnder(ctx, keeper.ordersByBuyer, bytesKey.encodeNonTerminal(fromAccAddress(req.buyer))), req.pagination),
  });
  router.register({
    path: service + "OrdersBySeller", requestType: q.QueryOrdersBySellerRequest, responseType: q.QueryOrdersBySellerResponse,
    handle: (ctx, req) => orders(ctx, keeper.idsUnder(ctx, keeper.ordersBySeller, bytesKey.encodeNonTerminal(fromAccAddress(req.seller))), req.pagination),
  });
  router.register({
    path: service + "OrdersByStatus", requestType: q.QueryOrdersByStatusRequest, responseType: q.QueryOrdersByStatusResponse,
    handle: (ctx, req) => orders(ctx, keeper.idsUnder(ctx, keeper.ordersByStatus, uint64Key.encode(BigInt(req.orderStatus))), req.pagination),
  });
  router.register({
    path: service + "PendingDisputes", requestType: q.QueryPendingDisputesRequest, responseType: q.QueryPendingDisputesResponse,
    handle(ctx, req) {
      const ids = [...keeper.pendingDisputes.entries(ctx)].map(([id]) => id);
      const { items, pagination } = page(ctx, ids, req.pagination, (id) => keeper.dispute(ctx, id));
      return { disputes: items, pagination };
    },
  });
  router.register({
    path: service + "StoreReviews", requestType: q.QueryStoreReviewsRequest, responseType: q.QueryStoreReviewsResponse,
    handle(ctx, req) {
      const all = [...keeper.reviews.entries(ctx, uint64Key.encode(req.storeId))].map(([, review]) => review);
      const { items, pagination } = paginate(all, req.pagination);
      return { reviews: items, pagination };
    },
  });
}
