/**
 * The marketplace as of the last indexed block: commerce listings, orders and disputes, each row
 * the module's record (statuses by name) with the height that last changed it.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("commerce_listings")
    .addColumn("id", "bigint", (c) => c.primaryKey())
    .addColumn("store_id", "bigint", (c) => c.notNull())
    .addColumn("seller", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("price_denom", "text", (c) => c.notNull())
    .addColumn("price_amount", "numeric", (c) => c.notNull())
    .addColumn("inventory", "bigint", (c) => c.notNull())
    .addColumn("listing_status", "text", (c) => c.notNull())
    .addColumn("updated_height", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("commerce_listings_store").on("commerce_listings").columns(["store_id", "id"]).execute();
  await db.schema.createIndex("commerce_listings_status").on("commerce_listings").columns(["listing_status", "id"]).execute();

  await db.schema
    .createTable("commerce_orders")
    .addColumn("id", "bigint", (c) => c.primaryKey())
    .addColumn("listing_id", "bigint", (c) => c.notNull())
    .addColumn("store_id", "bigint", (c) => c.notNull())
    .addColumn("buyer", "text", (c) => c.notNull())
    .addColumn("seller", "text", (c) => c.notNull())
    .addColumn("quantity", "bigint", (c) => c.notNull())
    .addColumn("escrow_denom", "text", (c) => c.notNull())
    .addColumn("escrow_amount", "numeric", (c) => c.notNull())
    .addColumn("order_status", "text", (c) => c.notNull())
    // Block times in Unix seconds; 0 while not yet.
    .addColumn("placed_at", "bigint", (c) => c.notNull())
    .addColumn("shipped_at", "bigint", (c) => c.notNull())
    .addColumn("release_at", "bigint", (c) => c.notNull())
    .addColumn("reviewed", "boolean", (c) => c.notNull())
    .addColumn("updated_height", "bigint", (c) => c.notNull())
    .execute();
  for (const column of ["buyer", "seller", "order_status"]) {
    await db.schema.createIndex(`commerce_orders_${column}`).on("commerce_orders").columns([column, "id"]).execute();
  }

  await db.schema
    .createTable("commerce_disputes")
    .addColumn("order_id", "bigint", (c) => c.primaryKey())
    .addColumn("dispute_status", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("arbiter", "text", (c) => c.notNull())
    // The arbiter's (or governance's) outcome; OUTCOME_UNSPECIFIED until decided.
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("buyer_share_bps", "integer", (c) => c.notNull())
    .addColumn("appealed_by", "text", (c) => c.notNull())
    .addColumn("opened_at", "bigint", (c) => c.notNull())
    .addColumn("updated_height", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("commerce_disputes_status").on("commerce_disputes").columns(["dispute_status", "order_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["commerce_disputes", "commerce_orders", "commerce_listings"]) await db.schema.dropTable(table).execute();
}
