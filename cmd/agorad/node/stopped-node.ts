/**
 * Commands that read or rewrite a node's state on disk (export, rollback) need the node stopped:
 * a running node commits blocks underneath them. This opens the app's state database only then.
 */
import { existsSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { pino } from "pino";
import { createApp, stateDatabasePath, type AgoraApp } from "../../../app/app.js";
import { parseAddress } from "../../../sdk/abci/server.js";
import { CliError } from "../cli.js";
import { configToml } from "./home.js";
import { getTomlValue } from "./toml.js";

/** Throws unless the node of `home` is stopped: nothing answers on its ABCI address. */
export async function requireStoppedNode(home: string, doing: string): Promise<void> {
  if (!existsSync(configToml(home))) throw new CliError(`no node config at ${configToml(home)}: run \`agorad init <moniker> --home ${home}\` first`);
  const address = getTomlValue(readFileSync(configToml(home), "utf8"), "", "proxy_app") ?? "tcp://127.0.0.1:26658";
  if (await answers(address)) throw new CliError(`the node is running (its ABCI address ${address} answers): stop it before ${doing}`);
}

/** The app over the node's state database; refuses a home whose app has never committed a block. */
export function openCommittedApp(home: string, chainId: string): AgoraApp {
  const path = stateDatabasePath(home);
  if (!existsSync(path)) throw new CliError(`no application state at ${path}: the node has not run yet`);
  const app = createApp({ home, chainId, logger: pino({ level: "silent" }) });
  if (app.base.store.lastCommitId().version === 0n) {
    void app.base.store.close();
    throw new CliError(`the application state at ${path} has no committed block yet`);
  }
  return app;
}

function answers(address: string): Promise<boolean> {
  let target;
  try {
    target = parseAddress(address);
  } catch {
    return Promise.resolve(false);
  }
  const socket = target.kind === "unix" ? connect(target.path) : connect(target.port, target.host === "0.0.0.0" ? "127.0.0.1" : target.host);
  return new Promise((resolve) => {
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}
