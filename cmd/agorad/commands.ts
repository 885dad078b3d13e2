/** The command tree: each group lives in a file of its own. */
import type { Command } from "commander";
import { registerQueryCommands, registerStatusCommand, registerTxCommands } from "./client/commands.js";
import { registerIndexerCommands } from "./indexer/commands.js";
import { registerKeysCommands } from "./keys/commands.js";
import { registerCometCommands } from "./node/comet-commands.js";
import { registerExportCommand } from "./node/export.js";
import { registerGenesisCommands } from "./node/genesis-commands.js";
import { registerInitCommand } from "./node/init.js";
import { registerRollbackCommand } from "./node/rollback.js";
import { registerSnapshotsCommands } from "./node/snapshots.js";
import { registerStartCommand } from "./node/start.js";
import { registerTestnetCommands } from "./testnet/commands.js";

export function registerCommands(program: Command): void {
  // Node commands.
  registerInitCommand(program);
  registerGenesisCommands(program);
  registerStartCommand(program);
  registerExportCommand(program);
  registerRollbackCommand(program);
  registerSnapshotsCommands(program);
  registerCometCommands(program);
  registerIndexerCommands(program);
  registerTestnetCommands(program);

  // Client commands.
  registerKeysCommands(program);
  registerTxCommands(program);
  registerQueryCommands(program);
  registerStatusCommand(program);
}
