/**
 * End to end with the real CometBFT and stock CosmJS: nothing custom but the bech32 prefix and
 * a gas price in uagora.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { fromBech32 } from "@cosmjs/encoding";
import { GasPrice, SigningStargateClient, StargateClient, calculateFee } from "@cosmjs/stargate";
import { connectComet } from "@cosmjs/tendermint-rpc";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { verifyStoreProof } from "../../sdk/store/proof/multistore.js";
import { Devnet, DEV_MNEMONIC } from "../support/devnet.js";

const CHAIN_ID = "agora-local-1";
let devnet: Devnet;
let client: SigningStargateClient;
let dev: string;
let recipient: string;

before(async () => {
  devnet = await Devnet.create(CHAIN_ID);
  await devnet.start();
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(DEV_MNEMONIC, { prefix: "agora" });
  dev = (await wallet.getAccounts())[0]!.address;
  const other = await DirectSecp256k1HdWallet.generate(12, { prefix: "agora" });
  recipient = (await other.getAccounts())[0]!.address;
  client = await SigningStargateClient.connectWithSigner(devnet.rpc, wallet, { gasPrice: GasPrice.fromString("0.025uagora") });
});

after(async () => {
  client?.disconnect();
  await devnet?.destroy();
});

const balanceOf = async (address: string) => BigInt((await client.getBalance(address, "uagora")).amount);
const fixedFee = calculateFee(200_000, GasPrice.fromString("0.025uagora"));

/** Signs a send with explicit signer data, as a wallet that got them wrong would. */
async function signSend(amount: string, signerData: { accountNumber: bigint; sequence: number; chainId: string }) {
  const msg = { typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: dev, toAddress: recipient, amount: [{ denom: "uagora", amount }] } };
  return TxRaw.encode(await client.sign(dev, [msg], fixedFee, "", signerData)).finish();
}

async function expectRejected(tx: Uint8Array, code: number) {
  await assert.rejects(client.broadcastTx(tx), (err: Error & { code?: number }) => {
    assert.equal(err.code, code, err.message);
    return true;
  });
}

test("the dev account is funded at genesis and a stranger's balance reads 0", async () => {
  assert.equal(await balanceOf(dev), 1_000_000_000_000n);
  assert.equal(await balanceOf(recipient), 0n);
  assert.equal(await client.getChainId(), CHAIN_ID);
});

test("a send with an auto fee is included, found by getTx, and moves exactly the amount plus the fee", async () => {
  const before = await balanceOf(dev);
  const result = await client.sendTokens(dev, recipient, [{ denom: "uagora", amount: "12345" }], "auto", "hello agora");
  assert.equal(result.code, 0, result.rawLog);
  const found = await client.getTx(result.transactionHash);
  assert.ok(found, "getTx finds the committed tx");
  assert.equal(found.height, result.height);
  assert.equal(found.code, 0);
  const tx = TxRaw.decode(found.tx);
  assert.ok(tx.signatures.length === 1);
  const feePaid = before - 12345n - (await balanceOf(dev));
  assert.ok(feePaid > 0n, "a fee was paid");
  assert.equal(await balanceOf(recipient), 12345n);
  const account = await client.getAccount(dev);
  assert.equal(account?.sequence, 1);
});

test("a tx signed for another chain id is rejected with code 4 and costs nothing", async () => {
  const before = await balanceOf(dev);
  const account = (await client.getAccount(dev))!;
  await expectRejected(await signSend("1", { accountNumber: account.accountNumber, sequence: account.sequence, chainId: "other-chain-1" }), 4);
  assert.equal(await balanceOf(dev), before);
});

test("a reused sequence is rejected with code 32 and costs nothing", async () => {
  const before = await balanceOf(dev);
  const account = (await client.getAccount(dev))!;
  assert.ok(account.sequence > 0);
  await expectRejected(await signSend("1", { accountNumber: account.accountNumber, sequence: account.sequence - 1, chainId: CHAIN_ID }), 32);
  assert.equal(await balanceOf(dev), before);
});

test("a bad signature is rejected with code 4 and costs nothing", async () => {
  const before = await balanceOf(dev);
  const account = (await client.getAccount(dev))!;
  const tx = TxRaw.decode(await signSend("1", { accountNumber: account.accountNumber, sequence: account.sequence, chainId: CHAIN_ID }));
  tx.signatures[0]![10]! ^= 0xff;
  await expectRejected(TxRaw.encode(tx).finish(), 4);
  assert.equal(await balanceOf(dev), before);
});

test("an overspend fails with code 5 in its block and costs only the fee", async () => {
  const before = await balanceOf(dev);
  const recipientBefore = await balanceOf(recipient);
  const result = await client.sendTokens(dev, recipient, [{ denom: "uagora", amount: (before * 2n).toString() }], fixedFee);
  assert.equal(result.code, 5, result.rawLog);
  assert.match(result.rawLog ?? "", /insufficient funds/);
  assert.equal(await balanceOf(dev), before - BigInt(fixedFee.amount[0]!.amount));
  assert.equal(await balanceOf(recipient), recipientBefore);
});

test("a balance proof from abci_query (prove=true) verifies against the app hash in the next block's header", async () => {
  const comet = await connectComet(devnet.rpc);
  const address = fromBech32(dev, 90).data;
  const key = Buffer.concat([Buffer.of(0x02, address.length), address, Buffer.from("uagora")]);
  const res = await comet.abciQuery({ path: "/store/bank/key", data: key, prove: true });
  assert.equal(res.code, 0, res.log);
  const height = res.height!;
  await devnet.waitForHeight(height + 1);
  const header = (await comet.block(height + 1)).block.header;
  const ops = { ops: res.proof!.ops.map((op) => ({ type: op.type, key: op.key, data: op.data })) };
  assert.ok(verifyStoreProof(ops, header.appHash, "bank", key, res.value));
  assert.equal(BigInt(Buffer.from(res.value).toString()), await balanceOf(dev));
  // Absence: the dev account holds no uatom.
  const absentKey = Buffer.concat([Buffer.of(0x02, address.length), address, Buffer.from("uatom")]);
  const absent = await comet.abciQuery({ path: "/store/bank/key", data: absentKey, prove: true, height });
  assert.equal(absent.value.length, 0);
  const absentOps = { ops: absent.proof!.ops.map((op) => ({ type: op.type, key: op.key, data: op.data })) };
  assert.ok(verifyStoreProof(absentOps, header.appHash, "bank", absentKey, undefined));
  comet.disconnect();
});

test("kill -9 of the app mid-stream: after a restart the chain continues from the same app hash and loses nothing", async () => {
  const account = (await client.getAccount(dev))!;
  const hashes: string[] = [];
  for (let i = 0; i < 6; i++) {
    const tx = await signSend("1000", { accountNumber: account.accountNumber, sequence: account.sequence + i, chainId: CHAIN_ID });
    hashes.push(await client.broadcastTxSync(tx));
  }
  const reader = await StargateClient.connect(devnet.rpc);
  while (!(await reader.getTx(hashes[0]!))) await new Promise((r) => setTimeout(r, 50));
  const info = (await (await fetch(`${devnet.rpc}/abci_info`)).json()) as { result: { response: { last_block_height: string; last_block_app_hash: string } } };
  await devnet.crashApp();
  await devnet.start();

  // The header after the height the app reported carries the app hash it had committed then.
  const h = Number(info.result.response.last_block_height);
  const next = (await (await fetch(`${devnet.rpc}/block?height=${h + 1}`)).json()) as { result: { block: { header: { app_hash: string } } } };
  assert.equal(next.result.block.header.app_hash, Buffer.from(info.result.response.last_block_app_hash, "base64").toString("hex").toUpperCase());

  const committed = [];
  for (const hash of hashes) {
    const found = await reader.getTx(hash);
    if (found) committed.push(found);
  }
  assert.ok(committed.length >= 1, "the crash came after the stream had started committing");
  // Txs CometBFT committed before the crash are in state; the rest are resent from a fresh sequence.
  const accountAfter = (await reader.getAccount(dev))!;
  assert.equal(accountAfter.sequence, account.sequence + committed.length);
  const height = await devnet.height();
  await devnet.waitForHeight(height + 2);
  const res = await client.sendTokens(dev, recipient, [{ denom: "uagora", amount: "1" }], "auto");
  assert.equal(res.code, 0, res.rawLog);
  const status = await (await fetch(`${devnet.rpc}/status`)).json() as { result: { sync_info: { catching_up: boolean } } };
  assert.equal(status.result.sync_info.catching_up, false);
  reader.disconnect();
});
