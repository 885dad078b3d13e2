#!/usr/bin/env node
/** agorad: the Agora node and its command-line client. */
import { Command } from "commander";
import { exitWithError } from "./cli.js";
import { registerCommands } from "./commands.js";

const program = new Command("agorad")
  .description("Agora node daemon and client")
  .option("--home <dir>", "node home directory (default: $AGORA_HOME or ~/.agora)")
  .option("-o, --output <format>", "output format: text or json", "text")
  .exitOverride();

registerCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  const code = (err as { code?: unknown }).code;
  if (code === "commander.helpDisplayed" || code === "commander.version" || code === "commander.help") process.exit(0);
  // Commander has already printed its one-line usage error.
  if (typeof code === "string" && code.startsWith("commander.")) process.exit(1);
  exitWithError(err);
});
