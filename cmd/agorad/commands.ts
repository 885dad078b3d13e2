/** The command tree: each group lives in a file of its own. */
import type { Command } from "commander";
import { registerQueryCommands, registerStatusCommand, registerTxCommands } from "./client/commands.js";
import { registerKeysCommands } from "./keys/commands.js";

export function registerCommands(program: Command): void {
  // Node commands (lead): init, genesis, start.

  // Client commands.
  registerKeysCommands(program);
  registerTxCommands(program);
  registerQueryCommands(program);
  registerStatusCommand(program);
}
