/**
 * A PostgreSQL server of one test's own, on a free port in a temp dir, that the test may crash and
 * start again: the shared server (`scripts/services.sh`) serves other test files at the same time
 * and must never be stopped. Uses the newest installed /usr/lib/postgresql/<version>/bin. As root
 * (CI) the server runs as the `postgres` user: PostgreSQL refuses to run as root.
 */
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "./ports.js";

const run = promisify(execFile);
const PG_ROOT = "/usr/lib/postgresql";

export interface OwnPostgres {
  port: number;
  /** The superuser's URL of the `postgres` database (trust authentication on 127.0.0.1). */
  url: string;
  /** Stops it as a crash would (immediate shutdown: no checkpoint, clients cut off). */
  crash(): Promise<void>;
  /** Starts it again on the same port and data; resolves when it accepts connections. */
  start(): Promise<void>;
  /** Stops it and removes its dir (call it from the test file's after()). */
  destroy(): Promise<void>;
}

/**
 * Initializes and starts a new server. destroy() stops it and removes its dir; should the test
 * process end first (a failed test, an uncaught error), it is stopped at exit all the same.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = newestBinDir();
  const dir = mkdtempSync(join(tmpdir(), "agora-own-pg-"));
  const data = join(dir, "data");
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  // As root, every PostgreSQL program runs as `postgres`; otherwise as ourselves.
  const pg = (program: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", join(bin, program), ...args]) : run(join(bin, program), args);
  const settings = [`-p ${port}`, "-c listen_addresses=127.0.0.1", `-c unix_socket_directories=${dir}`, "-c fsync=off", "-c shared_buffers=16MB", "-c max_connections=40"];

  let running = false;
  const start = async () => {
    await pg("pg_ctl", ["-D", data, "-l", join(dir, "postgres.log"), "-w", "-t", "30", "-o", settings.join(" "), "start"]).catch((err: { stderr?: string }) => {
      throw new Error(`own PostgreSQL did not start: ${err.stderr ?? err}\n${logTail(dir)}`);
    });
    running = true;
  };
  const crash = async () => {
    running = false;
    await pg("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
  };
  const killAtExit = () => {
    if (running) killPostmaster(data);
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      /* the server may still be writing as it shuts down; the dir is under tmp */
    }
  };
  process.once("exit", killAtExit);
  const destroy = async () => {
    if (running) await crash().catch(() => killPostmaster(data));
    process.removeListener("exit", killAtExit);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await pg("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]).catch((err: { stderr?: string }) => {
      throw new Error(`initdb of own PostgreSQL failed: ${err.stderr ?? err}`);
    });
    await start();
  } catch (err) {
    await destroy();
    throw err;
  }
  return { port, url: `postgres://postgres@127.0.0.1:${port}/postgres`, crash, start, destroy };
}

function newestBinDir(): string {
  const versions = existsSync(PG_ROOT) ? readdirSync(PG_ROOT).filter((v) => existsSync(join(PG_ROOT, v, "bin", "pg_ctl"))) : [];
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
  if (!newest) throw new Error(`no PostgreSQL binaries under ${PG_ROOT}; install them with \`scripts/services.sh start\``);
  return join(PG_ROOT, newest, "bin");
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith("postgres:"));
  if (!line) throw new Error("running as root needs the `postgres` user to run PostgreSQL; `scripts/services.sh start` installs it");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

/** SIGQUIT to the postmaster (its immediate shutdown; it ends its backends itself). */
function killPostmaster(data: string): void {
  try {
    const pid = Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
    if (pid > 0) process.kill(pid, "SIGQUIT");
  } catch {
    /* not running */
  }
}

function logTail(dir: string): string {
  try {
    return readFileSync(join(dir, "postgres.log"), "utf8").slice(-2000);
  } catch {
    return "";
  }
}
