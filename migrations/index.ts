/**
 * The indexer's migrations in order. Listed in code rather than read from the folder, so the
 * compiled CLI finds them wherever it runs and a half-written file is never picked up.
 */
import type { Migration, MigrationProvider } from "kysely/migration";
import * as blocksTxsEvents from "./0001_blocks_txs_events.js";
import * as accountsBalances from "./0002_accounts_balances.js";
import * as commerce from "./0003_commerce.js";
import * as social from "./0004_social.js";

export const indexerMigrations: Record<string, Migration> = {
  "0001_blocks_txs_events": blocksTxsEvents,
  "0002_accounts_balances": accountsBalances,
  "0003_commerce": commerce,
  "0004_social": social,
};

export const indexerMigrationProvider: MigrationProvider = {
  getMigrations: async () => indexerMigrations,
};
