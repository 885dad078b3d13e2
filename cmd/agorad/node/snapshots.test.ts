import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { snapshotsPath } from "../../../app/app.js";
import { genesisState, TestChain } from "../../../test/support/chain.js";
import { testAccount } from "../../../test/support/signing.js";
import { tempDirs } from "../../../test/support/temp-dirs.js";
import { readAppConfig, snapshotSettings } from "./home.js";
import { setTomlValue } from "./toml.js";

const main = join(dirname(fileURLToPath(import.meta.url)), "..", "main.js");
const newHome = tempDirs("agora-snapcli-");

/** A home made by `agorad init`, as an operator has one. */
async function initHome(): Promise<string> {
  const home = newHome();
  const r = await agorad(home, "init", "node0", "--chain-id", "agora-test-1");
  assert.equal(r.code, 0, r.stderr);
  return home;
}

/** Runs agorad; asynchronous, so a server in this process can answer it meanwhile. */
function agorad(home: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main, "--home", home, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function expectOneLineError(r: { code: number | null; stderr: string }, pattern: RegExp) {
  assert.equal(r.code, 1);
  const lines = r.stderr.trim().split("\n");
  assert.equal(lines.length, 1, `expected one error line, got:\n${r.stderr}`);
  assert.match(lines[0]!, pattern);
}

/** A home whose app has committed `blocks` blocks over a funded genesis; returns its app hash. */
async function homeWithState(blocks: number): Promise<{ home: string; appHash: string; address: string }> {
  const home = await initHome();
  const alice = await testAccount(1);
  const chain = TestChain.open(home);
  chain.initChain(genesisState([{ address: alice.address, amount: 777n }]));
  for (let i = 0; i < blocks; i++) chain.block([]);
  const appHash = Buffer.from(chain.app.base.info().lastBlockAppHash).toString("hex").toUpperCase();
  await chain.close();
  return { home, appHash, address: alice.address };
}

test("snapshots export, list, restore into an empty home and delete, as an operator runs them", async () => {
  const { home, appHash, address } = await homeWithState(4);
  assert.match((await agorad(home, "snapshots", "list")).stdout, /^no snapshots in /);

  const exported = await agorad(home, "snapshots", "export", "-o", "json");
  assert.equal(exported.code, 0, exported.stderr);
  const snapshot = JSON.parse(exported.stdout);
  assert.equal(snapshot.height, "4");
  assert.equal(snapshot.format, 1);
  assert.match(snapshot.hash, /^[0-9A-F]{64}$/);

  const listed = await agorad(home, "snapshots", "list", "-o", "json");
  assert.deepEqual(JSON.parse(listed.stdout), [snapshot]);
  const text = await agorad(home, "snapshots", "list");
  assert.match(text.stdout, new RegExp(`^height\\s+format\\s+chunks\\s+hash\\n4\\s+1\\s+${snapshot.chunks}\\s+${snapshot.hash}$`, "m"));
  expectOneLineError(await agorad(home, "snapshots", "export"), /a snapshot of height 4 in format 1 already exists/);

  // An operator copies the snapshot into a new home and restores from it.
  const fresh = await initHome();
  mkdirSync(snapshotsPath(fresh), { recursive: true });
  cpSync(join(snapshotsPath(home), "4-1"), join(snapshotsPath(fresh), "4-1"), { recursive: true });
  const restored = await agorad(fresh, "snapshots", "restore", "4", "1", "-o", "json");
  assert.equal(restored.code, 0, restored.stderr);
  assert.deepEqual(JSON.parse(restored.stdout), { height: "4", format: 1, app_hash: appHash });
  const chain = TestChain.open(fresh);
  assert.equal(chain.app.base.info().lastBlockHeight, 4n);
  assert.equal(Buffer.from(chain.app.base.info().lastBlockAppHash).toString("hex").toUpperCase(), appHash);
  assert.equal(chain.balance(address), 777n);
  await chain.close();
  expectOneLineError(await agorad(fresh, "snapshots", "restore", "4", "1"), /already has state at height 4: restore into a home without app state/);

  const deleted = await agorad(home, "snapshots", "delete", "4", "1");
  assert.equal(deleted.code, 0, deleted.stderr);
  assert.match(deleted.stdout, /deleted the snapshot of height 4 \(format 1\)/);
  assert.deepEqual(readdirSync(snapshotsPath(home)), []);
  expectOneLineError(await agorad(home, "snapshots", "delete", "4", "1"), /no snapshot of height 4 in format 1 in .*: see `agorad snapshots list`/);
});

test("snapshots commands refuse a running node, a missing or corrupt snapshot and bad arguments in one line", async () => {
  const { home } = await homeWithState(2);
  expectOneLineError(await agorad(home, "snapshots", "restore", "9", "1"), /no snapshot of height 9 in format 1/);
  expectOneLineError(await agorad(home, "snapshots", "restore", "0", "1"), /snapshot height must be a positive whole number, got "0"/);
  expectOneLineError(await agorad(home, "snapshots", "delete", "3", "x"), /snapshot format must be a whole number, got "x"/);
  expectOneLineError(await agorad(await initHome(), "snapshots", "export"), /no application state at .*: the node has not run yet/);

  // A node listening on the home's ABCI address is running: export would read under its feet.
  const abci = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => abci.listen(0, "127.0.0.1", resolve));
  const port = (abci.address() as { port: number }).port;
  const config = join(home, "config", "config.toml");
  const original = readFileSync(config, "utf8");
  writeFileSync(config, setTomlValue(original, "", "proxy_app", `tcp://127.0.0.1:${port}`));
  expectOneLineError(await agorad(home, "snapshots", "export"), /the node is running \(its ABCI address tcp:\/\/127\.0\.0\.1:\d+ answers\): stop it before exporting a snapshot/);
  await new Promise((resolve) => abci.close(resolve));
  assert.equal((await agorad(home, "snapshots", "export")).code, 0);

  // A chunk damaged on disk: restore names it and leaves the app database empty.
  const chunk = join(snapshotsPath(home), "2-1", "0");
  writeFileSync(chunk, "damaged");
  const fresh = await initHome();
  mkdirSync(snapshotsPath(fresh), { recursive: true });
  cpSync(join(snapshotsPath(home), "2-1"), join(snapshotsPath(fresh), "2-1"), { recursive: true });
  expectOneLineError(await agorad(fresh, "snapshots", "restore", "2", "1"), /chunk 0 of the snapshot of height 2 is missing or corrupt/);
  const chain = TestChain.open(fresh);
  assert.equal(chain.app.base.info().lastBlockHeight, 0n);
  await chain.close();
});

test("init writes the [state-sync] settings with snapshots off, an operator's edits are read, and start refuses a bad value in one line", async () => {
  const home = newHome();
  assert.equal((await agorad(home, "init", "node0")).code, 0);
  const appToml = join(home, "config", "app.toml");
  const toml = readFileSync(appToml, "utf8");
  assert.match(toml, /^\[state-sync\]$/m);
  assert.match(toml, /^snapshot-interval = 0$/m);
  assert.match(toml, /^snapshot-keep-recent = 2$/m);
  assert.deepEqual(snapshotSettings(readAppConfig(home)), { interval: 0, keepRecent: 2 });

  writeFileSync(appToml, toml.replace("snapshot-interval = 0", "snapshot-interval = 500  # every 500 blocks").replace("snapshot-keep-recent = 2", "  snapshot-keep-recent=5"));
  assert.equal(readAppConfig(home)["minimum-gas-prices"], "0.0025uagora", "top-level settings read as before");
  assert.deepEqual(snapshotSettings(readAppConfig(home)), { interval: 500, keepRecent: 5 });
  writeFileSync(join(home, "config", "app.toml"), toml.replace("snapshot-interval = 0", "snapshot-interval = often"));
  expectOneLineError(await agorad(home, "start", "--no-comet"), /app\.toml \[state-sync\] snapshot-interval must be a whole number of blocks between snapshots \(0: none\), got "often"/);
});
