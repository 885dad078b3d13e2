import assert from "node:assert/strict";
import { test } from "node:test";
import { createRestServer } from "../../sdk/server/rest/server.js";
import { Market } from "../../test/support/commerce.js";
import * as t from "./types.js";

test("a listing, an order, its dispute and a store's reviews answer on their gateway paths in the SDK's JSON, statuses by name", async () => {
  const m = await Market.open();
  const server = await createRestServer(m.chain.app.base, { rpcAddress: "tcp://127.0.0.1:1" });
  try {
    const get = async (url: string) => {
      const res = await server.inject({ method: "GET", url });
      return { status: res.statusCode, body: res.json() as Record<string, any> };
    };
    const { storeId, listingId } = await m.storeWithListing(1n, 1000n);
    const orderId = await m.placeOrder(listingId, 1n);
    await m.ok(m.buyer, t.MsgOpenDispute, { buyer: m.buyer.address, orderId, reason: "late" });

    assert.equal((await get("/agora/commerce/v1/params")).body.params.marketplace_fee, "0.010000000000000000");
    const order = (await get(`/agora/commerce/v1/orders/${orderId}`)).body.order;
    assert.deepEqual([order.order_status, order.escrow, order.buyer], ["ORDER_STATUS_DISPUTED", { denom: "uagora", amount: "1000" }, m.buyer.address]);
    assert.equal((await get(`/agora/commerce/v1/orders/${orderId}/dispute`)).body.dispute.dispute_status, "DISPUTE_STATUS_OPEN");
    const soldOut = (await get("/agora/commerce/v1/listings/by_status/LISTING_STATUS_SOLD_OUT")).body;
    assert.deepEqual(soldOut.listings.map((l: any) => [l.id, l.listing_status]), [[String(listingId), "LISTING_STATUS_SOLD_OUT"]]);
    assert.equal((await get("/agora/commerce/v1/orders/by_status/ORDER_STATUS_DISPUTED")).body.orders.length, 1);
    assert.equal((await get(`/agora/commerce/v1/orders/by_buyer/${m.buyer.address}`)).body.pagination.total, "1");
    assert.equal((await get(`/agora/commerce/v1/orders/by_seller/${m.seller.address}?pagination.limit=1`)).body.orders.length, 1);
    assert.deepEqual((await get("/agora/commerce/v1/disputes/pending")).body.disputes.map((d: any) => d.order_id), [String(orderId)]);
    assert.equal((await get(`/agora/commerce/v1/stores/${storeId}`)).body.average_rating, "0.000000000000000000");
    assert.deepEqual((await get(`/agora/commerce/v1/stores/${storeId}/reviews`)).body.reviews, []);
    assert.equal((await get(`/agora/commerce/v1/stores/${storeId}/listings`)).body.listings.length, 1);
    assert.ok((await get("/agora/commerce/v1/orders/99")).status >= 400, "an unknown order is an error");
    assert.equal((await get("/agora/commerce/v1/orders/by_status/SHIPPED_SOMEWHERE")).status, 400);
  } finally {
    await server.close();
    await m.destroy();
  }
});
