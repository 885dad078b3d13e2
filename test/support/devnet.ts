/**
 * A real one-validator devnet for end-to-end tests: `agorad init`, the dev key, a funded genesis,
 * the validator's gentx, then `agorad start` running the real CometBFT binary, on free local ports.
 */
import assert from "node:assert/strict";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { cometbftBinary } from "../../cmd/agorad/node/cometbft.js";
import { setTomlValue } from "../../cmd/agorad/node/toml.js";
import { freePort } from "./ports.js";

export const DEV_MNEMONIC = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
const agorad = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "cmd", "agorad", "main.js");
const run = promisify(execFile);
/** The devnet validator's genesis funds and self-delegation (power 10000). */
export const VALIDATOR_FUNDS = "100000000000uagora";
export const VALIDATOR_SELF_DELEGATION = "10000000000uagora";


/** Runs an agorad command against this devnet's home; rejects with its stderr line on failure. */
export async function agoradCli(home: string, args: string[], stdin?: string): Promise<string> {
  const child = run(process.execPath, [agorad, "--home", home, ...args], { encoding: "utf8" });
  if (stdin !== undefined) {
    child.child.stdin!.end(stdin);
  }
  const { stdout } = await child;
  return stdout;
}

/** Runs an agorad command expected to fail; returns its one stderr line (asserting there is one, and status 1). */
export async function agoradFailure(home: string, args: string[]): Promise<string> {
  try {
    await agoradCli(home, args);
  } catch (err) {
    const { code, stderr } = err as { code: number; stderr: string };
    assert.equal(code, 1, stderr);
    const lines = stderr.trim().split("\n");
    assert.equal(lines.length, 1, `expected one error line, got:\n${stderr}`);
    return lines[0]!;
  }
  assert.fail(`agorad ${args.join(" ")} succeeded`);
}

export class Devnet {
  private node: ChildProcess | undefined;
  readonly rpc: string;
  /** The REST server's base URL (grpc-gateway paths). */
  readonly rest: string;
  /** The gRPC server's "host:port". */
  readonly grpc: string;

  private constructor(
    readonly home: string,
    readonly ports: { rpc: number; p2p: number; abci: number; rest: number; grpc: number },
  ) {
    this.rpc = `http://127.0.0.1:${ports.rpc}`;
    this.rest = `http://127.0.0.1:${ports.rest}`;
    this.grpc = `127.0.0.1:${ports.grpc}`;
  }

  /** A new home with the dev account funded; call start() to run it. */
  static async create(chainId = "agora-local-1", funds = "1000000000000uagora"): Promise<Devnet> {
    const devnet = await Devnet.init(chainId);
    await agoradCli(devnet.home, ["keys", "add", "dev", "--recover", "--keyring-backend", "test"], DEV_MNEMONIC + "\n");
    await agoradCli(devnet.home, ["genesis", "add-genesis-account", "dev", funds, "--keyring-backend", "test"]);
    // The validator is a staking validator of its own key, as `make run`'s: its gentx makes the set.
    await agoradCli(devnet.home, ["keys", "add", "validator", "--keyring-backend", "test"]);
    await agoradCli(devnet.home, ["genesis", "add-genesis-account", "validator", VALIDATOR_FUNDS, "--keyring-backend", "test"]);
    await agoradCli(devnet.home, ["genesis", "gentx", "validator", VALIDATOR_SELF_DELEGATION, "--keyring-backend", "test"]);
    await agoradCli(devnet.home, ["genesis", "collect-gentxs"]);
    return devnet;
  }

  /**
   * A new home for a chain that starts from `genesisFile` (an export), signed by the validator of
   * `validatorHome`: the exported genesis names that validator, so its key moves to the new home.
   */
  static async fromGenesis(genesisFile: string, validatorHome: string): Promise<Devnet> {
    const chainId = (JSON.parse(readFileSync(genesisFile, "utf8")) as { chain_id: string }).chain_id;
    const devnet = await Devnet.init(chainId);
    copyFileSync(genesisFile, join(devnet.home, "config", "genesis.json"));
    copyFileSync(join(validatorHome, "config", "priv_validator_key.json"), join(devnet.home, "config", "priv_validator_key.json"));
    return devnet;
  }

  /**
   * A second, non-validating node of `validator`'s chain (same genesis, the validator as its
   * persistent peer) that joins by state sync from the validator's snapshots, trusting the
   * block at `trust`. Call start() to run it.
   */
  static async joining(validator: Devnet, trust: { height: number; hash: string }): Promise<Devnet> {
    const node = await Devnet.init("agora-local-1");
    copyFileSync(join(validator.home, "config", "genesis.json"), join(node.home, "config", "genesis.json"));
    node.setConfig("p2p", "persistent_peers", `${await validator.nodeId()}@127.0.0.1:${validator.ports.p2p}`);
    node.setConfig("statesync", "enable", true);
    node.setConfig("statesync", "rpc_servers", `${validator.rpc},${validator.rpc}`);
    node.setConfig("statesync", "trust_height", trust.height);
    node.setConfig("statesync", "trust_hash", trust.hash);
    node.setConfig("statesync", "trust_period", "168h0m0s");
    // CometBFT's shortest: discovering snapshots for a while before offering one.
    node.setConfig("statesync", "discovery_time", "5s");
    // It catches up with the blocks made meanwhile through consensus, one block per commit
    // timeout: shorter than the validator's, or it would never catch up.
    node.setConfig("consensus", "timeout_commit", "10ms");
    return node;
  }

  /**
   * A second, non-validating full node of `validator`'s chain that replays every block from
   * genesis (the validator as its persistent peer). Call start() after the validator's.
   */
  static async following(validator: Devnet): Promise<Devnet> {
    const genesis = JSON.parse(readFileSync(join(validator.home, "config", "genesis.json"), "utf8")) as { chain_id: string };
    const node = await Devnet.init(genesis.chain_id);
    copyFileSync(join(validator.home, "config", "genesis.json"), join(node.home, "config", "genesis.json"));
    node.setConfig("p2p", "persistent_peers", `${await validator.nodeId()}@127.0.0.1:${validator.ports.p2p}`);
    return node;
  }

  /** Changes the genesis app state before the chain starts, e.g. shorter governance periods. */
  editGenesis(edit: (appState: Record<string, any>) => void): void {
    const path = join(this.home, "config", "genesis.json");
    const genesis = JSON.parse(readFileSync(path, "utf8")) as { app_state: Record<string, any> };
    edit(genesis.app_state);
    writeFileSync(path, JSON.stringify(genesis, null, 2));
  }

  /** `agorad init` in a new temporary home, on free local ports, blocks every 300 ms, peers on localhost allowed. */
  private static async init(chainId: string): Promise<Devnet> {
    const home = mkdtempSync(join(tmpdir(), "agora-devnet-"));
    const ports = { rpc: await freePort(), p2p: await freePort(), abci: await freePort(), rest: await freePort(), grpc: await freePort() };
    await agoradCli(home, ["init", "e2e", "--chain-id", chainId]);
    const devnet = new Devnet(home, ports);
    devnet.setConfig("", "proxy_app", `tcp://127.0.0.1:${ports.abci}`);
    devnet.setConfig("rpc", "laddr", `tcp://127.0.0.1:${ports.rpc}`);
    devnet.setConfig("p2p", "laddr", `tcp://127.0.0.1:${ports.p2p}`);
    devnet.setConfig("p2p", "addr_book_strict", false);
    devnet.setConfig("p2p", "allow_duplicate_ip", true);
    devnet.setConfig("consensus", "timeout_commit", "300ms");
    devnet.setAppConfig("api", "address", `tcp://127.0.0.1:${ports.rest}`);
    devnet.setAppConfig("grpc", "address", devnet.grpc);
    return devnet;
  }

  /** Changes the genesis' app_state before start, e.g. short governance periods. */
  editAppState(edit: (appState: Record<string, Record<string, unknown>>) => void): void {
    const path = join(this.home, "config", "genesis.json");
    const genesis = JSON.parse(readFileSync(path, "utf8")) as { app_state: Record<string, Record<string, unknown>> };
    edit(genesis.app_state);
    writeFileSync(path, JSON.stringify(genesis, null, 2));
  }

  /** Sets one CometBFT setting in config.toml (before start). */
  setConfig(section: string, key: string, value: string | number | boolean): void {
    const path = join(this.home, "config", "config.toml");
    writeFileSync(path, setTomlValue(readFileSync(path, "utf8"), section, key, value));
  }

  /** Sets one app setting in app.toml (before start), e.g. ("state-sync", "snapshot-interval", 5). */
  setAppConfig(section: string, key: string, value: string | number | boolean): void {
    const path = join(this.home, "config", "app.toml");
    writeFileSync(path, setTomlValue(readFileSync(path, "utf8"), section, key, value));
  }

  /** The CometBFT node id, as peers name it in persistent_peers. */
  async nodeId(): Promise<string> {
    const { stdout } = await run(cometbftBinary(), ["show-node-id", "--home", this.home], { encoding: "utf8" });
    return stdout.trim();
  }

  /** A CometBFT RPC call's `result`, e.g. rpcResult("status"), rpcResult("block?height=5"). */
  async rpcResult<T = Record<string, unknown>>(path: string): Promise<T> {
    const res = await fetch(`${this.rpc}/${path}`);
    const body = (await res.json()) as { result?: T; error?: unknown };
    if (!body.result) throw new Error(`RPC ${path} failed: ${JSON.stringify(body.error)}`);
    return body.result;
  }

  /** Starts `agorad start` (which spawns CometBFT, with `args` added) and waits for the first blocks. */
  async start(args: string[] = []): Promise<void> {
    this.launch(args);
    // Two new blocks after the node first answers: the app is past its handshake and producing.
    const first = await this.waitForHeight(1);
    await this.waitForHeight(first + 2);
  }

  /** Starts `agorad start` with `args` added, without waiting for blocks (a node expected to stop by itself). */
  launch(args: string[] = []): void {
    const log = createWriteStream(join(this.home, "node.log"), { flags: "a" });
    const node = spawn(process.execPath, [agorad, "--home", this.home, "start", "--log-level", "warn", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    node.stdout!.pipe(log);
    node.stderr!.pipe(log);
    this.node = node;
  }

  async height(): Promise<number> {
    const res = await fetch(`${this.rpc}/status`);
    const body = (await res.json()) as { result: { sync_info: { latest_block_height: string } } };
    return Number(body.result.sync_info.latest_block_height);
  }

  async waitForHeight(target: number, timeoutMs = 60_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const h = await this.height().catch(() => 0);
      if (h >= target) return h;
      if (Date.now() > deadline) throw new Error(`devnet did not reach height ${target} in ${timeoutMs} ms; see ${this.home}/node.log`);
      if (this.node?.exitCode !== null && this.node?.exitCode !== undefined) {
        throw new Error(`agorad exited with ${this.node.exitCode}; see ${this.home}/node.log:\n${readFileSync(join(this.home, "node.log"), "utf8").slice(-2000)}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Waits for agorad to end by itself; returns its exit code and its log. */
  async waitForExit(timeoutMs = 60_000): Promise<{ code: number | null; log: string }> {
    const node = this.node!;
    if (node.exitCode === null && node.signalCode === null) {
      const exited = new Promise((r) => node.once("exit", r));
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`agorad did not exit in ${timeoutMs} ms; see ${this.home}/node.log`)), timeoutMs).unref());
      await Promise.race([exited, timeout]);
    }
    await this.waitForRpcDown();
    return { code: node.exitCode, log: readFileSync(join(this.home, "node.log"), "utf8") };
  }

  /** kill -9 of agorad alone; CometBFT stops on losing its app and is waited for. */
  async crashApp(): Promise<void> {
    const node = this.node!;
    const exited = new Promise((r) => node.once("exit", r));
    node.kill("SIGKILL");
    await exited;
    await this.waitForRpcDown();
  }

  /** Graceful stop of agorad and its CometBFT. */
  async stop(): Promise<void> {
    const node = this.node;
    if (!node || node.exitCode !== null || node.signalCode !== null) return;
    const exited = new Promise((r) => node.once("exit", r));
    process.kill(-node.pid!, "SIGTERM");
    await exited;
    await this.waitForRpcDown();
  }

  /** Stops the node and removes its home. */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.home, { recursive: true, force: true });
  }

  private async waitForRpcDown(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const up = await fetch(`${this.rpc}/health`).then(() => true, () => false);
      if (!up) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    // CometBFT did not stop on its own: end the whole process group.
    try {
      process.kill(-this.node!.pid!, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
}
