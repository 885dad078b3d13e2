/** The command tree: each group lives in a file of its own. */
import type { Command } from "commander";

export function registerCommands(_program: Command): void {}
