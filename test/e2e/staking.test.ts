/**
 * Staking end to end with the real CometBFT: the devnet's validator comes from its gentx, and a
 * delegation made with stock CosmJS (delegateTokens) changes its voting power in CometBFT, and
 * the fees of the chain's txs reach the validator and its delegators (withdrawRewards).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, QueryClient, setupDistributionExtension, setupStakingExtension, SigningStargateClient } from "@cosmjs/stargate";
import { connectComet } from "@cosmjs/tendermint-rpc";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import { agoradCli, Devnet, DEV_MNEMONIC } from "../support/devnet.js";

let devnet: Devnet;
let client: SigningStargateClient;
let dev: string;
let validator: string;

before(async () => {
  devnet = await Devnet.create();
  await devnet.start();
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(DEV_MNEMONIC, { prefix: "agora" });
  dev = (await wallet.getAccounts())[0]!.address;
  const operator = (await agoradCli(devnet.home, ["keys", "show", "validator", "--address", "--keyring-backend", "test"])).trim();
  validator = toAccAddress(fromAccAddress(operator), "agoravaloper");
  client = await SigningStargateClient.connectWithSigner(devnet.rpc, wallet, { gasPrice: GasPrice.fromString("0.025uagora") });
});

after(async () => {
  client?.disconnect();
  await devnet?.destroy();
});

/** CometBFT's validator set at `height` (the latest by default): address → voting power. */
async function cometValidators(height?: number): Promise<{ address: string; voting_power: string }[]> {
  const result = await devnet.rpcResult<{ validators: { address: string; voting_power: string }[] }>(`validators${height ? `?height=${height}` : ""}`);
  return result.validators;
}

test("the validator CometBFT runs with is the staking validator of the gentx, bonded with power 10000", async () => {
  const comet = await cometValidators();
  assert.equal(comet.length, 1);
  assert.equal(comet[0]!.voting_power, "10000");
  const tm = await connectComet(devnet.rpc);
  const staking = QueryClient.withExtensions(tm, setupStakingExtension).staking;
  const { validators } = await staking.validators("BOND_STATUS_BONDED");
  assert.deepEqual(validators.map((v) => [v.operatorAddress, v.tokens]), [[validator, "10000000000"]]);
  tm.disconnect();
});

test("a delegation with stock CosmJS raises the validator's voting power in CometBFT's validators", async () => {
  const result = await client.delegateTokens(dev, validator, { denom: "uagora", amount: "5000000000" }, "auto");
  assert.equal(result.code, 0, result.rawLog);
  // An update returned at height H is CometBFT's validator set from H + 2.
  await devnet.waitForHeight(result.height + 2);
  const comet = await cometValidators(result.height + 2);
  assert.equal(comet[0]!.voting_power, "15000");
  assert.equal((await cometValidators(result.height))[0]!.voting_power, "10000");
  const delegation = await client.getDelegation(dev, validator);
  assert.deepEqual(delegation, { denom: "uagora", amount: "5000000000" });
});

test("fees of the devnet's txs reach the validator's commission and its delegators, and a delegator withdraws its rewards with stock CosmJS", async () => {
  const sent = await client.sendTokens(dev, dev, [{ denom: "uagora", amount: "1" }], "auto");
  assert.equal(sent.code, 0, sent.rawLog);
  // Fees collected at height H are allocated in the next block, by the votes that signed H.
  await devnet.waitForHeight(sent.height + 2);
  const tm = await connectComet(devnet.rpc);
  const distribution = QueryClient.withExtensions(tm, setupDistributionExtension).distribution;
  const operator = toAccAddress(fromAccAddress(validator, "agoravaloper"));
  const positive = (list: { denom: string; amount: string }[]) => list.some((c) => c.denom === "uagora" && BigInt(c.amount) > 0n);
  assert.ok(positive((await distribution.validatorCommission(validator)).commission!.commission), "the validator earned commission");
  assert.ok(positive((await distribution.delegationRewards(operator, validator)).rewards), "the operator's self-delegation earned rewards");
  assert.ok(positive((await distribution.delegationRewards(dev, validator)).rewards), "the dev account's delegation earned rewards");

  const before = BigInt((await client.getBalance(dev, "uagora")).amount);
  const result = await client.withdrawRewards(dev, validator, "auto");
  assert.equal(result.code, 0, result.rawLog);
  const attribute = (type: string, key: string) => result.events.find((e) => e.type === type)?.attributes.find((a) => a.key === key)?.value ?? "";
  const withdrawn = BigInt(attribute("withdraw_rewards", "amount").replace(/uagora$/, ""));
  const fee = BigInt(attribute("tx", "fee").replace(/uagora$/, ""));
  assert.ok(withdrawn > 0n, "some whole uagora were withdrawn");
  assert.equal(BigInt((await client.getBalance(dev, "uagora")).amount), before - fee + withdrawn);
  tm.disconnect();
});

test("the validator's operator withdraws its rewards and commission with agorad, and anyone funds the community pool", async () => {
  const cli = (...args: string[]) => agoradCli(devnet.home, [...args, "--node", devnet.rpc, "--keyring-backend", "test", "--output", "json"]);
  const query = async <T>(...args: string[]) => JSON.parse(await agoradCli(devnet.home, ["query", ...args, "--node", devnet.rpc, "--output", "json"])) as T;
  const operator = toAccAddress(fromAccAddress(validator, "agoravaloper"));
  const whole = (list: { denom: string; amount: string }[]) => BigInt((list.find((c) => c.denom === "uagora")?.amount ?? "0").split(".")[0]!);
  const owed = await query<{ total: { denom: string; amount: string }[] }>("distribution", "rewards", operator, validator);
  const commission = await query<{ commission: { denom: string; amount: string }[] }>("distribution", "commission", validator);
  assert.ok(whole(owed.total) > 0n && whole(commission.commission) > 0n, JSON.stringify({ owed, commission }));
  const before = BigInt((await client.getBalance(operator, "uagora")).amount);
  const tx = JSON.parse(await cli("tx", "distribution", "withdraw-rewards", validator, "--commission", "--from", "validator")) as { code: number; txhash: string };
  assert.equal(tx.code, 0);
  const events = (await client.getTx(tx.txhash))!.events;
  const amount = (type: string, key: string) => BigInt((events.find((e) => e.type === type)?.attributes.find((a) => a.key === key)?.value ?? "").replace(/uagora$/, ""));
  const [rewards, paidCommission, fee] = [amount("withdraw_rewards", "amount"), amount("withdraw_commission", "amount"), amount("tx", "fee")];
  assert.ok(rewards >= whole(owed.total) && paidCommission >= whole(commission.commission), "at least what was owed before the tx (more accrued meanwhile)");
  assert.equal(BigInt((await client.getBalance(operator, "uagora")).amount), before - fee + rewards + paidCommission);

  const poolBefore = whole((await query<{ pool: { denom: string; amount: string }[] }>("distribution", "community-pool")).pool);
  assert.equal((JSON.parse(await cli("tx", "distribution", "fund-community-pool", "12345uagora", "--from", "dev")) as { code: number }).code, 0);
  assert.ok(whole((await query<{ pool: { denom: string; amount: string }[] }>("distribution", "community-pool")).pool) >= poolBefore + 12_345n);
  assert.equal((await query<{ community_tax: string }>("distribution", "params")).community_tax, "0.020000000000000000");
});
