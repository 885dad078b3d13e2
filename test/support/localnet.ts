/**
 * A real multi-validator localnet for fault tests: `agorad testnet init-files` in a temp dir on
 * ports no other test takes, each node its own `agorad start --no-comet` and CometBFT (started,
 * stopped, killed and paused through cmd/agorad/testnet/processes.ts, as the node script does).
 * Every process it starts is killed when the test process exits, even on failure; destroy()
 * also removes the homes.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { readLayout } from "../../cmd/agorad/testnet/init-files.js";
import { logFile, nodeHome, nodePorts, NODE_PROCESSES, type LocalnetLayout, type NodeProcess } from "../../cmd/agorad/testnet/layout.js";
import { killNode, killNowSync, runningPid, signalNode, startNode, stopNode } from "../../cmd/agorad/testnet/processes.js";
import { setTomlValue } from "../../cmd/agorad/node/toml.js";
import { agoradCli, DEV_MNEMONIC } from "./devnet.js";

/** Homes with processes that may still run: killed when the test process exits, however it exits. */
const liveHomes = new Set<string>();
process.once("exit", () => killNowSync([...liveHomes]));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killNowSync([...liveHomes]);
    process.exit(1);
  });
}

export interface LocalnetOptions {
  validators?: number;
  /** app.toml [state-sync] snapshot-interval on the validators (0: no snapshots). */
  snapshotInterval?: number;
  /** Genesis sections to set over init-files' (e.g. `{ slashing: { params: {...} } }`), the same in every home. */
  appState?: Record<string, Record<string, unknown>>;
}

export class Localnet {
  private layout: LocalnetLayout;

  private constructor(readonly dir: string) {
    this.layout = readLayout(dir);
  }

  /** Writes the homes (`agorad testnet init-files`); call start() to run them. */
  static async create(opts: LocalnetOptions = {}): Promise<Localnet> {
    const validators = opts.validators ?? 4;
    const dir = mkdtempSync(join(tmpdir(), "agora-localnet-"));
    const startingPort = await freeStartingPort(validators + 2);
    await agoradCli(dir, ["testnet", "init-files", "--validators", String(validators), "--output-dir", dir, "--starting-port", String(startingPort)]);
    const net = new Localnet(dir);
    if (opts.appState) net.editGenesis(opts.appState);
    for (let i = 0; i < validators; i++) {
      net.tune(i);
      if (opts.snapshotInterval) {
        net.setAppConfig(i, "state-sync", "snapshot-interval", opts.snapshotInterval);
        // Kept longer than a joining node takes to discover one and fetch its chunks.
        net.setAppConfig(i, "state-sync", "snapshot-keep-recent", 10);
      }
    }
    return net;
  }

  get size(): number {
    return this.layout.nodes.length;
  }

  home(i: number): string {
    return nodeHome(this.dir, i);
  }

  rpc(i: number): string {
    return `http://127.0.0.1:${this.layout.nodes[i]!.ports.rpc}`;
  }

  /** Starts every node (or the given ones) and waits until each has made two blocks. */
  async start(indexes: number[] = [...this.layout.nodes.keys()]): Promise<void> {
    for (const i of indexes) {
      liveHomes.add(this.home(i));
      await startNode(this.home(i), this.layout.nodes[i]!.ports);
    }
    const first = Math.max(...(await Promise.all(indexes.map((i) => this.waitForHeight(i, 1)))));
    await Promise.all(indexes.map((i) => this.waitForHeight(i, first + 2)));
  }

  /** Starts whichever of node i's processes is not running, without waiting for blocks. */
  async launch(i: number): Promise<NodeProcess[]> {
    liveHomes.add(this.home(i));
    return startNode(this.home(i), this.layout.nodes[i]!.ports);
  }

  /** SIGKILL of node i's agorad and CometBFT (or one of them). */
  kill(i: number, which: readonly NodeProcess[] = NODE_PROCESSES): Promise<NodeProcess[]> {
    return killNode(this.home(i), which);
  }

  /** SIGTERM of node i's agorad and CometBFT (or one of them), waiting until they have exited. */
  stop(i: number, which: readonly NodeProcess[] = NODE_PROCESSES): Promise<NodeProcess[]> {
    return stopNode(this.home(i), which);
  }

  /** SIGSTOP of node i's processes; resume() sends SIGCONT. */
  pause(i: number, which: readonly NodeProcess[] = NODE_PROCESSES): NodeProcess[] {
    return signalNode(this.home(i), "SIGSTOP", which);
  }

  resume(i: number, which: readonly NodeProcess[] = NODE_PROCESSES): NodeProcess[] {
    return signalNode(this.home(i), "SIGCONT", which);
  }

  isRunning(i: number, which: NodeProcess): boolean {
    return runningPid(this.home(i), which) !== undefined;
  }

  /** Waits until node i's `which` process has ended by itself; throws after `timeoutMs`. */
  async waitForExit(i: number, which: NodeProcess, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.isRunning(i, which)) {
      if (Date.now() > deadline) throw new Error(`node${i}'s ${which} still runs after ${timeoutMs} ms; see ${logFile(this.home(i), which)}`);
      await sleep(200);
    }
  }

  /**
   * A non-validating node (`agorad testnet add-node`): the validators' genesis and addresses as
   * its peers. With `stateSync`, it restores a validator's snapshot, trusting the block given.
   * Returns its index; launch(i) starts it.
   */
  async addNode(stateSync?: { height: number; hash: string }): Promise<number> {
    await agoradCli(this.dir, ["testnet", "add-node", "--output-dir", this.dir]);
    this.layout = readLayout(this.dir);
    const i = this.layout.nodes.length - 1;
    this.tune(i);
    if (stateSync) {
      this.setConfig(i, "statesync", "enable", true);
      this.setConfig(i, "statesync", "rpc_servers", `${this.rpc(0)},${this.rpc(1)}`);
      this.setConfig(i, "statesync", "trust_height", stateSync.height);
      this.setConfig(i, "statesync", "trust_hash", stateSync.hash);
      this.setConfig(i, "statesync", "trust_period", "168h0m0s");
      // CometBFT's shortest: discovering snapshots for a while before offering one.
      this.setConfig(i, "statesync", "discovery_time", "5s");
    }
    return i;
  }

  /** Node i's latest height (0 while its RPC does not answer). */
  async height(i: number): Promise<number> {
    const status = await this.rpcResult<{ sync_info: { latest_block_height: string } }>(i, "status").catch(() => undefined);
    return status ? Number(status.sync_info.latest_block_height) : 0;
  }

  async waitForHeight(i: number, target: number, timeoutMs = 90_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const h = await this.height(i);
      if (h >= target) return h;
      if (Date.now() > deadline) throw new Error(`node${i} is at height ${h}, not ${target}, after ${timeoutMs} ms; see ${this.home(i)}/*.log`);
      await sleep(200);
    }
  }

  /** A CometBFT RPC call's `result` on node i, e.g. rpcResult(0, "commit?height=5"). */
  async rpcResult<T = Record<string, unknown>>(i: number, path: string): Promise<T> {
    const res = await fetch(`${this.rpc(i)}/${path}`);
    const body = (await res.json()) as { result?: T; error?: unknown };
    if (!body.result) throw new Error(`node${i} RPC ${path} failed: ${JSON.stringify(body.error)}`);
    return body.result;
  }

  /** Node i's validator (consensus) address, hex, as commits and genesis name it. */
  validatorAddress(i: number): string {
    return (JSON.parse(readFileSync(join(this.home(i), "config", "priv_validator_key.json"), "utf8")) as { address: string }).address;
  }

  /** The validator addresses whose signatures the commit of `height` carries (as seen by node i). */
  async signersAt(i: number, height: number): Promise<string[]> {
    const commit = await this.rpcResult<{ signed_header: { commit: { signatures: { validator_address: string; block_id_flag: number }[] } } }>(i, `commit?height=${height}`);
    // block_id_flag 2: signed for the block (1: absent, 3: voted nil).
    return commit.signed_header.commit.signatures.filter((s) => s.block_id_flag === 2).map((s) => s.validator_address);
  }

  /**
   * Waits for a commit from `fromHeight` on (as node `via` sees it) that carries validator
   * `signer`'s signature; returns its height. A node back from a crash signs once it has caught up.
   */
  async waitForSignature(signer: number, fromHeight: number, via = 0, timeoutMs = 60_000): Promise<number> {
    const address = this.validatorAddress(signer);
    const deadline = Date.now() + timeoutMs;
    for (let h = fromHeight; ; ) {
      if ((await this.height(via)) > h) {
        if ((await this.signersAt(via, h)).includes(address)) return h;
        h++;
        continue;
      }
      if (Date.now() > deadline) throw new Error(`no commit from ${fromHeight} to ${h} carries node${signer}'s signature after ${timeoutMs} ms`);
      await sleep(200);
    }
  }

  /** The validator addresses (hex) of CometBFT's validator set at the latest height, as node `via` answers /validators. */
  async validatorSet(via = 0): Promise<string[]> {
    const res = await this.rpcResult<{ validators: { address: string }[] }>(via, "validators?per_page=100");
    return res.validators.map((v) => v.address);
  }

  /** The mnemonic of validator i's operator account (funded in genesis). */
  operatorMnemonic(i: number): string {
    return (JSON.parse(readFileSync(join(this.home(i), "key_seed.json"), "utf8")) as { secret: string }).secret;
  }

  /** A CosmJS client signing as `mnemonic` (default: the dev account) through node i. */
  async client(i: number, mnemonic = DEV_MNEMONIC): Promise<{ client: SigningStargateClient; address: string }> {
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(mnemonic, { prefix: "agora" });
    const address = (await wallet.getAccounts())[0]!.address;
    const client = await SigningStargateClient.connectWithSigner(this.rpc(i), wallet, { gasPrice: GasPrice.fromString("0.025uagora") });
    return { client, address };
  }

  /** Nodes whose agorad and CometBFT both run. */
  running(): number[] {
    return [...this.layout.nodes.keys()].filter((i) => NODE_PROCESSES.every((p) => this.isRunning(i, p)));
  }

  setConfig(i: number, section: string, key: string, value: string | number | boolean): void {
    const path = join(this.home(i), "config", "config.toml");
    writeFileSync(path, setTomlValue(readFileSync(path, "utf8"), section, key, value));
  }

  setAppConfig(i: number, section: string, key: string, value: string | number | boolean): void {
    const path = join(this.home(i), "config", "app.toml");
    writeFileSync(path, setTomlValue(readFileSync(path, "utf8"), section, key, value));
  }

  /** Kills every process and removes the homes. */
  async destroy(): Promise<void> {
    for (let i = 0; i < this.layout.nodes.length; i++) {
      await killNode(this.home(i));
      liveHomes.delete(this.home(i));
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Sets each of `sections`' fields over node0's genesis app_state and gives every home that genesis. */
  private editGenesis(sections: Record<string, Record<string, unknown>>): void {
    const file = (i: number) => join(this.home(i), "config", "genesis.json");
    const genesis = JSON.parse(readFileSync(file(0), "utf8")) as { app_state: Record<string, Record<string, unknown>> };
    for (const [module, fields] of Object.entries(sections)) genesis.app_state[module] = { ...genesis.app_state[module], ...fields };
    for (let i = 0; i < this.size; i++) writeFileSync(file(i), JSON.stringify(genesis, null, 2) + "\n");
  }

  /** Blocks every 300 ms; a round whose proposer is down gives up after 1 s rather than 3 s. */
  private tune(i: number): void {
    this.setConfig(i, "consensus", "timeout_commit", "300ms");
    this.setConfig(i, "consensus", "timeout_propose", "1s");
  }
}

/**
 * A --starting-port whose layout (layout.ts) is free for `nodes` nodes. Below 32768, so that no
 * other test's free port (the kernel's ephemeral range) lands on one of them meanwhile.
 */
async function freeStartingPort(nodes: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const start = 27_000 + 100 * Math.floor(Math.random() * 50);
    const ports = [...Array(nodes).keys()].flatMap((i) => Object.values(nodePorts(i, start)));
    if ((await Promise.all(ports.map(isFree))).every(Boolean)) return start;
  }
  assert.fail("no free block of ports for a localnet between 27000 and 32000");
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
