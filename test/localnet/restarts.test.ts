/**
 * One of a validator's two processes restarted while the other keeps running. CometBFT v0.38 does
 * not wait for an app that goes away: it logs "Did the application crash? Please restart
 * CometBFT" and exits, so an agorad restart means a CometBFT restart too. The reverse is seamless:
 * a new CometBFT connects to the running agorad, replays what it lacks and signs again. A paused
 * validator (both processes stopped by SIGSTOP) picks up where it was when resumed.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { toBech32 } from "@cosmjs/encoding";
import type { SigningStargateClient } from "@cosmjs/stargate";
import { logFile } from "../../cmd/agorad/testnet/layout.js";
import { checkChain } from "../support/chain-check.js";
import { Localnet } from "../support/localnet.js";

let net: Localnet;
let client: SigningStargateClient;
let dev: string;
const recipient = toBech32("agora", new Uint8Array(20).fill(9));

before(async () => {
  net = await Localnet.create();
  await net.start();
  ({ client, address: dev } = await net.client(0));
});

after(async () => {
  client?.disconnect();
  await net?.destroy();
});

async function send(amount: string): Promise<number> {
  const result = await client.sendTokens(dev, recipient, [{ denom: "uagora", amount }], "auto");
  assert.equal(result.code, 0, result.rawLog);
  return result.height;
}

test("a validator's agorad stopped under its running CometBFT: CometBFT exits too; both started again, it catches up", async () => {
  await send("1000");
  assert.deepEqual(await net.stop(2, ["app"]), ["app"]);
  await net.waitForExit(2, "comet");
  assert.match(readFileSync(logFile(net.home(2), "comet"), "utf8"), /Did the application crash\? Please restart CometBFT/);

  const sentAt = await send("2000");
  assert.deepEqual(await net.launch(2), ["app", "comet"]);
  await net.waitForHeight(2, sentAt + 1);
  await net.waitForSignature(2, sentAt);
  const check = await checkChain(net);
  assert.deepEqual(check.nodes, [0, 1, 2, 3]);
  assert.ok(check.to > sentAt);
});

test("a validator's CometBFT restarted while its agorad keeps running: it reconnects to the same app and catches up", async () => {
  assert.deepEqual(await net.stop(1, ["comet"]), ["comet"]);
  assert.ok(net.isRunning(1, "app"), "agorad keeps running without its CometBFT");
  const sentAt = await send("3000");

  assert.deepEqual(await net.launch(1), ["comet"]);
  await net.waitForHeight(1, sentAt + 1);
  await net.waitForSignature(1, sentAt);
  const check = await checkChain(net);
  assert.deepEqual(check.nodes, [0, 1, 2, 3]);
  const { client: reader } = await net.client(1);
  assert.equal((await reader.getBalance(recipient, "uagora")).amount, "6000");
  reader.disconnect();

  // A crash of CometBFT alone (SIGKILL, maybe mid-block) is no different for the app.
  assert.deepEqual(await net.kill(1, ["comet"]), ["comet"]);
  const afterCrash = await send("4000");
  assert.deepEqual(await net.launch(1), ["comet"]);
  await net.waitForHeight(1, afterCrash + 1);
  await checkChain(net);
});

test("a validator paused (SIGSTOP): the other three go on; resumed (SIGCONT), it catches up and signs again", async () => {
  assert.deepEqual(net.pause(3), ["app", "comet"]);
  const pausedAt = await net.height(0);
  const sentAt = await send("5000");
  await net.waitForHeight(0, Math.max(pausedAt, sentAt) + 3);
  await checkChain(net, [0, 1, 2]);

  assert.deepEqual(net.resume(3), ["app", "comet"]);
  await net.waitForHeight(3, sentAt + 1);
  await net.waitForSignature(3, sentAt);
  assert.deepEqual((await checkChain(net)).nodes, [0, 1, 2, 3]);
});
