/**
 * The REST server of `agorad start`: app.toml `[api]` (enable, address, enabled-unsafe-cors) or
 * `--api.address`, answering tx and block paths through the CometBFT RPC of config.toml `[rpc] laddr`.
 */
import { readFileSync } from "node:fs";
import type { Logger } from "pino";
import type { BaseApp } from "../../../sdk/baseapp/baseapp.js";
import { createRestServer, type RestServerOptions } from "../../../sdk/server/rest/server.js";
import { CliError } from "../cli.js";
import { configToml } from "./home.js";
import { getTomlValue } from "./toml.js";

export const DEFAULT_API_ADDRESS = "tcp://0.0.0.0:1317";

/** The `[api]` section init writes into app.toml. */
export const API_APP_TOML = [
  "[api]",
  "# Serve REST: the grpc-gateway paths explorers and wallets call (balances, accounts, txs, blocks).",
  "enable = true",
  `address = "${DEFAULT_API_ADDRESS}"`,
  "# Answer browsers from any origin (Access-Control-Allow-Origin: *).",
  "enabled-unsafe-cors = true",
  "",
];

export interface RunningApi {
  address: string;
  close(): Promise<void>;
}

/** Starts REST unless app.toml turns it off; undefined when off. */
export async function startApiServer(
  home: string,
  appConfig: Record<string, string>,
  addressFlag: string | undefined,
  base: BaseApp,
  logger: Logger,
  serving: Pick<RestServerOptions, "cache" | "rateLimit"> = {},
): Promise<RunningApi | undefined> {
  const enable = appConfig["api.enable"] ?? "true";
  if (enable !== "true" && enable !== "false") throw new CliError(`app.toml [api] enable must be true or false, got "${enable}"`);
  if (enable === "false" && addressFlag === undefined) return undefined;
  const address = addressFlag ?? appConfig["api.address"] ?? DEFAULT_API_ADDRESS;
  const { host, port } = listenAddress(address);
  const rpcAddress = getTomlValue(readFileSync(configToml(home), "utf8"), "rpc", "laddr") ?? "tcp://127.0.0.1:26657";
  const server = await createRestServer(base, {
    rpcAddress,
    cors: appConfig["api.enabled-unsafe-cors"] !== "false",
    onInternalError: (err, url) => logger.error({ err, url }, "REST request failed"),
    ...(serving.cache ? { cache: serving.cache } : {}),
    ...(serving.rateLimit ? { rateLimit: serving.rateLimit } : {}),
  });
  try {
    await server.listen({ host, port });
  } catch (err) {
    throw new CliError(`cannot serve REST on ${address}: ${(err as Error).message} (set [api] address in app.toml or --api.address)`);
  }
  logger.info({ address }, "REST listening");
  return { address, close: () => server.close() };
}

function listenAddress(address: string): { host: string; port: number } {
  const m = /^(?:tcp:\/\/|http:\/\/)?([^:/]+|\[[^\]]+\]):(\d{1,5})$/.exec(address);
  if (!m || Number(m[2]) > 65535) throw new CliError(`[api] address must be tcp://host:port, e.g. ${DEFAULT_API_ADDRESS}; got "${address}"`);
  return { host: m[1]!.replace(/^\[|\]$/g, ""), port: Number(m[2]) };
}
