/**
 * `agorad export` end to end with the real CometBFT: a chain's state becomes the genesis of a new
 * chain that carries on from the next height with every account and balance, as operators do for
 * a chain restart.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { readFileSync } from "node:fs";
import { agoradCli, agoradFailure, Devnet, DEV_MNEMONIC } from "../support/devnet.js";
import { appLastCommit, openAppState } from "../support/app-state.js";

interface Genesis {
  chain_id: string;
  genesis_time: string;
  initial_height: string;
  validators: unknown[];
  app_state: {
    auth: { accounts: { "@type": string; address?: string; account_number?: string; sequence?: string; base_account?: { address: string; account_number: string; sequence: string } }[] };
    bank: { balances: { address: string; coins: { denom: string; amount: string }[] }[] };
  };
}

const gasPrice = GasPrice.fromString("0.025uagora");
const wallet = (mnemonic: string) => DirectSecp256k1HdWallet.fromMnemonic(mnemonic, { prefix: "agora" });

let old: Devnet;
let fresh: Devnet | undefined;
let dev: string;
let alice: DirectSecp256k1HdWallet;
let aliceAddress: string;
let bob: string;
/** The height of the first send and the balances right after it. */
let firstSend: { height: number; balances: Map<string, string> };

before(async () => {
  old = await Devnet.create();
  await old.start();
  const devWallet = await wallet(DEV_MNEMONIC);
  dev = (await devWallet.getAccounts())[0]!.address;
  alice = await DirectSecp256k1HdWallet.generate(12, { prefix: "agora" });
  aliceAddress = (await alice.getAccounts())[0]!.address;
  bob = (await (await DirectSecp256k1HdWallet.generate(12, { prefix: "agora" })).getAccounts())[0]!.address;

  const devClient = await SigningStargateClient.connectWithSigner(old.rpc, devWallet, { gasPrice });
  const first = await devClient.sendTokens(dev, aliceAddress, [{ denom: "uagora", amount: "5000000" }], "auto");
  assert.equal(first.code, 0, first.rawLog);
  firstSend = {
    height: first.height,
    balances: new Map([
      [dev, (await devClient.getBalance(dev, "uagora")).amount],
      [aliceAddress, (await devClient.getBalance(aliceAddress, "uagora")).amount],
    ]),
  };
  assert.equal((await devClient.sendTokens(dev, bob, [{ denom: "uagora", amount: "3000000" }], "auto")).code, 0);
  const aliceClient = await SigningStargateClient.connectWithSigner(old.rpc, alice, { gasPrice });
  assert.equal((await aliceClient.sendTokens(aliceAddress, bob, [{ denom: "uagora", amount: "1000000" }], "auto")).code, 0);
  devClient.disconnect();
  aliceClient.disconnect();
});

after(async () => {
  await fresh?.destroy();
  await old?.destroy();
});

const exportGenesis = async (home: string, ...args: string[]) => JSON.parse(await agoradCli(home, ["export", ...args])) as Genesis;

async function rpc<T>(devnet: Devnet, path: string): Promise<T> {
  return ((await (await fetch(`${devnet.rpc}${path}`)).json()) as { result: T }).result;
}

test("export refuses a running node in one line", async () => {
  assert.match(await agoradFailure(old.home, ["export"]), /^Error: the node is running \(its ABCI address tcp:\/\/127\.0\.0\.1:\d+ answers\): stop it before exporting$/);
});

test("a chain started from an export carries on from the next height with every account and balance", async () => {
  await old.stop();
  const file = join(old.home, "exported-genesis.json");
  const written = JSON.parse(await agoradCli(old.home, ["export", "--output-document", file, "-o", "json"])) as { height: string; initial_height: string };
  const exported = JSON.parse(readFileSync(file, "utf8")) as Genesis;
  const original = JSON.parse(readFileSync(join(old.home, "config", "genesis.json"), "utf8")) as Genesis;
  const { height, appHash } = appLastCommit(old.home);
  assert.equal(written.height, String(height));
  assert.equal(exported.initial_height, String(height + 1));
  assert.deepEqual([exported.chain_id, exported.genesis_time, exported.validators], [original.chain_id, original.genesis_time, original.validators]);
  assert.deepEqual(exported, await exportGenesis(old.home), "stdout and the file carry the same genesis");

  fresh = await Devnet.fromGenesis(file, old.home);
  await fresh.start();
  const status = await rpc<{ sync_info: { earliest_block_height: string; earliest_app_hash: string } }>(fresh, "/status");
  assert.equal(status.sync_info.earliest_block_height, String(height + 1), "the new chain's first block is the next height");
  assert.equal(status.sync_info.earliest_app_hash, appHash, "the new chain starts from the old chain's app hash");

  const accounts = exported.app_state.auth.accounts.map((a) => a.base_account ?? (a as { address: string; account_number: string; sequence: string }));
  for (const who of [dev, aliceAddress, bob]) assert.ok(accounts.some((a) => a.address === who), `${who} is exported`);
  for (const account of accounts) {
    const onChain = JSON.parse(await agoradCli(fresh.home, ["query", "auth", "account", account.address, "--node", fresh.rpc, "-o", "json"])) as { accountNumber: string; sequence: number };
    assert.deepEqual([onChain.accountNumber, String(onChain.sequence)], [account.account_number, account.sequence], `account ${account.address}`);
  }
  assert.equal(accounts.find((a) => a.address === dev)!.sequence, "2");
  for (const { address, coins } of exported.app_state.bank.balances) {
    const onChain = JSON.parse(await agoradCli(fresh.home, ["query", "bank", "balances", address, "--node", fresh.rpc, "-o", "json"])) as { balances: unknown[] };
    assert.deepEqual(onChain.balances, coins, `balances of ${address}`);
  }

  // Alice signs on the new chain with her old account number and next sequence.
  const aliceClient = await SigningStargateClient.connectWithSigner(fresh.rpc, alice, { gasPrice });
  const sent = await aliceClient.sendTokens(aliceAddress, bob, [{ denom: "uagora", amount: "7" }], "auto");
  aliceClient.disconnect();
  assert.equal(sent.code, 0, sent.rawLog);
  assert.ok(sent.height > height + 1);

  await fresh.stop();
  const again = await exportGenesis(fresh.home, "--height", String(height + 1));
  assert.deepEqual(again.app_state, exported.app_state, "the new chain's state at its first height is the exported state");
});

test("export at an older height gives that height's balances, and refuses heights not kept in one line", async () => {
  const atFirst = await exportGenesis(old.home, "--height", String(firstSend.height));
  assert.equal(atFirst.initial_height, String(firstSend.height + 1));
  const balances = new Map(atFirst.app_state.bank.balances.map((b) => [b.address, b.coins.find((c) => c.denom === "uagora")?.amount]));
  for (const [address, amount] of firstSend.balances) assert.equal(balances.get(address), amount, `balance of ${address} at ${firstSend.height}`);
  assert.equal(balances.has(bob), false, "bob was paid later");

  const { height } = appLastCommit(old.home);
  assert.equal(await agoradFailure(old.home, ["export", "--height", String(height + 5)]), `Error: cannot export height ${height + 5}: version ${height + 5} is not committed yet: the latest is ${height}`);
  assert.match(await agoradFailure(old.home, ["export", "--height", "0"]), /^Error: invalid height "0"/);

  const store = openAppState(old.home);
  store.pruneTo(BigInt(firstSend.height));
  await store.close();
  assert.match(await agoradFailure(old.home, ["export", "--height", String(firstSend.height)]), new RegExp(`^Error: cannot export height ${firstSend.height}: .*pruned`));
});
