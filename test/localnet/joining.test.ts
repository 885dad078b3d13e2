/**
 * A node joining the four validators' running chain from their genesis and addresses
 * (`agorad testnet add-node`): by block sync from height 1, and by state sync from a validator's
 * snapshot. Both end with the validators' app hashes at every height they share.
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
const recipient = toBech32("agora", new Uint8Array(20).fill(11));

before(async () => {
  net = await Localnet.create({ snapshotInterval: 10 });
  await net.start();
  ({ client, address: dev } = await net.client(0));
  for (const amount of ["1000", "2000"]) {
    const result = await client.sendTokens(dev, recipient, [{ denom: "uagora", amount }], "auto");
    assert.equal(result.code, 0, result.rawLog);
  }
});

after(async () => {
  client?.disconnect();
  await net?.destroy();
});

interface Status {
  sync_info: { earliest_block_height: string; latest_block_height: string; catching_up: boolean };
}

test("a fifth node started from the genesis and the validators' addresses catches up by block sync with the same app hashes", async () => {
  const joiner = await net.addNode();
  await net.launch(joiner);
  await net.waitForHeight(joiner, await net.height(0));
  const status = await net.rpcResult<Status>(joiner, "status");
  assert.equal(status.sync_info.earliest_block_height, "1", "it has every block from genesis");
  const { client: reader } = await net.client(joiner);
  assert.equal((await reader.getBalance(recipient, "uagora")).amount, "3000");
  reader.disconnect();
  const check = await checkChain(net);
  assert.deepEqual(check.nodes, [0, 1, 2, 3, joiner]);
  assert.equal(check.from, 1);
});

test("a node joining by state sync restores a validator's snapshot and follows with the same app hashes", async () => {
  await net.waitForHeight(0, 21);
  // Trust the validators' block 2, as an operator copies a height and hash from a trusted RPC.
  const commit = await net.rpcResult<{ signed_header: { commit: { block_id: { hash: string } } } }>(0, "commit?height=2");
  const joiner = await net.addNode({ height: 2, hash: commit.signed_header.commit.block_id.hash });
  await net.launch(joiner);
  await net.waitForHeight(joiner, await net.height(0));

  const status = await net.rpcResult<Status>(joiner, "status");
  const earliest = Number(status.sync_info.earliest_block_height);
  assert.ok(earliest >= 10, `its earliest block is ${earliest}: restored from a snapshot, not replayed from genesis`);
  const sent = await client.sendTokens(dev, recipient, [{ denom: "uagora", amount: "4000" }], "auto");
  assert.equal(sent.code, 0, sent.rawLog);
  await net.waitForHeight(joiner, sent.height + 1);
  const { client: reader } = await net.client(joiner);
  assert.equal((await reader.getBalance(recipient, "uagora")).amount, "7000");
  reader.disconnect();
  const check = await checkChain(net);
  assert.ok(check.nodes.includes(joiner));
  assert.ok(check.from >= earliest);
});
