/**
 * `agorad start`: serves the app over the ABCI socket and, unless `--no-comet`, runs the CometBFT
 * node that drives it. Either process ending ends the other.
 */
import { appIdentity } from "../../../sdk/server/grpc/tendermint-service.js";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { setLogger } from "@grpc/grpc-js";
import type { Command } from "commander";
import { pino, type Logger } from "pino";
import { createApp, type AgoraApp } from "../../../app/app.js";
import { PORTS } from "../../../app/constants.js";
import { AbciServer } from "../../../sdk/abci/server.js";
import { rpcUrl } from "../../../sdk/server/grpc/comet-rpc.js";
import { GrpcServer } from "../../../sdk/server/grpc/server.js";
import { pruningOptions, type PruningOptions } from "../../../sdk/store/pruning.js";
import { parseGasPrices } from "../../../sdk/types/gas-price.js";
import { CliError, globalOptions } from "../cli.js";
import { startApiServer } from "./api-server.js";
import { servingSettings, type Serving } from "./serving.js";
import { cometbftBinary } from "./cometbft.js";
import { invariantCheckPeriod } from "./crisis.js";
import { configToml, readAppConfig, readGenesis, snapshotSettings } from "./home.js";
import { getTomlValue } from "./toml.js";
import { loadUpgradeHandlers, parseSkipHeights } from "./upgrade-handlers.js";

interface StartFlags {
  comet: boolean;
  abci?: string;
  minimumGasPrices?: string;
  pruning?: string;
  logLevel: string;
  cometLogLevel: string;
  "api.address"?: string;
  "grpc.address"?: string;
  upgradeHandlers?: string;
  unsafeSkipUpgrades: string[];
}

export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description("run the node: the ABCI app and the CometBFT node that drives it")
    .option("--no-comet", "serve ABCI only; run CometBFT yourself with --proxy_app")
    .option("--abci <address>", "ABCI listen address (default: proxy_app of config.toml, tcp://127.0.0.1:26658)")
    .option("--minimum-gas-prices <prices>", "refuse mempool txs paying less, e.g. 0.0025uagora (default: app.toml)")
    .option("--pruning <strategy>", "past states to keep: default, nothing, everything, custom (default: app.toml)")
    .option("--api.address <address>", "REST listen address (default: [api] address of app.toml, tcp://0.0.0.0:1317)")
    .option("--grpc.address <host:port>", "gRPC listen address (default: [grpc] address of app.toml, 0.0.0.0:9090)")
    .option("--upgrade-handlers <module.js>", "also load the upgrade handlers this module's registerUpgrades(app) registers (to rehearse an upgrade on a copy of the node)")
    .option("--unsafe-skip-upgrades <heights>", "heights whose due upgrade plan is dropped instead of halting, e.g. 120,340", (v: string, all: string[]) => [...all, v], [])
    .option("--log-level <level>", "app log level: debug, info, warn, error", "info")
    .option("--comet-log-level <level>", "CometBFT log level", "main:info,state:info,*:error")
    .action(async (flags: StartFlags, command: Command) => {
      const { home } = globalOptions(command);
      await startNode(home, flags);
    });
}

/** The pruning settings of app.toml (or --pruning), as the Cosmos SDK reads them. */
function readPruning(config: Record<string, string>, flag: string | undefined): PruningOptions {
  try {
    return pruningOptions(flag ?? config["pruning"] ?? "default", config["pruning-keep-recent"], config["pruning-interval"]);
  } catch (err) {
    throw new CliError(`app.toml: ${(err as Error).message}`);
  }
}

async function startNode(home: string, flags: StartFlags): Promise<void> {
  const logger = pino({ level: flags.logLevel, base: { module: "agorad" } });
  const genesis = readGenesis(home);
  const appConfig = readAppConfig(home);
  const minGasPrices = flags.minimumGasPrices ?? appConfig["minimum-gas-prices"] ?? "";
  parseGasPrices(minGasPrices);
  const pruning = readPruning(appConfig, flags.pruning);
  const snapshots = snapshotSettings(appConfig);
  const checkPeriod = invariantCheckPeriod(appConfig);
  const grpcConfig = grpcSettings(appConfig, flags["grpc.address"], home);
  const abciAddress = flags.abci ?? getTomlValue(readFileSync(configToml(home), "utf8"), "", "proxy_app") ?? "tcp://127.0.0.1:26658";

  const skipUpgradeHeights = parseSkipHeights(flags.unsafeSkipUpgrades);
  const extraUpgrades = flags.upgradeHandlers ? [await loadUpgradeHandlers(flags.upgradeHandlers)] : [];

  const serving = servingSettings(appConfig, logger);
  const app = createApp({ home, chainId: genesis.chain_id, logger, minGasPrices, pruning, snapshots, streamBlocks: serving.streamBlocks, invariantCheckPeriod: checkPeriod, extraUpgrades, skipUpgradeHeights });
  if (extraUpgrades.length) logger.warn({ from: flags.upgradeHandlers, handlers: app.upgrades.names() }, "upgrade handlers loaded from a module");
  // A failed FinalizeBlock or Commit (a full disk, a broken invariant) ends the node with its reason.
  const onFatal = (method: string, err: unknown) => {
    const reason = err instanceof Error ? err.message : String(err);
    logger.fatal({ err, method }, "the app cannot go on; stopping");
    process.stderr.write(`Error: ${abciMethodName(method)} failed: ${reason}\n`);
    void stop(1);
  };
  const server = new AbciServer(app.base, logger, { onFatal });
  try {
    await server.listen(abciAddress);
  } catch (err) {
    throw new CliError(`cannot listen for ABCI on ${abciAddress}: ${(err as Error).message}`);
  }
  const last = app.base.info();
  logger.info({ abci: server.address, height: last.lastBlockHeight.toString(), chainId: genesis.chain_id }, "ABCI app listening");

  const api = await startApiServer(home, appConfig, flags["api.address"], app.base, logger, serving).catch(async (err: unknown) => {
    await server.close();
    throw err;
  });
  const grpc =
    grpcConfig &&
    (await startGrpc(app.base, grpcConfig, logger, serving).catch(async (err: unknown) => {
      // Nothing may keep the process up after a refusal: close what already listens.
      await api?.close();
      await server.close();
      await serving.close();
      throw err;
    }));

  let comet: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // CometBFT ends itself with SIGTERM when it loses the app: then it has a signal, not an exit code.
    if (comet && comet.exitCode === null && comet.signalCode === null) {
      comet.kill("SIGTERM");
      await new Promise((resolve) => comet!.once("exit", resolve));
    }
    await api?.close();
    await grpc?.close();
    await serving.close();
    await server.close();
    await app.snapshots.close();
    await app.base.store.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  if (flags.comet) {
    comet = spawnCometbft(home, flags.cometLogLevel, logger);
    comet.on("exit", (code, signal) => {
      if (stopping) return;
      logger.error({ code, signal }, "CometBFT exited; stopping");
      process.stderr.write(`Error: the CometBFT node exited (${signal ?? `code ${code}`}); see its log above\n`);
      void stop(1);
    });
  }
}

/** The ABCI method as CometBFT's logs and the spec name it: finalizeBlock is FinalizeBlock. */
function abciMethodName(method: string): string {
  return method.charAt(0).toUpperCase() + method.slice(1);
}

interface GrpcSettings {
  address: string;
  cometRpc: string;
}

/** app.toml `[grpc]` (or --grpc.address); undefined when `enable = false`. Blocks and txs are read from config.toml's `[rpc] laddr`. */
function grpcSettings(config: Record<string, string>, flag: string | undefined, home: string): GrpcSettings | undefined {
  const enable = config["grpc.enable"] ?? "true";
  if (enable !== "true" && enable !== "false") throw new CliError(`app.toml [grpc] enable must be true or false, got "${enable}"`);
  if (enable === "false" && flag === undefined) return undefined;
  const laddr = getTomlValue(readFileSync(configToml(home), "utf8"), "rpc", "laddr") ?? `tcp://127.0.0.1:${PORTS.rpc}`;
  try {
    return { address: flag ?? config["grpc.address"] ?? `0.0.0.0:${PORTS.grpc}`, cometRpc: rpcUrl(laddr) };
  } catch (err) {
    throw new CliError(`config.toml [rpc] laddr: ${(err as Error).message}`);
  }
}

async function startGrpc(base: AgoraApp["base"], settings: GrpcSettings, logger: Logger, serving: Serving): Promise<GrpcServer> {
  // grpc-js writes its own lines to stderr; they belong in the node's log, and its errors reach us anyway.
  setLogger({ error: (...args: unknown[]) => logger.debug({ grpc: args.join(" ") }, "grpc-js") });
  const grpc = new GrpcServer(base, {
    cometRpc: settings.cometRpc,
    app: appIdentity(base),
    ...(serving.cache ? { cache: serving.cache } : {}),
    ...(serving.rateLimit ? { rateLimit: serving.rateLimit } : {}),
    ...(serving.streamBlocks ? { blockStream: { store: base.store, commits: base.commits } } : {}),
  });
  try {
    const port = await grpc.listen(settings.address);
    logger.info({ address: settings.address, port, services: grpc.services.length }, "gRPC listening");
    if (grpc.reflectionWarning) logger.warn(grpc.reflectionWarning);
  } catch (err) {
    throw new CliError(`${(err as Error).message}; choose another with --grpc.address or app.toml [grpc] address`);
  }
  return grpc;
}

function spawnCometbft(home: string, logLevel: string, logger: Logger): ChildProcess {
  const binary = cometbftBinary();
  const child = spawn(binary, ["start", "--home", home, "--log_level", logLevel], { stdio: ["ignore", "inherit", "inherit"] });
  child.on("error", (err) => logger.error({ err: err.message, binary }, "cannot start CometBFT"));
  logger.info({ binary, pid: child.pid }, "CometBFT started");
  return child;
}
