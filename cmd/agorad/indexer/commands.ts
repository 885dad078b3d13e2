/** `agorad indexer ...`: the PostgreSQL indexer of blocks, txs, events, accounts and balances. */
import type { Command } from "commander";
import { pino } from "pino";
import { exitWithError } from "../cli.js";
import { checkReachable, DEFAULT_POOL_SIZE, DEFAULT_STATEMENT_TIMEOUT_MS, openIndexerDatabase } from "./database.js";
import { migrateIndexer, registerMigrateCommand } from "./migrate.js";
import { DEFAULT_INDEXER_PG, positiveInteger } from "./options.js";
import { runIndexer } from "./run.js";

interface IndexerFlags {
  pg?: string;
  grpc: string;
  poolSize: number;
  statementTimeout: number;
  logLevel: string;
}

export function registerIndexerCommands(program: Command): void {
  const indexer = program
    .command("indexer")
    .description("index the chain's block stream into PostgreSQL (migrates the schema first); `indexer migrate` alone")
    .option("--pg <url>", "PostgreSQL URL (default: AGORA_INDEXER_PG, else " + DEFAULT_INDEXER_PG + ")")
    .option("--grpc <host:port>", "the node's gRPC address (its block stream)", "127.0.0.1:9090")
    .option("--pool-size <n>", "connections to PostgreSQL at most", positiveInteger, DEFAULT_POOL_SIZE)
    .option("--statement-timeout <ms>", "cancel a statement running longer than this", positiveInteger, DEFAULT_STATEMENT_TIMEOUT_MS)
    .option("--log-level <level>", "log level: debug, info, warn, error", "info")
    .action(async (flags: IndexerFlags) => {
      const url = flags.pg ?? process.env.AGORA_INDEXER_PG ?? DEFAULT_INDEXER_PG;
      const logger = pino({ level: flags.logLevel, base: { module: "indexer" } });
      const db = openIndexerDatabase(url, { poolSize: flags.poolSize, statementTimeoutMs: flags.statementTimeout });
      const stop = new AbortController();
      process.once("SIGINT", () => stop.abort());
      process.once("SIGTERM", () => stop.abort());
      try {
        await checkReachable(db, url);
        await migrateIndexer(db, "latest");
        logger.info({ grpc: flags.grpc }, "indexing the block stream");
        await runIndexer({ db, grpc: flags.grpc, logger, signal: stop.signal, onIndexed: (height) => logger.debug({ height: height.toString() }, "block indexed") });
      } catch (err) {
        await db.destroy();
        exitWithError(err);
      }
      await db.destroy();
    });
  registerMigrateCommand(indexer);
}
