/**
 * State sync end to end with the real CometBFT: a validator snapshots every 5 blocks while bank
 * sends land; a second node with an empty home joins from a snapshot, not from genesis, then
 * follows the chain with the same app hashes and balances as the validator.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient, StargateClient } from "@cosmjs/stargate";
import { agoradCli, DEV_MNEMONIC, Devnet } from "../support/devnet.js";

interface Status {
  sync_info: { latest_block_height: string; earliest_block_height: string; catching_up: boolean };
}
interface AbciInfo {
  response: { last_block_height: string; last_block_app_hash: string };
}
interface Block {
  block: { header: { app_hash: string } };
}

let validator: Devnet;
let joiner: Devnet | undefined;
let client: SigningStargateClient;
let dev: string;
let recipient: string;

before(async () => {
  validator = await Devnet.create();
  validator.setAppConfig("state-sync", "snapshot-interval", 5);
  // Kept longer than a joining node takes to discover one and fetch its chunks.
  validator.setAppConfig("state-sync", "snapshot-keep-recent", 10);
  await validator.start();
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(DEV_MNEMONIC, { prefix: "agora" });
  dev = (await wallet.getAccounts())[0]!.address;
  recipient = (await (await DirectSecp256k1HdWallet.generate(12, { prefix: "agora" })).getAccounts())[0]!.address;
  client = await SigningStargateClient.connectWithSigner(validator.rpc, wallet, { gasPrice: GasPrice.fromString("0.025uagora") });
});

after(async () => {
  client?.disconnect();
  await joiner?.destroy();
  await validator?.destroy();
});

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test("a new node joins by state sync from the validator's snapshot and follows the chain with the same app hash and balances", async () => {
  for (const amount of ["1000", "2000", "3000"]) {
    const result = await client.sendTokens(dev, recipient, [{ denom: "uagora", amount }], "auto");
    assert.equal(result.code, 0, result.rawLog);
  }
  // The validator lists its snapshots, as an operator sees them.
  const snapshots = await until("a snapshot after the sends", async () => {
    const listed = JSON.parse(await agoradCli(validator.home, ["snapshots", "list", "-o", "json"])) as { height: string }[];
    return listed.some((s) => Number(s.height) >= 10) ? listed : undefined;
  });
  assert.ok(snapshots.every((s) => Number(s.height) % 5 === 0), JSON.stringify(snapshots));

  // Trust the validator's block 2, as an operator copies a height and hash from a trusted RPC.
  const commit = await validator.rpcResult<{ signed_header: { commit: { block_id: { hash: string } } } }>("commit?height=2");
  joiner = await Devnet.joining(validator, { height: 2, hash: commit.signed_header.commit.block_id.hash });
  await joiner.start();

  // Restored from a snapshot: it has no blocks from before the snapshot's height.
  const status = await joiner.rpcResult<Status>("status");
  const earliest = Number(status.sync_info.earliest_block_height);
  assert.ok(earliest > 5, `the joined node's earliest block is ${earliest}, so it did not replay from genesis`);

  // It keeps following the chain: a send made after it joined reaches its state. (It runs some
  // blocks behind: after state sync CometBFT catches up through consensus gossip, at about the
  // pace this devnet makes blocks.)
  const sent = await client.sendTokens(dev, recipient, [{ denom: "uagora", amount: "4000" }], "auto");
  assert.equal(sent.code, 0, sent.rawLog);
  await joiner.waitForHeight(sent.height + 1);
  const joinerClient = await StargateClient.connect(joiner.rpc);
  assert.equal((await joinerClient.getBalance(recipient, "uagora")).amount, "10000");
  assert.equal((await joinerClient.getBalance(dev, "uagora")).amount, (await client.getBalance(dev, "uagora")).amount);
  joinerClient.disconnect();

  // The joined app's own app hash at its height is the one the validator's next block header carries.
  const info = (await joiner.rpcResult<AbciInfo>("abci_info")).response;
  const at = Number(info.last_block_height);
  await validator.waitForHeight(at + 1);
  const header = (await validator.rpcResult<Block>(`block?height=${at + 1}`)).block.header;
  assert.equal(Buffer.from(info.last_block_app_hash, "base64").toString("hex").toUpperCase(), header.app_hash);
  assert.ok(at > earliest, `the joined node executed blocks after its snapshot (at ${at}, earliest ${earliest})`);
});
