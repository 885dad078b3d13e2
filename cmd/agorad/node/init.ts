/**
 * `agorad init <moniker>`: a node home with CometBFT's config and keys, Agora's default genesis
 * and app settings.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { createModules } from "../../../app/app.js";
import { DEFAULT_CHAIN_ID, DEFAULT_MIN_GAS_PRICES, PORTS } from "../../../app/constants.js";
import { CliError, globalOptions, printResult } from "../cli.js";
import { SERVING_APP_TOML } from "./serving.js";
import { API_APP_TOML } from "./api-server.js";
import { CRISIS_APP_TOML } from "./crisis.js";
import { cometbftBinary } from "./cometbft.js";
import { appToml, configToml, genesisJson, readGenesis, writeGenesis } from "./home.js";
import { setTomlValue } from "./toml.js";

export function registerInitCommand(program: Command): void {
  program
    .command("init <moniker>")
    .description("create a node home: CometBFT config and keys, genesis, app settings")
    .option("--chain-id <id>", "chain id of the new genesis", DEFAULT_CHAIN_ID)
    .option("--overwrite", "replace an existing genesis")
    .action((moniker: string, opts: { chainId: string; overwrite?: boolean }, command: Command) => {
      const { home, output } = globalOptions(command);
      if (existsSync(genesisJson(home)) && !opts.overwrite) {
        throw new CliError(`${genesisJson(home)} already exists: pass --overwrite to replace it`);
      }
      initHome(home, moniker, opts.chainId);
      printResult({ home, output }, { moniker, chain_id: opts.chainId, home }, `initialized ${moniker} (${opts.chainId}) in ${home}`);
    });
}

/**
 * Writes a node home: CometBFT's config and keys (`cometbft init`), a genesis with each module's
 * default section, and app.toml. An existing genesis is replaced; an existing app.toml is kept.
 */
export function initHome(home: string, moniker: string, chainId: string): void {
  execFileSync(cometbftBinary(), ["init", "--home", home], { stdio: "pipe" });
  let config = readFileSync(configToml(home), "utf8");
  config = setTomlValue(config, "", "moniker", moniker);
  config = setTomlValue(config, "", "proxy_app", "tcp://127.0.0.1:26658");
  config = setTomlValue(config, "consensus", "timeout_commit", "1s");
  config = setTomlValue(config, "tx_index", "indexer", "kv");
  writeFileSync(configToml(home), config);

  const genesis = readGenesis(home);
  genesis.chain_id = chainId;
  genesis.app_state = defaultAppState() as typeof genesis.app_state;
  writeGenesis(home, genesis);
  if (!existsSync(appToml(home))) {
    writeFileSync(
      appToml(home),
      [
        "# Agora app settings (this node only; not part of consensus).",
        "# Fees below this price are refused from the mempool.",
        `minimum-gas-prices = "${DEFAULT_MIN_GAS_PRICES}"`,
        "",
        "# Which past states to keep: default (the last 362880), nothing (all), everything (the last 2),",
        "# custom (pruning-keep-recent, at least 2, pruned every pruning-interval blocks).",
        'pruning = "default"',
        'pruning-keep-recent = "0"',
        'pruning-interval = "0"',
        "",
        "[state-sync]",
        "# Snapshot the state every this many blocks, for other nodes to state sync from (0: never).",
        "snapshot-interval = 0",
        "# How many of the newest snapshots to keep (0: all of them).",
        "snapshot-keep-recent = 2",
        "",
        ...API_APP_TOML,
        ...SERVING_APP_TOML,
        ...CRISIS_APP_TOML,
        "[grpc]",
        "# Serve gRPC (every module's Query service, the tx and tendermint services, reflection).",
        "enable = true",
        '# Where to listen ("host:port"); --grpc.address overrides it.',
        `address = "0.0.0.0:${PORTS.grpc}"`,
        "",
      ].join("\n"),
    );
  }
}

/** Each module's default genesis section, from the app's module manager. */
function defaultAppState(): Record<string, unknown> {
  return createModules().modules.defaultGenesis();
}
