/** The gateway paths of agora.commerce.v1.Query: stores, listings, orders, disputes and reviews. */
import { listingStatusFromJSON, orderStatusFromJSON } from "../../../generated/proto/agora/commerce/v1/commerce.js";
import * as commerce from "../../../generated/proto/agora/commerce/v1/query.js";
import { typedMessage } from "../../codec/registry.js";
import { invalidArgument } from "../status.js";
import type { GatewayRoute } from "./gateway.js";
import { pageRequest, PAGINATION_PARAMS } from "./params.js";
import { pathParam, type RestRequest } from "./route.js";

const COMMERCE = "/agora.commerce.v1.Query/";
const PREFIX = "/agora/commerce/v1";
const type = <T>(name: string, codec: Parameters<typeof typedMessage<T>>[1]) => typedMessage<T>(`/agora.commerce.v1.${name}`, codec);

/** An enum path parameter by name (ORDER_STATUS_SHIPPED) or number, as jsonpb reads one. */
function enumParam(request: RestRequest, name: string, fromJson: (v: unknown) => number): number {
  const text = pathParam(request, name);
  const value = /^\d+$/.test(text) ? Number(text) : fromJson(text);
  if (value <= 0) throw invalidArgument(`${name} must be a status name such as ${name === "order_status" ? "ORDER_STATUS_SHIPPED" : "LISTING_STATUS_ACTIVE"}, got "${text}"`);
  return value;
}

const byEnum = (name: string, field: string, fromJson: (v: unknown) => number) => ({
  toRequest: (request: RestRequest) => ({ [field]: enumParam(request, name, fromJson), pagination: pageRequest(request) }),
  params: [{ name, in: "path" as const, type: "string" as const, required: true }, ...PAGINATION_PARAMS],
});

export const COMMERCE_ROUTES: GatewayRoute[] = [
  { path: `${PREFIX}/params`, grpc: COMMERCE + "Params", request: type("QueryParamsRequest", commerce.QueryParamsRequest), response: type("QueryParamsResponse", commerce.QueryParamsResponse) },
  { path: `${PREFIX}/stores/{store_id}`, grpc: COMMERCE + "Store", request: type("QueryStoreRequest", commerce.QueryStoreRequest), response: type("QueryStoreResponse", commerce.QueryStoreResponse), pathFields: ["store_id"], uint64Fields: ["store_id"] },
  { path: `${PREFIX}/stores/{store_id}/listings`, grpc: COMMERCE + "ListingsByStore", request: type("QueryListingsByStoreRequest", commerce.QueryListingsByStoreRequest), response: type("QueryListingsByStoreResponse", commerce.QueryListingsByStoreResponse), pathFields: ["store_id"], uint64Fields: ["store_id"], paginated: true },
  { path: `${PREFIX}/stores/{store_id}/reviews`, grpc: COMMERCE + "StoreReviews", request: type("QueryStoreReviewsRequest", commerce.QueryStoreReviewsRequest), response: type("QueryStoreReviewsResponse", commerce.QueryStoreReviewsResponse), pathFields: ["store_id"], uint64Fields: ["store_id"], paginated: true },
  { path: `${PREFIX}/listings/{listing_id}`, grpc: COMMERCE + "Listing", request: type("QueryListingRequest", commerce.QueryListingRequest), response: type("QueryListingResponse", commerce.QueryListingResponse), pathFields: ["listing_id"], uint64Fields: ["listing_id"] },
  { path: `${PREFIX}/listings/by_status/{listing_status}`, grpc: COMMERCE + "ListingsByStatus", request: type("QueryListingsByStatusRequest", commerce.QueryListingsByStatusRequest), response: type("QueryListingsByStatusResponse", commerce.QueryListingsByStatusResponse), ...byEnum("listing_status", "listingStatus", listingStatusFromJSON) },
  { path: `${PREFIX}/orders/{order_id}`, grpc: COMMERCE + "Order", request: type("QueryOrderRequest", commerce.QueryOrderRequest), response: type("QueryOrderResponse", commerce.QueryOrderResponse), pathFields: ["order_id"], uint64Fields: ["order_id"] },
  { path: `${PREFIX}/orders/{order_id}/dispute`, grpc: COMMERCE + "Dispute", request: type("QueryDisputeRequest", commerce.QueryDisputeRequest), response: type("QueryDisputeResponse", commerce.QueryDisputeResponse), pathFields: ["order_id"], uint64Fields: ["order_id"] },
  { path: `${PREFIX}/orders/by_buyer/{buyer}`, grpc: COMMERCE + "OrdersByBuyer", request: type("QueryOrdersByBuyerRequest", commerce.QueryOrdersByBuyerRequest), response: type("QueryOrdersByBuyerResponse", commerce.QueryOrdersByBuyerResponse), pathFields: ["buyer"], paginated: true },
  { path: `${PREFIX}/orders/by_seller/{seller}`, grpc: COMMERCE + "OrdersBySeller", request: type("QueryOrdersBySellerRequest", commerce.QueryOrdersBySellerRequest), response: type("QueryOrdersBySellerResponse", commerce.QueryOrdersBySellerResponse), pathFields: ["seller"], paginated: true },
  { path: `${PREFIX}/orders/by_status/{order_status}`, grpc: COMMERCE + "OrdersByStatus", request: type("QueryOrdersByStatusRequest", commerce.QueryOrdersByStatusRequest), response: type("QueryOrdersByStatusResponse", commerce.QueryOrdersByStatusResponse), ...byEnum("order_status", "orderStatus", orderStatusFromJSON) },
  { path: `${PREFIX}/disputes/pending`, grpc: COMMERCE + "PendingDisputes", request: type("QueryPendingDisputesRequest", commerce.QueryPendingDisputesRequest), response: type("QueryPendingDisputesResponse", commerce.QueryPendingDisputesResponse), paginated: true },
];
