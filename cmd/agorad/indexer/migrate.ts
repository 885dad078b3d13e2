/** `agorad indexer migrate`: brings the indexer's PostgreSQL schema up to date, or one step back. */
import type { Command } from "commander";
import type { Kysely } from "kysely";
import { Migrator, NO_MIGRATIONS, type MigrationResult } from "kysely/migration";
import { indexerMigrationProvider } from "../../../migrations/index.js";
import { CliError, exitWithError, globalOptions, printResult } from "../cli.js";
import { checkReachable, DEFAULT_POOL_SIZE, DEFAULT_STATEMENT_TIMEOUT_MS, openIndexerDatabase } from "./database.js";
import { DEFAULT_INDEXER_PG, positiveInteger } from "./options.js";

/** "latest": every migration; "down": undo the newest applied; "none": undo them all. */
export type MigrationTarget = "latest" | "down" | "none";

export interface MigrationStep {
  name: string;
  direction: "Up" | "Down";
}

/** Runs the migrations toward `target`; returns the steps taken; throws naming the one that failed. */
export async function migrateIndexer(db: Kysely<any>, target: MigrationTarget): Promise<MigrationStep[]> {
  const migrator = new Migrator({ db, provider: indexerMigrationProvider });
  const { error, results } =
    target === "latest" ? await migrator.migrateToLatest() : target === "down" ? await migrator.migrateDown() : await migrator.migrateTo(NO_MIGRATIONS);
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    const what = failed ? `migration ${failed.migrationName} failed` : "migrations failed";
    throw new CliError(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r: MigrationResult) => r.status === "Success").map((r) => ({ name: r.migrationName, direction: r.direction }));
}

export function registerMigrateCommand(indexer: Command): void {
  indexer
    .command("migrate")
    .description("apply the indexer's schema migrations to PostgreSQL (or undo the newest with --down)")
    .option("--pg <url>", "PostgreSQL URL (default: AGORA_INDEXER_PG, else " + DEFAULT_INDEXER_PG + ")")
    .option("--down", "undo the newest applied migration instead")
    .option("--pool-size <n>", "connections to PostgreSQL at most", positiveInteger, DEFAULT_POOL_SIZE)
    .option("--statement-timeout <ms>", "cancel a statement running longer than this", positiveInteger, DEFAULT_STATEMENT_TIMEOUT_MS)
    .action(async (opts: { pg?: string; down?: boolean; poolSize: number; statementTimeout: number }, command: Command) => {
      // `agorad indexer` has the same options: commander gives them to it wherever they stand.
      const parent = command.parent;
      const given = <K extends "pg" | "poolSize" | "statementTimeout">(name: K): (typeof opts)[K] =>
        parent?.getOptionValueSource(name) === "cli" ? (parent.opts() as typeof opts)[name] : opts[name];
      const url = given("pg") ?? process.env.AGORA_INDEXER_PG ?? DEFAULT_INDEXER_PG;
      const db = openIndexerDatabase(url, { poolSize: given("poolSize"), statementTimeoutMs: given("statementTimeout") });
      try {
        await checkReachable(db, url);
        const steps = await migrateIndexer(db, opts.down ? "down" : "latest");
        const text = steps.length === 0 ? "the indexer's schema is already up to date" : steps.map((s) => `${s.direction === "Up" ? "applied" : "reverted"} ${s.name}`).join("\n");
        printResult(globalOptions(command), { migrations: steps }, text);
      } catch (err) {
        await db.destroy();
        exitWithError(err);
      }
      await db.destroy();
    });
}
