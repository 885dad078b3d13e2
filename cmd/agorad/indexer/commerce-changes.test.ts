/** Commerce records into the indexer's tables, against the real PostgreSQL that `scripts/services.sh` runs. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { before, test } from "node:test";
import { concat } from "../../../sdk/collections/codecs.js";
import { Market } from "../../../test/support/commerce.js";
import { createTestDatabase } from "../../../test/support/postgres.js";
import { COMMERCE_STORE, MsgOpenDispute } from "../../../x/commerce/types.js";
import { openIndexerDatabase } from "./database.js";
import type { IndexedBlock, StoreChange } from "./indexed-block.js";
import { migrateIndexer } from "./migrate.js";
import { indexBlock } from "./write-block.js";

const database = await createTestDatabase();
const db = database.closeBeforeDrop(openIndexerDatabase(database.url, { poolSize: 2 }));
before(() => migrateIndexer(db, "latest"));

function block(height: bigint, changes: StoreChange[]): IndexedBlock {
  const hash = createHash("sha256").update(`block ${height}`).digest();
  return { height, hash, time: new Date(Date.UTC(2026, 0, 1, 0, 0, Number(height))), appHash: hash, txs: [], events: [], changes };
}

test("a listing, its orders and a dispute land in the commerce tables as the chain holds them, statuses by name", async () => {
  const m = await Market.open();
  try {
    const { listingId } = await m.storeWithListing(3n, 1000n);
    const orderId = await m.placeOrder(listingId, 1n);
    const keeper = m.chain.app.commerce;
    const ctx = () => m.chain.app.base.queryContext();
    const write = <V>(map: { prefix: Uint8Array; keys: { encode(k: bigint): Uint8Array }; values: { encode(v: V): Uint8Array } }, id: bigint, value: V): StoreChange => ({
      store: COMMERCE_STORE,
      key: concat(map.prefix, map.keys.encode(id)),
      value: map.values.encode(value),
    });
    await indexBlock(db, block(1n, [write(keeper.listings, listingId, keeper.listing(ctx(), listingId)), write(keeper.orders, orderId, keeper.order(ctx(), orderId))]));
    await m.ok(m.buyer, MsgOpenDispute, { buyer: m.buyer.address, orderId, reason: "wrong colour" });
    await indexBlock(db, block(2n, [write(keeper.orders, orderId, keeper.order(ctx(), orderId)), write(keeper.disputes, orderId, keeper.dispute(ctx(), orderId))]));

    const listing = await db.selectFrom("commerce_listings").selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([listing.id, listing.inventory, listing.price_amount, listing.listing_status, listing.seller], [String(listingId), "2", "1000", "LISTING_STATUS_ACTIVE", m.seller.address]);
    const order = await db.selectFrom("commerce_orders").selectAll().where("buyer", "=", m.buyer.address).executeTakeFirstOrThrow();
    assert.deepEqual([order.order_status, order.escrow_amount, order.escrow_denom, order.updated_height], ["ORDER_STATUS_DISPUTED", "1000", "uagora", "2"]);
    const dispute = await db.selectFrom("commerce_disputes").selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([dispute.order_id, dispute.dispute_status, dispute.reason, dispute.outcome], [String(orderId), "DISPUTE_STATUS_OPEN", "wrong colour", "OUTCOME_UNSPECIFIED"]);
  } finally {
    await m.destroy();
  }
});
