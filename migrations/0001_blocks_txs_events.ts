/**
 * Blocks, their txs with results, and every event with its attributes, shaped like CometBFT's
 * psql event sink so its queries carry over: events are found by type, attributes by
 * `type.key` (composite_key) and value. Hashes are upper-case hex, as CometBFT's RPC shows them.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("blocks")
    .addColumn("height", "bigint", (c) => c.primaryKey().check(sql`height > 0`))
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("time", "timestamptz", (c) => c.notNull())
    .addColumn("app_hash", "text", (c) => c.notNull())
    .addColumn("num_txs", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("txs")
    .addColumn("hash", "text", (c) => c.primaryKey())
    .addColumn("height", "bigint", (c) => c.notNull().references("blocks.height").onDelete("cascade"))
    .addColumn("index", "integer", (c) => c.notNull())
    .addColumn("code", "integer", (c) => c.notNull())
    .addColumn("codespace", "text", (c) => c.notNull())
    .addColumn("log", "text", (c) => c.notNull())
    .addColumn("gas_wanted", "bigint", (c) => c.notNull())
    .addColumn("gas_used", "bigint", (c) => c.notNull())
    .addColumn("tx", "bytea", (c) => c.notNull())
    // Null when the bytes are not a decodable Cosmos tx (such a tx fails with a code).
    .addColumn("memo", "text")
    .addUniqueConstraint("txs_height_index", ["height", "index"])
    .execute();

  await db.schema
    .createTable("events")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("height", "bigint", (c) => c.notNull().references("blocks.height").onDelete("cascade"))
    // Null for the block's own events (begin/end block, FinalizeBlock).
    .addColumn("tx_hash", "text", (c) => c.references("txs.hash").onDelete("cascade"))
    // Position among the events of its tx, or among the block's own events.
    .addColumn("index", "integer", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("events_type").on("events").columns(["type", "height"]).execute();
  await db.schema.createIndex("events_height").on("events").column("height").execute();
  await db.schema.createIndex("events_tx_hash").on("events").column("tx_hash").execute();

  await db.schema
    .createTable("attributes")
    .addColumn("event_id", "bigint", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("index", "integer", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    // "type.key", so a query like `transfer.recipient = 'agora1…'` is one index lookup.
    .addColumn("composite_key", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("attributes_pk", ["event_id", "index"])
    .execute();
  await db.schema.createIndex("attributes_composite_key_value").on("attributes").columns(["composite_key", "value"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["attributes", "events", "txs", "blocks"]) await db.schema.dropTable(table).execute();
}
