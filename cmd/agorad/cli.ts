/**
 * Conventions every agorad command shares: where the home is, how results are printed
 * (`--output text|json`), and how a failure ends the process (one clear line, non-zero exit).
 */
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import type { Command } from "commander";

export const DEFAULT_CHAIN_ID = "agora-local-1";
export const DEFAULT_NODE = "http://127.0.0.1:26657";
export const BECH32_PREFIX = "agora";
export const BOND_DENOM = "uagora";

export interface GlobalOptions {
  home: string;
  output: "text" | "json";
}

/** The home directory: `--home`, else `AGORA_HOME`, else `~/.agora`. */
export function resolveHome(flag: string | undefined): string {
  if (flag) return resolve(flag);
  if (process.env.AGORA_HOME) return resolve(process.env.AGORA_HOME);
  return join(homedir(), ".agora");
}

/** Reads the options shared by all commands from the root program. */
export function globalOptions(command: Command): GlobalOptions {
  let root = command;
  while (root.parent) root = root.parent;
  const opts = root.opts<{ home?: string; output?: string }>();
  const output = opts.output === "json" ? "json" : "text";
  return { home: resolveHome(opts.home), output };
}

/** Prints a command's result as JSON (`--output json`) or as readable text. */
export function printResult(options: GlobalOptions, value: unknown, text?: string): void {
  if (options.output === "json") {
    process.stdout.write(JSON.stringify(value, bigintReplacer) + "\n");
  } else {
    process.stdout.write((text ?? JSON.stringify(value, bigintReplacer, 2)) + "\n");
  }
}

function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

/** A failure the user can act on: printed as one line, exit status 1. */
export class CliError extends Error {}

/** Ends the process with one clear line on stderr. */
export function exitWithError(err: unknown): never {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`Error: ${message.split("\n")[0]}\n`);
  process.exit(1);
}
