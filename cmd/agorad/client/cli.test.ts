/** `agorad status|query|tx` through the built binary, without a chain. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { lines, runCli, runCliAsync, tmpHome, type CliRun } from "../keys/testing.js";
import { startFakeNode } from "./fake-node.js";

const ADDR = "agora19rl4cm2hmr8afy4kldpxz3fka4jguq0aemhkp7";

function assertOneLineError(run: CliRun, pattern: RegExp): void {
  assert.equal(run.status, 1, run.stderr);
  assert.equal(lines(run.stderr).length, 1, run.stderr);
  assert.match(run.stderr, pattern);
}

describe("agorad status", () => {
  let fake: Awaited<ReturnType<typeof startFakeNode>>;
  before(async () => (fake = await startFakeNode()));
  after(() => fake.close());

  it("prints JSON and text", async () => {
    // spawnSync would block the fake server's event loop: run the CLI asynchronously.
    const json = await runCliAsync(["status", "--node", fake.url, "--output", "json"]);
    assert.equal(json.status, 0, json.stderr);
    assert.equal(JSON.parse(json.stdout).latestBlockHeight, 42);
    const text = await runCliAsync(["status", "--node", fake.url]);
    assert.match(text.stdout, /chain id: agora-local-1\nlatest height: 42\nlatest app hash: 5F1C0DE5\n/);
  });
});

describe("agorad tx/query errors", () => {
  const home = tmpHome();

  it("names a bad amount", () => {
    const run = runCli(["--home", home, "tx", "bank", "send", "alice", ADDR, "12.5uagora", "--keyring-backend", "test"]);
    assertOneLineError(run, /^Error: invalid amount "12\.5uagora"/);
  });

  it("names an unknown sender key", () => {
    const run = runCli(["--home", home, "tx", "bank", "send", "alice", ADDR, "1uagora", "--keyring-backend", "test"]);
    assertOneLineError(run, /^Error: key alice not found/);
  });

  it("rejects bad addresses and unreachable nodes", () => {
    assertOneLineError(runCli(["query", "bank", "balances", "agora1bad"]), /invalid address "agora1bad"/);
    assertOneLineError(runCli(["q", "auth", "account", ADDR, "--node", "http://127.0.0.1:9"]), /cannot reach node/);
    assertOneLineError(runCli(["status", "--node", "http://127.0.0.1:9"]), /cannot reach node/);
  });
});
