/** The indexer's schema against the real PostgreSQL that `scripts/services.sh` runs. */
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { test } from "node:test";
import { sql, type Kysely } from "kysely";
import { agoradCli, agoradFailure } from "../../../test/support/devnet.js";
import { freePort } from "../../../test/support/ports.js";
import { createTestDatabase } from "../../../test/support/postgres.js";
import { openIndexerDatabase } from "./database.js";
import { migrateIndexer } from "./migrate.js";
import type { IndexerDatabase } from "./schema.js";

const INDEXER_TABLES = ["accounts", "attributes", "balances", "blocks", "commerce_disputes", "commerce_listings", "commerce_orders", "events", "indexer_state", "social_follows", "social_posts", "social_profiles", "txs"];

async function tables(db: Kysely<IndexerDatabase>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely_%' ORDER BY table_name`.execute(db);
  return rows.map((r) => r.name);
}

test("the schema migrates up, all the way down, and up again", async () => {
  const database = await createTestDatabase();
  const db = database.closeBeforeDrop(openIndexerDatabase(database.url, { poolSize: 1 }));

  const up = await migrateIndexer(db, "latest");
  assert.deepEqual(up, [
    { name: "0001_blocks_txs_events", direction: "Up" },
    { name: "0002_accounts_balances", direction: "Up" },
    { name: "0003_commerce", direction: "Up" },
    { name: "0004_social", direction: "Up" },
  ]);
  assert.deepEqual(await tables(db), INDEXER_TABLES);
  const state = await db.selectFrom("indexer_state").select("last_height").execute();
  assert.deepEqual(state, [{ last_height: "0" }], "a new index starts before height 1");

  const down = await migrateIndexer(db, "none");
  assert.deepEqual(down.map((s) => [s.name, s.direction]), [["0004_social", "Down"], ["0003_commerce", "Down"], ["0002_accounts_balances", "Down"], ["0001_blocks_txs_events", "Down"]]);
  assert.deepEqual(await tables(db), []);

  await migrateIndexer(db, "latest");
  assert.deepEqual(await tables(db), INDEXER_TABLES);
});

test("`agorad indexer migrate` applies what is missing, then has nothing to do; --down undoes the newest", async () => {
  const database = await createTestDatabase();
  const migrate = (...args: string[]) => agoradCli(tmpdir(), ["indexer", "migrate", "--pg", database.url, ...args]);
  assert.equal(await migrate(), "applied 0001_blocks_txs_events\napplied 0002_accounts_balances\napplied 0003_commerce\napplied 0004_social\n");
  assert.equal(await migrate(), "the indexer's schema is already up to date\n");
  assert.deepEqual(JSON.parse(await migrate("--down", "--output", "json")), { migrations: [{ name: "0004_social", direction: "Down" }] });
  assert.equal(await migrate("--pool-size", "2", "--statement-timeout", "5000"), "applied 0004_social\n");
});

test("the pool's statement timeout is the one asked for", async () => {
  const database = await createTestDatabase();
  const db = database.closeBeforeDrop(openIndexerDatabase(database.url, { poolSize: 1, statementTimeoutMs: 250 }));
  const { rows } = await sql<{ statement_timeout: string }>`SHOW statement_timeout`.execute(db);
  assert.equal(rows[0]!.statement_timeout, "250ms");
  await assert.rejects(sql`SELECT pg_sleep(5)`.execute(db), /canceling statement due to statement timeout/);
});

test("`agorad indexer migrate` against a PostgreSQL that is not there fails with one line", async () => {
  const port = await freePort();
  const line = await agoradFailure(tmpdir(), ["indexer", "migrate", "--pg", `postgres://agora:secret@127.0.0.1:${port}/agora`]);
  assert.equal(line, `Error: cannot reach PostgreSQL at postgres://agora:***@127.0.0.1:${port}/agora: connect ECONNREFUSED 127.0.0.1:${port}`);
});
