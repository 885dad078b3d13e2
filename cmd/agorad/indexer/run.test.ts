/** The indexer's loop while what it needs is down: it retries with back-off and holds nothing per retry. */
import assert from "node:assert/strict";
import { getEventListeners } from "node:events";
import { test } from "node:test";
import { pino } from "pino";
import { freePort } from "../../../test/support/ports.js";
import { createTestDatabase } from "../../../test/support/postgres.js";
import { openIndexerDatabase } from "./database.js";
import { migrateIndexer } from "./migrate.js";
import { runIndexer } from "./run.js";

/** Runs the indexer until it has logged `retries` warnings; returns the abort listeners left on its signal meanwhile, at most. */
async function listenersWhileRetrying(options: { pg: string; grpc: string }, retries: number): Promise<{ messages: string[]; mostListeners: number }> {
  const messages: string[] = [];
  const stop = new AbortController();
  let mostListeners = 0;
  const logger = pino(
    { level: "warn" },
    {
      write(line: string) {
        messages.push((JSON.parse(line) as { msg: string }).msg);
        mostListeners = Math.max(mostListeners, getEventListeners(stop.signal, "abort").length);
        if (messages.length >= retries) stop.abort();
      },
    },
  );
  const db = openIndexerDatabase(options.pg, { poolSize: 1 });
  try {
    await runIndexer({ db, grpc: options.grpc, logger, signal: stop.signal });
  } finally {
    await db.destroy();
  }
  return { messages, mostListeners };
}

test("with PostgreSQL unreachable the indexer retries with back-off, without piling up a listener per retry", async () => {
  const { messages, mostListeners } = await listenersWhileRetrying({ pg: `postgres://agora@127.0.0.1:${await freePort()}/agora`, grpc: `127.0.0.1:${await freePort()}` }, 4);
  assert.deepEqual(messages, Array(4).fill("PostgreSQL unavailable; retrying"));
  assert.ok(mostListeners <= 1, `at most one abort listener at a time, saw ${mostListeners}`);
});

test("with the node's gRPC unreachable the indexer reconnects with back-off, without piling up a listener per attempt", async () => {
  const database = await createTestDatabase();
  const db = database.closeBeforeDrop(openIndexerDatabase(database.url, { poolSize: 1 }));
  await migrateIndexer(db, "latest");
  const { messages, mostListeners } = await listenersWhileRetrying({ pg: database.url, grpc: `127.0.0.1:${await freePort()}` }, 4);
  assert.deepEqual(messages, Array(4).fill("block stream broke; reconnecting"));
  assert.ok(mostListeners <= 2, `at most the stream's and the pause's abort listeners at a time, saw ${mostListeners}`);
});
