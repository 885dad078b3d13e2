/**
 * Four validators of equal power, each its own agorad and CometBFT: one killed (SIGKILL) leaves a
 * quorum and blocks go on; two killed leave none and the chain halts without forking, then goes on
 * with every tx once one is back. After each fault, the outside check: same app hashes everywhere,
 * balances summing to the supply.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { toBech32 } from "@cosmjs/encoding";
import type { SigningStargateClient } from "@cosmjs/stargate";
import { checkChain } from "../support/chain-check.js";
import { Localnet } from "../support/localnet.js";

let net: Localnet;
let client: SigningStargateClient;
let dev: string;
// A new account, made by the first send to it.
const recipient = toBech32("agora", new Uint8Array(20).fill(7));

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

async function balance(i: number): Promise<string> {
  const { client: reader } = await net.client(i);
  try {
    return (await reader.getBalance(recipient, "uagora")).amount;
  } finally {
    reader.disconnect();
  }
}

test("one validator of four killed: blocks go on without it; restarted, it catches up with the same app hashes", async () => {
  await send("1000");
  assert.deepEqual(await net.kill(3), ["app", "comet"]);
  const killedAt = await net.height(0);
  const sentAt = await send("2000");
  await net.waitForHeight(0, Math.max(killedAt, sentAt) + 5);
  await checkChain(net);

  assert.deepEqual(await net.launch(3), ["app", "comet"]);
  await net.waitForHeight(3, await net.height(0));
  assert.equal(await balance(3), "3000");
  const check = await checkChain(net);
  assert.deepEqual(check.nodes, [0, 1, 2, 3]);
  assert.ok(check.to > sentAt, `the check reaches past the send (${check.from}..${check.to})`);
  // Back in consensus: its signature is in the commits again.
  await net.waitForSignature(3, check.to);
});

test("two validators of four killed: the chain halts without forking; one restarted, it resumes with every tx", async () => {
  const before = BigInt(await balance(0));
  await send("4000");
  await net.kill(1);
  await net.kill(2);
  // Two of four is under two thirds of the power: no block may be committed from here.
  const halted = await net.height(0);
  await sleep(5000);
  assert.equal(await net.height(0), halted, "node0 made blocks with half the power");
  assert.equal(await net.height(3), halted, "node3 made blocks with half the power");
  await checkChain(net);

  // A tx sent during the halt waits in the mempool and lands once a quorum is back.
  const during = client.sendTokens(dev, recipient, [{ denom: "uagora", amount: "5000" }], "auto");
  await net.launch(1);
  const landed = await during;
  assert.equal(landed.code, 0, landed.rawLog);
  assert.ok(landed.height > halted, `the tx sent during the halt landed at ${landed.height}, after the halt at ${halted}`);
  await net.waitForHeight(1, landed.height + 1);
  for (const i of [0, 1, 3]) assert.equal(await balance(i), String(before + 9000n), `node${i}'s balance`);
  const check = await checkChain(net);
  assert.deepEqual(check.nodes, [0, 1, 3]);

  await net.launch(2);
  await net.waitForHeight(2, await net.height(0));
  assert.equal(await balance(2), String(before + 9000n));
  await checkChain(net);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
