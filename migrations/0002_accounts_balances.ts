/**
 * The state the indexer keeps current (accounts, balances) and where it stopped: one row whose
 * height moves in the same transaction as the block it records, so a restart resumes exactly.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("accounts")
    .addColumn("address", "text", (c) => c.primaryKey())
    .addColumn("account_number", "bigint", (c) => c.notNull())
    .addColumn("sequence", "bigint", (c) => c.notNull())
    .addColumn("pub_key", "bytea")
    // The module's name for module accounts (fee_collector, ...), else null.
    .addColumn("module_name", "text")
    .addColumn("updated_height", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("balances")
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("denom", "text", (c) => c.notNull())
    .addColumn("amount", "numeric", (c) => c.notNull().check(sql`amount > 0`))
    .addColumn("updated_height", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("balances_pk", ["address", "denom"])
    .execute();
  await db.schema.createIndex("balances_denom").on("balances").columns(["denom", "amount"]).execute();

  await db.schema
    .createTable("indexer_state")
    // A single row: the key is always true.
    .addColumn("id", "boolean", (c) => c.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn("last_height", "bigint", (c) => c.notNull())
    .execute();
  await sql`INSERT INTO indexer_state (id, last_height) VALUES (true, 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["indexer_state", "balances", "accounts"]) await db.schema.dropTable(table).execute();
}
