/** The node home's layout, shared with CometBFT: config/ and data/ side by side. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { jsonSections, type JsonSections } from "../../../sdk/codec/json-sections.js";
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

/** The app's own settings (a flat TOML of key = "value" lines). */
export function readAppConfig(home: string): Record<string, string> {
  const path = appToml(home);
  if (!existsSync(path)) return {};
  const settings: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const m = /^\s*([a-z0-9_.-]+)\s*=\s*"(.*)"\s*$/.exec(line);
    if (m) settings[m[1]!] = m[2]!;
  }
  return settings;
}
