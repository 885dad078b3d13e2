/**
 * `agorad testnet init-files`: the homes of a localnet (one per validator, each with its own
 * operator key, node key and validator key), their ports laid out apart (layout.ts), every node
 * a persistent peer of the others, and one genesis shared by all. `add-node` adds a non-validating
 * home that joins the running chain.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEV_MNEMONIC } from "../../../app/constants.js";
import { CliError } from "../cli.js";
import { openKeyring } from "../keys/keyring.js";
import { cometbftBinary } from "../node/cometbft.js";
import { appToml, configToml, genesisJson, readGenesis, writeGenesis } from "../node/home.js";
import { initHome } from "../node/init.js";
import { setTomlValue } from "../node/toml.js";
import { localnetGenesis, type LocalnetValidator } from "./genesis.js";
import { layoutFile, nodeHome, nodeName, nodePorts, type LocalnetLayout, type NodePorts } from "./layout.js";

/** Each validator operator's genesis funds, and the dev account's (as a devnet's). */
export const OPERATOR_FUNDS = "1000000000000uagora";
export const DEV_FUNDS = "1000000000000000uagora";
/** The operator key's name in each validator's keyring (keyring-backend test). */
export const OPERATOR_KEY = "validator";

export interface InitFilesOptions {
  dir: string;
  validators: number;
  chainId: string;
  startingPort: number;
}

export async function initFiles(opts: InitFilesOptions): Promise<LocalnetLayout> {
  if (!Number.isInteger(opts.validators) || opts.validators < 1 || opts.validators > 20) {
    throw new CliError(`--validators must be a whole number from 1 to 20, got ${opts.validators}`);
  }
  if (existsSync(layoutFile(opts.dir))) {
    throw new CliError(`${opts.dir} already holds a localnet: remove it, or choose another --output-dir`);
  }
  // Every node's ports checked before anything is written.
  for (let i = 0; i < opts.validators; i++) nodePorts(i, opts.startingPort);
  const layout: LocalnetLayout = { chain_id: opts.chainId, starting_port: opts.startingPort, nodes: [] };
  const validators: LocalnetValidator[] = [];
  const accounts = [];
  const devMnemonic = process.env.AGORA_DEV_MNEMONIC ?? DEV_MNEMONIC;
  for (let i = 0; i < opts.validators; i++) {
    const home = nodeHome(opts.dir, i);
    const ports = nodePorts(i, opts.startingPort);
    mkdirSync(home, { recursive: true });
    initHome(home, nodeName(i), opts.chainId);
    configureNode(home, ports);
    const keyring = openKeyring(home, "test");
    const operator = await keyring.add(OPERATOR_KEY);
    // As the Cosmos SDK's testnet does: the operator's mnemonic beside its home, for the operator.
    writeFileSync(join(home, "key_seed.json"), JSON.stringify({ secret: operator.mnemonic }, null, 2) + "\n", { mode: 0o600 });
    const dev = await keyring.add("dev", { mnemonic: devMnemonic });
    if (i === 0) accounts.push({ address: dev.address, coins: DEV_FUNDS });
    accounts.push({ address: operator.address, coins: OPERATOR_FUNDS });
    validators.push({ moniker: nodeName(i), home, keyring, keyName: OPERATOR_KEY });
    layout.nodes.push({ name: nodeName(i), ports, validator: true });
  }

  const genesis = await localnetGenesis(readGenesis(nodeHome(opts.dir, 0)), validators, accounts);
  const peers = layout.nodes.map((node, i) => peerAddress(nodeHome(opts.dir, i), node.ports));
  for (let i = 0; i < opts.validators; i++) {
    const home = nodeHome(opts.dir, i);
    writeGenesis(home, genesis);
    setConfig(home, "p2p", "persistent_peers", peers.filter((_, j) => j !== i).join(","));
  }
  writeLayout(opts.dir, layout);
  return layout;
}

/** A non-validating node's home beside the validators: their genesis, all of them as peers, the next ports. */
export function addNode(dir: string): { layout: LocalnetLayout; index: number } {
  const layout = readLayout(dir);
  const index = layout.nodes.length;
  const home = nodeHome(dir, index);
  if (existsSync(home)) throw new CliError(`${home} already exists but is not in ${layoutFile(dir)}: remove it first`);
  const ports = nodePorts(index, layout.starting_port);
  mkdirSync(home, { recursive: true });
  initHome(home, nodeName(index), layout.chain_id);
  configureNode(home, ports);
  copyFileSync(genesisJson(nodeHome(dir, 0)), genesisJson(home));
  const peers = layout.nodes.filter((n) => n.validator).map((n) => peerAddress(join(dir, n.name), n.ports));
  setConfig(home, "p2p", "persistent_peers", peers.join(","));
  layout.nodes.push({ name: nodeName(index), ports, validator: false });
  writeLayout(dir, layout);
  return { layout, index };
}

export function readLayout(dir: string): LocalnetLayout {
  const path = layoutFile(dir);
  if (!existsSync(path)) throw new CliError(`no localnet in ${dir}: run \`agorad testnet init-files --output-dir ${dir}\` first`);
  return JSON.parse(readFileSync(path, "utf8")) as LocalnetLayout;
}

function writeLayout(dir: string, layout: LocalnetLayout): void {
  writeFileSync(layoutFile(dir), JSON.stringify(layout, null, 2) + "\n");
}

/** Loopback addresses on the node's own ports; peers on one IP allowed, as every node shares 127.0.0.1. */
function configureNode(home: string, ports: NodePorts): void {
  setConfig(home, "", "proxy_app", `tcp://127.0.0.1:${ports.abci}`);
  setConfig(home, "rpc", "laddr", `tcp://127.0.0.1:${ports.rpc}`);
  setConfig(home, "p2p", "laddr", `tcp://127.0.0.1:${ports.p2p}`);
  setConfig(home, "p2p", "addr_book_strict", false);
  setConfig(home, "p2p", "allow_duplicate_ip", true);
  let app = readFileSync(appToml(home), "utf8");
  app = setTomlValue(app, "api", "address", `tcp://127.0.0.1:${ports.rest}`);
  app = setTomlValue(app, "grpc", "address", `127.0.0.1:${ports.grpc}`);
  writeFileSync(appToml(home), app);
}

function setConfig(home: string, section: string, key: string, value: string | boolean): void {
  writeFileSync(configToml(home), setTomlValue(readFileSync(configToml(home), "utf8"), section, key, value));
}

/** "<node id>@127.0.0.1:<p2p port>", as persistent_peers names a peer. */
function peerAddress(home: string, ports: NodePorts): string {
  const id = execFileSync(cometbftBinary(), ["show-node-id", "--home", home], { encoding: "utf8" }).trim();
  return `${id}@127.0.0.1:${ports.p2p}`;
}
