/**
 * `agorad rollback` end to end with the real CometBFT: the last height is undone in CometBFT's
 * state and the app's, and on restart the chain re-executes that block to the same app hash.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { setTomlValue } from "../../cmd/agorad/node/toml.js";
import { agoradCli, agoradFailure, Devnet, DEV_MNEMONIC } from "../support/devnet.js";
import { appLastCommit, openAppState } from "../support/app-state.js";

let devnet: Devnet;
let dev: string;
let client: SigningStargateClient;

before(async () => {
  devnet = await Devnet.create();
  // Room between a block's commit and the next proposal, so the node can be stopped with the
  // tx's block as its last (see the first test).
  const config = join(devnet.home, "config", "config.toml");
  writeFileSync(config, setTomlValue(readFileSync(config, "utf8"), "consensus", "timeout_commit", "2s"));
  await devnet.start();
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(DEV_MNEMONIC, { prefix: "agora" });
  dev = (await wallet.getAccounts())[0]!.address;
  client = await SigningStargateClient.connectWithSigner(devnet.rpc, wallet, { gasPrice: GasPrice.fromString("0.025uagora") });
});

after(async () => {
  client?.disconnect();
  await devnet?.destroy();
});

async function rpc<T>(path: string): Promise<T> {
  const body = (await (await fetch(`${devnet.rpc}${path}`)).json()) as { result: T; error?: { data?: string } };
  if (body.error) throw new Error(`${path}: ${body.error.data}`);
  return body.result;
}

test("after a rollback the app is one height back, and on restart the chain re-executes that block to the same app hash", async () => {
  const account = (await client.getAccount(dev))!;
  const fee = { amount: [{ denom: "uagora", amount: "5000" }], gas: "200000" };
  const msg = { typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: dev, toAddress: dev, amount: [{ denom: "uagora", amount: "1" }] } };
  const signed = await client.sign(dev, [msg], fee, "", { accountNumber: account.accountNumber, sequence: account.sequence, chainId: "agora-local-1" });
  const tx = Buffer.from(TxRaw.encode(signed).finish()).toString("hex");
  const committed = await rpc<{ height: string; tx_result: { code: number } }>(`/broadcast_tx_commit?tx=0x${tx}`);
  assert.equal(committed.tx_result.code, 0);
  await devnet.stop();

  const height = Number(committed.height);
  const before = appLastCommit(devnet.home);
  assert.equal(before.height, height, "the node stopped with the tx's block as its last");

  const out = await agoradCli(devnet.home, ["rollback"]);
  const after = appLastCommit(devnet.home);
  assert.equal(after.height, height - 1);
  assert.equal(out.split("\n")[0], `Rolled back state to height ${height - 1} and hash ${after.appHash}`);
  assert.match(out, /the app's state went back 1 height; its app hash matches CometBFT's/);
  assert.notEqual(after.appHash, before.appHash, "the tx's block changed the state the rollback undid");

  await devnet.start();
  await devnet.waitForHeight(height + 2);
  const next = await rpc<{ block: { header: { app_hash: string } } }>(`/block?height=${height + 1}`);
  assert.equal(next.block.header.app_hash, before.appHash, "the re-executed block gives the app hash it gave before");
  const replayed = await rpc<{ block: { header: { app_hash: string }; data: { txs: string[] } } }>(`/block?height=${height}`);
  assert.equal(replayed.block.header.app_hash, after.appHash);
  assert.equal(replayed.block.data.txs.length, 1);
  assert.equal((await client.getAccount(dev))!.sequence, account.sequence + 1, "the tx was applied once");
});

test("rollback refuses a running node, a missing home and a node that never ran, in one line", async () => {
  assert.match(await agoradFailure(devnet.home, ["rollback"]), /^Error: the node is running \(its ABCI address tcp:\/\/127\.0\.0\.1:\d+ answers\): stop it before rolling back$/);
  const empty = mkdtempSync(join(tmpdir(), "agora-rollback-"));
  try {
    assert.match(await agoradFailure(empty, ["rollback"]), /^Error: no node config at .*config\.toml: run `agorad init <moniker> --home .*` first$/);
    await agoradCli(empty, ["init", "fresh"]);
    assert.match(await agoradFailure(empty, ["rollback"]), /^Error: no application state at .*application\.lmdb: the node has not run yet$/);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

test("a rollback stopped between CometBFT's and the app's only finishes the app's; --hard drops the block, made again on restart", async () => {
  await devnet.stop();
  const { height } = appLastCommit(devnet.home);
  // CometBFT's half alone, as if agorad rollback had been stopped right after it.
  const rolled = execFileSync(process.env.AGORA_COMETBFT ?? "cometbft", ["rollback", "--home", devnet.home], { encoding: "utf8" });
  assert.match(rolled, new RegExp(`to height ${height - 1} and hash`));
  assert.equal(appLastCommit(devnet.home).height, height);

  assert.match(await agoradCli(devnet.home, ["rollback"]), /the app's state went back 1 height/);
  assert.equal(appLastCommit(devnet.home).height, height - 1);
  const again = JSON.parse(await agoradCli(devnet.home, ["rollback", "-o", "json"])) as { height: string; app_heights_undone: number };
  assert.deepEqual([again.height, again.app_heights_undone], [String(height - 1), 0], "a repeated rollback changes nothing");

  // CometBFT still holds block `height` (to replay it); --hard drops it, so it is made anew.
  const hard = await agoradCli(devnet.home, ["rollback", "--hard"]);
  assert.match(hard, new RegExp(`^Rolled back state to height ${height - 1} and hash [0-9A-F]{64}\n`));
  assert.match(hard, new RegExp(`note: this node's validator already signed up to height ${height} .* the chain stops at height ${height}\\.`));
  assert.equal(appLastCommit(devnet.home).height, height - 1);
  execFileSync(process.env.AGORA_COMETBFT ?? "cometbft", ["unsafe-reset-priv-validator", "--home", devnet.home], { stdio: "ignore" });
  await devnet.start();
  await devnet.waitForHeight(height + 1);
  await devnet.stop();
});

test("rollback with no earlier state kept refuses in one line and touches nothing", async () => {
  const store = openAppState(devnet.home);
  const latest = store.lastCommitId().version;
  store.pruneTo(latest - 1n);
  await store.close();
  assert.equal(await agoradFailure(devnet.home, ["rollback"]), `Error: nothing to roll back to: the app's state keeps no height before ${latest}`);
  assert.equal(appLastCommit(devnet.home).height, Number(latest), "nothing was rolled back");
});
