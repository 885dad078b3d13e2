/** Test helpers: throwaway home directories and running the built `agorad` binary. */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ABANDON_MNEMONIC =
  "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

/** Where the compiled CLI entry point sits relative to this file in dist/. */
const MAIN = fileURLToPath(new URL("../main.js", import.meta.url));

const homes: string[] = [];
process.on("exit", () => homes.forEach((h) => rmSync(h, { recursive: true, force: true })));

/** A fresh home directory, removed when the test process exits. */
export function tmpHome(): string {
  const home = mkdtempSync(join(tmpdir(), "agorad-keys-test-"));
  homes.push(home);
  return home;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  input?: string;
  env?: Record<string, string>;
}

/** Runs `node dist/cmd/agorad/main.js ...args` with a clean keyring environment. */
export function runCli(args: string[], opts: CliOptions = {}): CliRun {
  const res = spawnSync(process.execPath, [MAIN, ...args], { input: opts.input ?? "", env: cliEnv(opts), encoding: "utf8", timeout: 60_000 });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** Like runCli, without blocking this process's event loop (for servers living in the test). */
export async function runCliAsync(args: string[], opts: CliOptions = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [MAIN, ...args], { env: cliEnv(opts) });
  child.stdin.end(opts.input ?? "");
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { status, stdout, stderr };
}

function cliEnv(opts: CliOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  for (const k of ["AGORA_KEYRING_PASSPHRASE", "AGORA_KEYRING_BACKEND", "AGORA_HOME"]) if (!opts.env?.[k]) delete env[k];
  return env;
}

/** Lines of a stream, without the trailing empty one. */
export function lines(text: string): string[] {
  return text.split("\n").filter((l, i, all) => l !== "" || i < all.length - 1);
}
