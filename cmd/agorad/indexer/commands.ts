/** `agorad indexer ...`: the PostgreSQL indexer of blocks, txs, events, accounts and balances. */
import type { Command } from "commander";
import { registerMigrateCommand } from "./migrate.js";

export function registerIndexerCommands(program: Command): void {
  const indexer = program.command("indexer").description("index the chain into PostgreSQL");
  registerMigrateCommand(indexer);
}
