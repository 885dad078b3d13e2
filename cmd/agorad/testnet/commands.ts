/**
 * `agorad testnet`: a multi-validator network on loopback. `init-files` writes the homes,
 * `start` runs every node in the foreground until interrupted, `stop` stops one left running,
 * `node <action> <n>` stops, kills, pauses, resumes or restarts one node, `add-node` adds a
 * node that joins the chain.
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import { DEFAULT_CHAIN_ID } from "../../../app/constants.js";
import { CliError, globalOptions, printResult } from "../cli.js";
import { addNode, initFiles, readLayout } from "./init-files.js";
import { DEFAULT_STARTING_PORT, logFile, NODE_PROCESSES, nodeHome, type LocalnetLayout, type NodeProcess } from "./layout.js";
import { killNode, runningPid, signalNode, startNode, stopNode } from "./processes.js";

const DEFAULT_DIR = ".localnet";
const NODE_ACTIONS = ["start", "stop", "kill", "pause", "resume", "restart"] as const;
type NodeAction = (typeof NODE_ACTIONS)[number];

export function registerTestnetCommands(program: Command): void {
  const testnet = program.command("testnet").description("a multi-validator localnet on loopback (devnets only)");
  testnet
    .command("init-files")
    .description("write the homes of a localnet: one per validator, a shared genesis, peers wired")
    .option("--validators <n>", "how many validators", "4")
    .option("--output-dir <dir>", "where the node homes go", DEFAULT_DIR)
    .option("--chain-id <id>", "chain id of the genesis", DEFAULT_CHAIN_ID)
    .option("--starting-port <port>", "node0's p2p port; every port of every node shifts with it", String(DEFAULT_STARTING_PORT))
    .action(async (opts: { validators: string; outputDir: string; chainId: string; startingPort: string }, command: Command) => {
      const dir = resolve(opts.outputDir);
      const layout = await initFiles({ dir, validators: wholeNumber(opts.validators, "--validators"), chainId: opts.chainId, startingPort: wholeNumber(opts.startingPort, "--starting-port") });
      printResult(globalOptions(command), { dir, ...layout }, `${describe(dir, layout)}\nstart it with: agorad testnet start --output-dir ${dir}`);
    });
  testnet
    .command("add-node")
    .description("add a non-validating node home that joins the chain from the validators (start it with `node start <n>`)")
    .option("--output-dir <dir>", "the localnet's directory", DEFAULT_DIR)
    .action((opts: { outputDir: string }, command: Command) => {
      const dir = resolve(opts.outputDir);
      const { layout, index } = addNode(dir);
      printResult(globalOptions(command), { dir, index, node: layout.nodes[index] }, `added ${nodeHome(dir, index)}; start it with: agorad testnet node start ${index} --output-dir ${dir}`);
    });
  testnet
    .command("start")
    .description("run every node of the localnet in the foreground; Ctrl-C stops them all")
    .option("--output-dir <dir>", "the localnet's directory", DEFAULT_DIR)
    .action(async (opts: { outputDir: string }) => {
      await runInForeground(resolve(opts.outputDir));
    });
  testnet
    .command("stop")
    .description("stop every node of a localnet left running")
    .option("--output-dir <dir>", "the localnet's directory", DEFAULT_DIR)
    .action(async (opts: { outputDir: string }, command: Command) => {
      const dir = resolve(opts.outputDir);
      const stopped = await stopAll(dir, readLayout(dir));
      printResult(globalOptions(command), { stopped }, stopped.length ? `stopped ${stopped.join(", ")}` : "no node was running");
    });
  testnet
    .command("node <action> <n>")
    .description(`one node: ${NODE_ACTIONS.join(", ")} (SIGTERM, SIGKILL, SIGSTOP, SIGCONT of its agorad and its CometBFT)`)
    .option("--output-dir <dir>", "the localnet's directory", DEFAULT_DIR)
    .option("--only <process>", "act on its app (agorad) or its CometBFT node alone: app or comet")
    .action(async (action: string, n: string, opts: { outputDir: string; only?: string }, command: Command) => {
      const dir = resolve(opts.outputDir);
      const layout = readLayout(dir);
      const index = wholeNumber(n, "<n>");
      if (index >= layout.nodes.length) throw new CliError(`no node${index} in ${dir}: it has node0..node${layout.nodes.length - 1}`);
      if (!(NODE_ACTIONS as readonly string[]).includes(action)) throw new CliError(`unknown action "${action}": use one of ${NODE_ACTIONS.join(", ")}`);
      if (opts.only !== undefined && !(NODE_PROCESSES as readonly string[]).includes(opts.only)) throw new CliError(`--only must be app or comet, got "${opts.only}"`);
      const which = opts.only ? [opts.only as NodeProcess] : NODE_PROCESSES;
      const done = await nodeAction(dir, layout, index, action as NodeAction, which);
      printResult(globalOptions(command), { node: index, action, processes: done }, `node${index}: ${action} ${done.length ? done.join(" and ") : "(nothing to do)"}`);
    });
}

export async function nodeAction(dir: string, layout: LocalnetLayout, index: number, action: NodeAction, which: readonly NodeProcess[]): Promise<NodeProcess[]> {
  const home = nodeHome(dir, index);
  const ports = layout.nodes[index]!.ports;
  switch (action) {
    case "start":
      return startNode(home, ports);
    case "stop":
      return stopNode(home, which);
    case "kill":
      return killNode(home, which);
    case "pause":
      return signalNode(home, "SIGSTOP", which);
    case "resume":
      return signalNode(home, "SIGCONT", which);
    case "restart":
      await stopNode(home, which);
      return startNode(home, ports);
  }
}

/** Starts every node, then waits; SIGINT or SIGTERM stops every node (also any restarted by the node script). */
async function runInForeground(dir: string): Promise<void> {
  const layout = readLayout(dir);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write("stopping the localnet...\n");
    await stopAll(dir, layout);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  try {
    for (let i = 0; i < layout.nodes.length && !stopping; i++) await startNode(nodeHome(dir, i), layout.nodes[i]!.ports);
  } catch (err) {
    await stopAll(dir, layout);
    throw err;
  }
  process.stdout.write(`${describe(dir, layout)}\nrunning; Ctrl-C stops every node (or \`agorad testnet stop --output-dir ${dir}\` from elsewhere)\n`);
  // Report a node's process that ends (a crash, or the node script), so the foreground shows it.
  let last = "";
  setInterval(() => {
    const down = layout.nodes.flatMap((node, i) => NODE_PROCESSES.filter((p) => runningPid(nodeHome(dir, i), p) === undefined).map((p) => `${node.name} ${p === "app" ? "agorad" : "CometBFT"}`));
    const now = down.length ? `not running: ${down.join(", ")}` : "every node running";
    if (now !== last && !stopping) process.stdout.write(`${now}\n`);
    last = now;
  }, 2000);
}

async function stopAll(dir: string, layout: LocalnetLayout): Promise<string[]> {
  const stopped: string[] = [];
  for (let i = 0; i < layout.nodes.length; i++) {
    if ((await stopNode(nodeHome(dir, i))).length) stopped.push(layout.nodes[i]!.name);
  }
  return stopped;
}

function describe(dir: string, layout: LocalnetLayout): string {
  const rows = layout.nodes.map((node) => {
    const p = node.ports;
    return `${node.name.padEnd(6)} ${String(p.rpc).padEnd(6)} ${String(p.p2p).padEnd(6)} ${String(p.abci).padEnd(6)} ${String(p.rest).padEnd(6)} ${String(p.grpc).padEnd(6)} ${node.validator ? "validator" : "full node"}`;
  });
  const logs = `logs: ${logFile(nodeHome(dir, 0), "app")}, ${logFile(nodeHome(dir, 0), "comet")}, and so on for each node`;
  return [`localnet ${layout.chain_id} in ${dir}`, "node   RPC    p2p    ABCI   REST   gRPC", ...rows, logs].join("\n");
}

function wholeNumber(text: string, flag: string): number {
  if (!/^\d{1,6}$/.test(text)) throw new CliError(`${flag} must be a whole number, got "${text}"`);
  return Number(text);
}
