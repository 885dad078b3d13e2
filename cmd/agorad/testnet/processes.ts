/**
 * A localnet node's two processes: its app (`agorad start --no-comet`) and its CometBFT node,
 * started apart so that either can be stopped, killed, paused or restarted alone. Each runs in its
 * own process group, detached, with its pid in the node's home: whoever stops the localnet later
 * (`testnet stop`, the node script, a test's cleanup) finds it there.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CliError } from "../cli.js";
import { cometbftBinary } from "../node/cometbft.js";
import { logFile, NODE_PROCESSES, pidFile, type NodePorts, type NodeProcess } from "./layout.js";

const agoradMain = join(dirname(fileURLToPath(import.meta.url)), "..", "main.js");
const COMET_LOG_LEVEL = "main:info,state:info,*:error";

/** The pid of the node's `which` process if it is running (as its pid file says), else undefined. */
export function runningPid(home: string, which: NodeProcess): number | undefined {
  const path = pidFile(home, which);
  if (!existsSync(path)) return undefined;
  const pid = Number(readFileSync(path, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 && isNodeProcess(pid, home) ? pid : undefined;
}

/**
 * Starts whichever of the node's processes is not running: the app first, waiting until it
 * accepts ABCI connections, then CometBFT (which would otherwise retry its connection every 3 s).
 */
export async function startNode(home: string, ports: NodePorts, timeoutMs = 60_000): Promise<NodeProcess[]> {
  const started: NodeProcess[] = [];
  if (runningPid(home, "app") === undefined) {
    const pid = launch(home, "app", process.execPath, [agoradMain, "--home", home, "start", "--no-comet", "--log-level", "info"]);
    started.push("app");
    await waitForAbci(home, pid, ports.abci, timeoutMs);
  }
  if (runningPid(home, "comet") === undefined) {
    launch(home, "comet", cometbftBinary(), ["start", "--home", home, "--log_level", COMET_LOG_LEVEL]);
    started.push("comet");
  }
  return started;
}

/**
 * Stops the node's processes gracefully (SIGTERM; SIGKILL after `timeoutMs`), CometBFT first so
 * that it does not see its app go away. Returns the ones that were running.
 */
export async function stopNode(home: string, which: readonly NodeProcess[] = NODE_PROCESSES, timeoutMs = 20_000): Promise<NodeProcess[]> {
  const stopped: NodeProcess[] = [];
  for (const name of ["comet", "app"] as const) {
    if (!which.includes(name)) continue;
    const pid = runningPid(home, name);
    if (pid === undefined) continue;
    signalGroup(pid, "SIGTERM");
    // A paused process would hold the SIGTERM until resumed.
    signalGroup(pid, "SIGCONT");
    if (!(await exited(pid, timeoutMs))) {
      signalGroup(pid, "SIGKILL");
      await exited(pid, timeoutMs);
    }
    rmSync(pidFile(home, name), { force: true });
    stopped.push(name);
  }
  return stopped;
}

/** kill -9 of the node's processes (a crash); waits until they are gone. Returns the ones that were running. */
export async function killNode(home: string, which: readonly NodeProcess[] = NODE_PROCESSES): Promise<NodeProcess[]> {
  // Both signalled before either is waited for: CometBFT would exit by itself on losing its app.
  const running = which.flatMap((name) => {
    const pid = runningPid(home, name);
    return pid === undefined ? [] : [{ name, pid }];
  });
  for (const { pid } of running) signalGroup(pid, "SIGKILL");
  for (const { name, pid } of running) {
    await exited(pid, 20_000);
    rmSync(pidFile(home, name), { force: true });
  }
  return running.map((r) => r.name);
}

/** SIGSTOP (pause) or SIGCONT (resume) of the node's processes. Returns the ones signalled. */
export function signalNode(home: string, signal: "SIGSTOP" | "SIGCONT", which: readonly NodeProcess[] = NODE_PROCESSES): NodeProcess[] {
  const signalled: NodeProcess[] = [];
  for (const name of which) {
    const pid = runningPid(home, name);
    if (pid === undefined) continue;
    signalGroup(pid, signal);
    signalled.push(name);
  }
  return signalled;
}

/** SIGKILL of every process the homes' pid files name, without waiting: for a test's exit handler. */
export function killNowSync(homes: string[]): void {
  for (const home of homes) {
    for (const name of NODE_PROCESSES) {
      const pid = runningPid(home, name);
      if (pid !== undefined) signalGroup(pid, "SIGKILL");
    }
  }
}

function launch(home: string, which: NodeProcess, command: string, args: string[]): number {
  const log = openSync(logFile(home, which), "a");
  try {
    const child = spawn(command, args, { detached: true, stdio: ["ignore", log, log] });
    if (child.pid === undefined) throw new CliError(`cannot start ${command}: see ${logFile(home, which)}`);
    child.unref();
    writeFileSync(pidFile(home, which), `${child.pid}\n`);
    return child.pid;
  } finally {
    closeSync(log);
  }
}

async function waitForAbci(home: string, pid: number, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await accepts(port))) {
    if (!isNodeProcess(pid, home)) {
      const tail = readFileSync(logFile(home, "app"), "utf8").trim().split("\n").slice(-3).join("\n");
      throw new CliError(`the app of ${home} exited while starting; see ${logFile(home, "app")}:\n${tail}`);
    }
    if (Date.now() > deadline) throw new CliError(`the app of ${home} did not listen for ABCI on ${port} in ${timeoutMs} ms; see ${logFile(home, "app")}`);
    await sleep(100);
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** The pid is alive (not a zombie) and, where /proc tells, runs with this home. A pid file may be stale. */
function isNodeProcess(pid: number, home: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const proc = `/proc/${pid}`;
  if (!existsSync(proc)) return true;
  try {
    const state = /\)\s+(\S)/.exec(readFileSync(join(proc, "stat"), "utf8"))?.[1];
    if (state === "Z" || state === "X") return false;
    return readFileSync(join(proc, "cmdline"), "utf8").split("\0").includes(home);
  } catch {
    return false;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

async function exited(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      process.kill(pid, 0);
      const stat = `/proc/${pid}/stat`;
      if (existsSync(stat) && /\)\s+[ZX]/.test(readFileSync(stat, "utf8"))) return true;
    } catch {
      return true;
    }
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
