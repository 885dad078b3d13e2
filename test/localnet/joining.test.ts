/**
 * A node joining the four validators' running chain from their genesis and addresses
 * (`agorad testnet add-node`): by block sync from height 1, and by state sync from a validator's
 * snapshot. Both end with the validators' app hashes at every height they share. Then each one's
 * operator, funded by a send from the dev account, makes it a validator (one with the CLI's
 * `tx staking create-validator`, one with stock CosmJS), and it signs the next blocks.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { toBech32 } from "@cosmjs/encoding";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import type { SigningStargateClient } from "@cosmjs/stargate";
import { PubKey as Ed25519PubKey } from "cosmjs-types/cosmos/crypto/ed25519/keys";
import { MsgCreateValidator } from "cosmjs-types/cosmos/staking/v1beta1/tx";
import { checkChain } from "../support/chain-check.js";
import { agoradCli } from "../support/devnet.js";
import { Localnet } from "../support/localnet.js";
import { valoper } from "../support/staking.js";

let net: Localnet;
let client: SigningStargateClient;
let dev: string;
const recipient = toBech32("agora", new Uint8Array(20).fill(11));
// The joiners' indexes, set by the tests that add them.
let blockSynced: number | undefined;
let stateSynced: number | undefined;
/** A joining validator's self-delegation: power 1000, so the four first validators keep a quorum alone. */
const JOINER_STAKE = "1000000000";

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
  blockSynced = joiner;
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
  stateSynced = joiner;
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

/** Asserts that CometBFT's validator set names node i from `height` on and that node i signs a commit. */
async function assertSigning(i: number, height: number): Promise<void> {
  const signed = await net.waitForSignature(i, height + 1);
  assert.ok((await net.validatorSet()).includes(net.validatorAddress(i)), `node${i} is in CometBFT's /validators`);
  const check = await checkChain(net);
  assert.ok(check.nodes.includes(i) && check.to >= signed);
}

test("the block-synced node's operator becomes a validator with `agorad tx staking create-validator` and signs the next blocks", async () => {
  assert.ok(blockSynced !== undefined, "the block-sync test added the node");
  const home = net.home(blockSynced);
  const key = ["--keyring-backend", "test"];
  const operator = (JSON.parse(await agoradCli(home, ["keys", "add", "operator", ...key, "-o", "json"])) as { address: string }).address;
  const node = (i: number) => ["--node", net.rpc(i), "-o", "json"];
  await agoradCli(net.home(0), ["tx", "bank", "send", "dev", operator, `${2n * BigInt(JOINER_STAKE)}uagora`, ...key, ...node(0)]);

  const pubkey = JSON.parse(await agoradCli(home, ["comet", "show-validator"])) as unknown;
  const file = join(home, "validator.json");
  const validator = { pubkey, amount: `${JOINER_STAKE}uagora`, moniker: "joiner-cli", "commission-rate": "0.1", "commission-max-rate": "0.2", "commission-max-change-rate": "0.01", "min-self-delegation": "1" };
  writeFileSync(file, JSON.stringify(validator));
  const created = JSON.parse(await agoradCli(home, ["tx", "staking", "create-validator", file, "--from", "operator", ...key, ...node(blockSynced)])) as { code: number; height: number };
  assert.equal(created.code, 0);

  const shown = JSON.parse(await agoradCli(home, ["query", "staking", "validator", valoper(operator), ...node(blockSynced)])) as { status: string; tokens: string; description: { moniker: string } };
  assert.deepEqual([shown.status, shown.tokens, shown.description.moniker], ["BOND_STATUS_BONDED", JOINER_STAKE, "joiner-cli"]);
  await assertSigning(blockSynced, created.height);
});

test("the state-synced node's operator becomes a validator with stock CosmJS (MsgCreateValidator) and signs the next blocks", async () => {
  assert.ok(stateSynced !== undefined, "the state-sync test added the node");
  const wallet = await DirectSecp256k1HdWallet.generate(24, { prefix: "agora" });
  const operator = (await wallet.getAccounts())[0]!.address;
  const funded = await client.sendTokens(dev, operator, [{ denom: "uagora", amount: String(2n * BigInt(JOINER_STAKE)) }], "auto");
  assert.equal(funded.code, 0, funded.rawLog);

  const { client: signer } = await net.client(stateSynced, wallet.mnemonic);
  try {
    const consensusKey = Buffer.from(JSON.parse(await agoradCli(net.home(stateSynced), ["comet", "show-validator"])).key as string, "base64");
    const msg = {
      typeUrl: "/cosmos.staking.v1beta1.MsgCreateValidator",
      value: MsgCreateValidator.fromPartial({
        description: { moniker: "joiner-cosmjs" },
        // LegacyDec on the wire: its integer of 10^-18 units.
        commission: { rate: "50000000000000000", maxRate: "200000000000000000", maxChangeRate: "10000000000000000" },
        minSelfDelegation: "1",
        delegatorAddress: operator,
        validatorAddress: valoper(operator),
        pubkey: { typeUrl: "/cosmos.crypto.ed25519.PubKey", value: Ed25519PubKey.encode({ key: consensusKey }).finish() },
        value: { denom: "uagora", amount: JOINER_STAKE },
      }),
    };
    const created = await signer.signAndBroadcast(operator, [msg], "auto");
    assert.equal(created.code, 0, created.rawLog);
    await assertSigning(stateSynced, created.height);
  } finally {
    signer.disconnect();
  }
});
