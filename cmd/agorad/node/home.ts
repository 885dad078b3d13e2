/** The node home's layout, shared with CometBFT: config/ and data/ side by side. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { jsonSections, type JsonSections } from "../../../sdk/codec/json-sections.js";
import { DEFAULT_KEEP_RECENT, type SnapshotOptions } from "../../../sdk/snapshots/manager.js";
import { CliError } from "../cli.js";

export const configToml = (home: string) => join(home, "config", "config.toml");
export const genesisJson = (home: string) => join(home, "config", "genesis.json");
export const appToml = (home: string) => join(home, "config", "app.toml");

export interface GenesisFile {
  chain_id: string;
  app_state: Record<string, unknown> & {
    auth?: { accounts?: Record<string, unknown>[] };
    bank?: { balances?: { address: string; coins: { denom: string; amount: string }[] }[] };
  };
  [key: string]: unknown;
}

export function readGenesis(home: string): GenesisFile {
  const path = genesisJson(home);
  if (!existsSync(path)) throw new CliError(`no genesis at ${path}: run \`agorad init <moniker> --home ${home}\` first`);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as GenesisFile;
  } catch (err) {
    throw new CliError(`genesis ${path} is not valid JSON: ${(err as Error).message}`);
  }
}

/** The node's genesis file, its top-level fields parsed one at a time (its app_state never is). */
export function readGenesisSections(home: string): JsonSections {
  const path = genesisJson(home);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new CliError(`no genesis at ${path}: run \`agorad init <moniker> --home ${home}\` first`);
  }
  try {
    return jsonSections(bytes);
  } catch (err) {
    throw new CliError(`genesis ${path} is not valid JSON: ${(err as Error).message}`);
  }
}

/** The chain id of the node's genesis. */
export function genesisChainId(home: string, genesis: JsonSections = readGenesisSections(home)): string {
  const chainId = genesis.parse("chain_id");
  if (typeof chainId !== "string" || chainId === "") throw new CliError(`${genesisJson(home)} has no chain_id`);
  return chainId;
}

export function writeGenesis(home: string, genesis: GenesisFile): void {
  writeFileSync(genesisJson(home), JSON.stringify(genesis, null, 2) + "\n");
}

/**
 * The app's own settings: `key = "value"` or `key = 5` lines, a trailing `# comment` allowed.
 * Top-level keys keep their name; keys under a `[section]` read as "section.key".
 */
export function readAppConfig(home: string): Record<string, string> {
  const path = appToml(home);
  if (!existsSync(path)) return {};
  const settings: Record<string, string> = {};
  let section = "";
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const header = /^\s*\[\s*([a-z0-9_.-]+)\s*\]\s*(#.*)?$/.exec(line);
    if (header) {
      section = header[1]!;
      continue;
    }
    const m = /^\s*([a-z0-9_.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^"#\s][^#]*?))\s*(#.*)?$/.exec(line);
    if (m) settings[section ? `${section}.${m[1]}` : m[1]!] = m[2] ?? m[3]!;
  }
  return settings;
}

/** app.toml `[state-sync]`: when this node snapshots its state for others to state sync from. */
export function snapshotSettings(settings: Record<string, string>): SnapshotOptions {
  return {
    interval: wholeNumber(settings, "snapshot-interval", 0, "blocks between snapshots (0: none)"),
    keepRecent: wholeNumber(settings, "snapshot-keep-recent", DEFAULT_KEEP_RECENT, "snapshots to keep (0: all)"),
  };
}

function wholeNumber(settings: Record<string, string>, key: string, fallback: number, meaning: string): number {
  const text = settings[`state-sync.${key}`];
  if (text === undefined) return fallback;
  if (!/^\d{1,15}$/.test(text)) throw new CliError(`app.toml [state-sync] ${key} must be a whole number of ${meaning}, got "${text}"`);
  return Number(text);
}
