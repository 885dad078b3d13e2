/**
 * REST end to end with the real CometBFT, as an explorer or a wallet calls it with fetch: a signed
 * send broadcast over POST /cosmos/tx/v1beta1/txs, then found by hash and by its events, and the
 * chain's blocks and node info.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { agoradCli, Devnet } from "../support/devnet.js";
import { sendMsg, signTx, testAccount, type TestAccount } from "../support/signing.js";

let devnet: Devnet;
let alice: TestAccount;
let bob: TestAccount;
let sentHash: string;
let sentHeight: string;

async function rest(path: string, init?: RequestInit): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(devnet.rest + path, init);
  return { status: res.status, body: await res.json(), headers: res.headers };
}

async function waitForTx(hash: string, timeoutMs = 20_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await rest(`/cosmos/tx/v1beta1/txs/${hash}`);
    if (res.status === 200) return res.body;
    assert.equal(res.status, 404, JSON.stringify(res.body));
    if (Date.now() > deadline) throw new Error(`tx ${hash} was not committed in ${timeoutMs} ms: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

before(async () => {
  alice = await testAccount(1);
  bob = await testAccount(2);
  devnet = await Devnet.create();
  await agoradCli(devnet.home, ["genesis", "add-genesis-account", alice.address, "5000000uagora"]);
  await devnet.start();
});

after(async () => {
  await devnet?.destroy();
});

test("a signed send POSTed to /cosmos/tx/v1beta1/txs is committed and found by hash and by its events", async () => {
  const account = await rest(`/cosmos/auth/v1beta1/accounts/${alice.address}`);
  assert.equal(account.status, 200, JSON.stringify(account.body));
  const { account_number, sequence } = account.body.account;
  const tx = await signTx(alice, [sendMsg(alice.address, bob.address, "1234")], { chainId: "agora-local-1", accountNumber: BigInt(account_number), sequence: BigInt(sequence) });

  const broadcast = await rest("/cosmos/tx/v1beta1/txs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tx_bytes: Buffer.from(tx).toString("base64"), mode: "BROADCAST_MODE_SYNC" }),
  });
  assert.equal(broadcast.status, 200, JSON.stringify(broadcast.body));
  assert.equal(broadcast.body.tx_response.code, 0, broadcast.body.tx_response.raw_log);
  sentHash = broadcast.body.tx_response.txhash;
  assert.match(sentHash, /^[0-9A-F]{64}$/);

  const found = await waitForTx(sentHash);
  assert.equal(found.tx_response.txhash, sentHash);
  assert.equal(found.tx_response.code, 0);
  assert.match(found.tx_response.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.ok(BigInt(found.tx_response.gas_used) > 0n);
  sentHeight = found.tx_response.height;
  const [message] = found.tx.body.messages;
  assert.deepEqual(message, { "@type": "/cosmos.bank.v1beta1.MsgSend", from_address: alice.address, to_address: bob.address, amount: [{ denom: "uagora", amount: "1234" }] });
  assert.equal(found.tx_response.tx["@type"], "/cosmos.tx.v1beta1.Tx");
  assert.equal(found.tx.auth_info.signer_infos[0].mode_info.single.mode, "SIGN_MODE_DIRECT");

  const search = await rest(`/cosmos/tx/v1beta1/txs?events=${encodeURIComponent(`message.sender='${alice.address}'`)}`);
  assert.equal(search.status, 200, JSON.stringify(search.body));
  assert.equal(search.body.total, "1");
  assert.equal(search.body.tx_responses[0].txhash, sentHash);
  assert.equal(search.body.txs[0].body.messages[0].to_address, bob.address);

  const balance = await rest(`/cosmos/bank/v1beta1/balances/${bob.address}/by_denom?denom=uagora`);
  assert.deepEqual(balance.body, { balance: { denom: "uagora", amount: "1234" } });

  const unknown = await rest(`/cosmos/tx/v1beta1/txs/${"AB".repeat(32)}`);
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.code, 5);
});

test("blocks/latest, blocks/{height}, node_info, syncing and the validator set answer from the node", async () => {
  const latest = await rest("/cosmos/base/tendermint/v1beta1/blocks/latest");
  assert.equal(latest.status, 200, JSON.stringify(latest.body));
  assert.equal(latest.body.block.header.chain_id, "agora-local-1");
  assert.ok(Number(latest.body.block.header.height) >= 3);
  assert.equal(Buffer.from(latest.body.block.header.proposer_address, "base64").length, 20);
  assert.match(latest.body.sdk_block.header.proposer_address, /^agoravalcons1/);
  assert.equal(latest.body.block.last_commit.signatures[0].block_id_flag, "BLOCK_ID_FLAG_COMMIT");

  if (sentHeight) {
    const withTx = await rest(`/cosmos/base/tendermint/v1beta1/blocks/${sentHeight}`);
    assert.equal(withTx.body.block.data.txs.length, 1);
  }
  const future = await rest("/cosmos/base/tendermint/v1beta1/blocks/99999999");
  assert.equal(future.status, 400);
  assert.equal(future.body.code, 3);

  const info = await rest("/cosmos/base/tendermint/v1beta1/node_info");
  assert.equal(info.status, 200);
  assert.equal(info.body.default_node_info.network, "agora-local-1");
  assert.equal(info.body.default_node_info.moniker, "e2e");
  assert.equal(info.body.application_version.app_name, "agorad");

  assert.deepEqual((await rest("/cosmos/base/tendermint/v1beta1/syncing")).body, { syncing: false });
  const validators = await rest("/cosmos/base/tendermint/v1beta1/validatorsets/latest");
  assert.equal(validators.body.validators.length, 1);
  assert.equal(validators.body.validators[0].pub_key["@type"], "/cosmos.crypto.ed25519.PubKey");
  assert.match(validators.body.validators[0].address, /^agoravalcons1/);
  const atTwo = await rest("/cosmos/base/tendermint/v1beta1/validatorsets/2");
  assert.equal(atTwo.status, 200, JSON.stringify(atTwo.body));
  assert.equal(atTwo.body.block_height, "2");
  assert.deepEqual(atTwo.body.validators, validators.body.validators);
  // The block's time is RFC 3339, as jsonpb writes a Timestamp.
  assert.match(latest.body.block.header.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
});
