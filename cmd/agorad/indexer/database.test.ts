/** The indexer's pool against the real PostgreSQL that `scripts/services.sh` runs. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import pg from "pg";
import { createTestDatabase } from "../../../test/support/postgres.js";
import { openIndexerDatabase } from "./database.js";

/** Ends every other connection to `database` from the server's side, as a PostgreSQL restart does. */
async function terminateConnections(url: string, database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [database]);
    return rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

test("connections PostgreSQL drops, idle or in the middle of a transaction, fail that statement only; the pool then reconnects", async () => {
  const database = await createTestDatabase();
  const db = database.closeBeforeDrop(openIndexerDatabase(database.url, { poolSize: 2 }));
  await sql`SELECT 1`.execute(db);
  // An idle connection dropped: the next statement simply gets a new one.
  assert.equal(await terminateConnections(database.url, database.name), 1);
  await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual((await sql<{ n: number }>`SELECT 2 AS n`.execute(db)).rows, [{ n: 2 }]);

  // A connection dropped while a transaction holds it: that transaction fails, nothing else.
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      await sql`SELECT 1`.execute(trx);
      await terminateConnections(database.url, database.name);
      await new Promise((r) => setTimeout(r, 100));
      await sql`SELECT 1`.execute(trx);
    }),
    /terminating connection|Connection terminated|not queryable/,
  );
  assert.deepEqual((await sql<{ n: number }>`SELECT 3 AS n`.execute(db)).rows, [{ n: 3 }]);
});
