import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { tempDirs } from "../../../test/support/temp-dirs.js";
import { freePort } from "../../../test/support/ports.js";
import { readAppConfig } from "./home.js";
import { getTomlValue } from "./toml.js";

const newHome = tempDirs("agora-node-");
const main = join(dirname(fileURLToPath(import.meta.url)), "..", "main.js");

function agorad(home: string, ...args: string[]) {
  // A node that starts when it should have refused is ended rather than left to hang the suite.
  const r = spawnSync(process.execPath, [main, "--home", home, ...args], { encoding: "utf8", timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectOneLineError(r: { code: number | null; stderr: string }, pattern: RegExp) {
  assert.equal(r.code, 1);
  const lines = r.stderr.trim().split("\n");
  assert.equal(lines.length, 1, `expected one error line, got:\n${r.stderr}`);
  assert.match(lines[0]!, pattern);
}

test("init writes a genesis with the chain id and every module's defaults, and CometBFT config pointing at the app", () => {
  const home = newHome();
  const r = agorad(home, "init", "node0", "--chain-id", "agora-test-7", "-o", "json");
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { moniker: "node0", chain_id: "agora-test-7", home });
  const genesis = JSON.parse(readFileSync(join(home, "config", "genesis.json"), "utf8"));
  assert.equal(genesis.chain_id, "agora-test-7");
  assert.deepEqual(Object.keys(genesis.app_state).sort(), ["auth", "bank", "circuit", "commerce", "distribution", "evidence", "genutil", "governance", "roles", "slashing", "social", "staking", "upgrade"]);
  assert.deepEqual(genesis.app_state.upgrade, { plan: null, done: [] });
  assert.equal(genesis.app_state.auth.params.max_memo_characters, "256");
  const config = readFileSync(join(home, "config", "config.toml"), "utf8");
  assert.equal(getTomlValue(config, "", "proxy_app"), "tcp://127.0.0.1:26658");
  assert.equal(getTomlValue(config, "", "moniker"), "node0");
  assert.equal(getTomlValue(config, "tx_index", "indexer"), "kv");
  assert.match(readFileSync(join(home, "config", "app.toml"), "utf8"), /minimum-gas-prices = "0.0025uagora"/);

  expectOneLineError(agorad(home, "init", "node0"), /genesis.json already exists: pass --overwrite/);
});

test("add-genesis-account funds an address once and names bad input in one line", () => {
  const home = newHome();
  assert.equal(agorad(home, "init", "node0").code, 0);
  const address = "agora19rl4cm2hmr8afy4kldpxz3fka4jguq0aemhkp7";
  const r = agorad(home, "genesis", "add-genesis-account", address, "5000uagora,7ustake", "-o", "json");
  assert.equal(r.code, 0, r.stderr);
  const genesis = JSON.parse(readFileSync(join(home, "config", "genesis.json"), "utf8"));
  assert.deepEqual(genesis.app_state.bank.balances, [{ address, coins: [{ denom: "uagora", amount: "5000" }, { denom: "ustake", amount: "7" }] }]);
  assert.equal(genesis.app_state.auth.accounts[0].address, address);

  expectOneLineError(agorad(home, "genesis", "add-genesis-account", address, "1uagora"), /already in genesis/);
  expectOneLineError(agorad(home, "genesis", "add-genesis-account", address.slice(0, -1) + "x", "1uagora"), /invalid address/);
  expectOneLineError(agorad(home, "genesis", "add-genesis-account", "agora1qurswpc8qurswpc8qurswpc8qurswpc8kga372", "12.5uagora"), /invalid coin expression "12.5uagora"/);
});

test("add-role grants a role in genesis once and names bad input in one line", () => {
  const home = newHome();
  assert.equal(agorad(home, "init", "node0").code, 0);
  const address = "agora19rl4cm2hmr8afy4kldpxz3fka4jguq0aemhkp7";
  const r = agorad(home, "genesis", "add-role", "admin", address, "-o", "json");
  assert.equal(r.code, 0, r.stderr);
  assert.equal(agorad(home, "genesis", "add-role", "pauser", address, "--expires-at-height", "1000").code, 0);
  const genesis = JSON.parse(readFileSync(join(home, "config", "genesis.json"), "utf8"));
  assert.deepEqual(genesis.app_state.roles.grants, [
    { role: "admin", address, expires_at_height: "0" },
    { role: "pauser", address, expires_at_height: "1000" },
  ]);

  expectOneLineError(agorad(home, "genesis", "add-role", "admin", address), /already holds role admin in genesis/);
  expectOneLineError(agorad(home, "genesis", "add-role", "Admin", address), /invalid role "Admin"/);
  expectOneLineError(agorad(home, "genesis", "add-role", "admin", "nobody", "--keyring-backend", "test"), /key nobody not found/);
});

test("start without a home says to run init, in one line", () => {
  const home = newHome();
  expectOneLineError(agorad(home, "start"), /no genesis at .*: run `agorad init <moniker>/);
});

test("start reads pruning from app.toml and refuses a bad setting in one line", () => {
  const home = newHome();
  assert.equal(agorad(home, "init", "node0").code, 0);
  const appToml = join(home, "config", "app.toml");
  assert.match(readFileSync(appToml, "utf8"), /^pruning = "default"$/m);
  writeFileSync(appToml, readFileSync(appToml, "utf8").replace('pruning = "default"', 'pruning = "sometimes"'));
  expectOneLineError(agorad(home, "start", "--no-comet"), /app.toml: pruning "sometimes" is unknown: use one of default, nothing, everything, custom/);
  writeFileSync(appToml, readFileSync(appToml, "utf8").replace('pruning = "sometimes"', 'pruning = "custom"'));
  expectOneLineError(agorad(home, "start", "--no-comet"), /pruning-keep-recent is 0: custom pruning keeps at least 2 versions/);
  expectOneLineError(agorad(home, "start", "--no-comet", "--pruning", "never"), /pruning "never" is unknown/);
  rmSync(home, { recursive: true, force: true });
});

test("init enables gRPC on 9090, and start refuses a bad [grpc] setting or a taken address in one line", async () => {
  const home = newHome();
  assert.equal(agorad(home, "init", "node0").code, 0);
  const appToml = join(home, "config", "app.toml");
  const written = readFileSync(appToml, "utf8");
  assert.equal(readAppConfig(home)["grpc.enable"], "true");
  assert.equal(readAppConfig(home)["grpc.address"], "0.0.0.0:9090");
  writeFileSync(appToml, written.replace(/(\[grpc\][^[]*?)enable = true/, "$1enable = yes"));
  expectOneLineError(agorad(home, "start", "--no-comet"), /app.toml \[grpc\] enable must be true or false, got "yes"/);
  writeFileSync(appToml, written);
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
  try {
    const grpcAddress = `127.0.0.1:${(taken.address() as AddressInfo).port}`;
    const abci = `tcp://127.0.0.1:${await freePort()}`;
    expectOneLineError(agorad(home, "start", "--no-comet", "--abci", abci, "--grpc.address", grpcAddress), new RegExp(`cannot listen for gRPC on ${grpcAddress}: .*choose another with --grpc.address`));
  } finally {
    taken.close();
    rmSync(home, { recursive: true, force: true });
  }
});

test("export and rollback on a node that never ran say so in one line", () => {
  const home = mkdtempSync(join(tmpdir(), "agora-never-ran-"));
  try {
    assert.equal(agorad(home, "init", "node0").code, 0);
    expectOneLineError(agorad(home, "export"), /no application state at .*application\.lmdb: the node has not run yet/);
    expectOneLineError(agorad(home, "export", "--height", "-3"), /invalid height "-3": give a block height/);
    expectOneLineError(agorad(home, "rollback"), /no application state at .*application\.lmdb: the node has not run yet/);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test("start refuses an upgrade handlers module it cannot load or that registers nothing, and bad skip heights", () => {
  const home = newHome();
  assert.equal(agorad(home, "init", "node0").code, 0);
  expectOneLineError(agorad(home, "start", "--upgrade-handlers", join(home, "missing.js")), /--upgrade-handlers: cannot load .*missing\.js/);
  const empty = join(home, "empty.mjs");
  writeFileSync(empty, "export const other = 1;\n");
  expectOneLineError(agorad(home, "start", "--upgrade-handlers", empty), /must export a function registerUpgrades\(app\) that calls app\.upgrades\.register\(name, handler\)/);
  expectOneLineError(agorad(home, "start", "--unsafe-skip-upgrades", "12,x"), /--unsafe-skip-upgrades: expected block heights like 120,340, got "x"/);
});
