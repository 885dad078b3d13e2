/**
 * A Redis server of one test's own, on a free port, that the test may kill and start again: the
 * shared server (`scripts/services.sh`) serves other test files at the same time and must never
 * be stopped. No persistence: a restarted server starts empty, as a lost cache would.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createConnection } from "node:net";
import { freePort } from "./ports.js";

export interface OwnRedis {
  port: number;
  url: string;
  /** kill -9; resolves when the process is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port; resolves when it answers PING. */
  start(): Promise<void>;
  /** Kills it for good (call it from the test file's after()). */
  destroy(): Promise<void>;
}

/** Starts a new server; destroy() kills it, and so does the test process's exit should it come first. */
export async function startOwnRedis(): Promise<OwnRedis> {
  if (spawnSync("redis-server", ["--version"]).error) {
    throw new Error("redis-server is not installed; install it with `scripts/services.sh start`");
  }
  const port = await freePort();
  let server: ChildProcess | undefined;
  let output = "";
  const kill = async () => {
    const current = server;
    server = undefined;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise((resolve) => current.once("exit", resolve));
    current.kill("SIGKILL");
    await exited;
  };
  const start = async () => {
    output = "";
    server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await waitForPong(port, () => (server && server.exitCode !== null ? `redis-server exited: ${output.slice(-1000)}` : undefined));
  };
  const killAtExit = () => server?.kill("SIGKILL");
  process.once("exit", killAtExit);
  const destroy = async () => {
    await kill();
    process.removeListener("exit", killAtExit);
  };
  try {
    await start();
  } catch (err) {
    await destroy();
    throw err;
  }
  return { port, url: `redis://127.0.0.1:${port}`, kill, start, destroy };
}

async function waitForPong(port: number, failure: () => string | undefined, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await ping(port)) return;
    const why = failure();
    if (why) throw new Error(why);
    if (Date.now() > deadline) throw new Error(`own Redis on port ${port} did not answer PING in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.setTimeout(1000, () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
  });
}
