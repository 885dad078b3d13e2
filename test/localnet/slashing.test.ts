/**
 * Slashing on four real validators, with a 10-block signed-blocks window (half of it to sign) and
 * a 15 s downtime jail: a validator paused past the window is jailed and slashed for downtime,
 * then unjailed by its operator after its jail period; a second node signing with a copy of a
 * validator's key double-signs, and the committed evidence slashes, tombstones and jails it for
 * ever. After each, the outside check: same app hashes everywhere, balances summing to the supply.
 */
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { checkChain } from "../support/chain-check.js";
import { agoradCli, agoradFailure } from "../support/devnet.js";
import { Localnet } from "../support/localnet.js";
import { valoper as operatorOf } from "../support/staking.js";

const SLASHING_PARAMS = {
  signed_blocks_window: "10",
  min_signed_per_window: "0.5",
  downtime_jail_duration: "15s",
  slash_fraction_double_sign: "0.05",
  slash_fraction_downtime: "0.01",
};
const KEYRING = ["--keyring-backend", "test"];
const SELF_DELEGATION = 10_000_000_000n;

let net: Localnet;

before(async () => {
  net = await Localnet.create({ appState: { slashing: { params: SLASHING_PARAMS } } });
  await net.start();
});

after(async () => {
  await net?.destroy();
});

interface ValidatorJson {
  operator_address: string;
  status: string;
  jailed: boolean;
  tokens: string;
}

interface SigningInfoJson {
  jailed_until: string;
  tombstoned: boolean;
}

const rpcFlags = (via: number) => ["--node", net.rpc(via), "-o", "json"];

/** Validator i's operator address (agoravaloper), from its keyring. */
async function valoper(i: number): Promise<string> {
  return operatorOf((JSON.parse(await agoradCli(net.home(i), ["keys", "show", "validator", ...KEYRING, "-o", "json"])) as { address: string }).address);
}

/** Validator i as `agorad query staking validator` shows it through node `via`. */
async function stakingValidator(i: number, via = 0): Promise<ValidatorJson> {
  return JSON.parse(await agoradCli(net.home(via), ["query", "staking", "validator", await valoper(i), ...rpcFlags(via)])) as ValidatorJson;
}

/** Validator i's slashing signing info, by its consensus address (`agorad comet show-address`). */
async function signingInfo(i: number, via = 0): Promise<SigningInfoJson> {
  const consAddress = (await agoradCli(net.home(i), ["comet", "show-address"])).trim();
  return JSON.parse(await agoradCli(net.home(via), ["query", "slashing", "signing-info", consAddress, ...rpcFlags(via)])) as SigningInfoJson;
}

/** Polls `check` until it holds; throws naming `what` after `timeoutMs`. */
async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: still not so after ${timeoutMs} ms`);
    await sleep(500);
  }
}

async function latestBlockTime(via = 0): Promise<number> {
  const status = await net.rpcResult<{ sync_info: { latest_block_time: string } }>(via, "status");
  return Date.parse(status.sync_info.latest_block_time);
}

test("a validator paused past the downtime window is jailed, slashed 1% and leaves CometBFT's set; after its jail period `tx slashing unjail` brings it back signing", async () => {
  const bonded = await stakingValidator(3);
  assert.deepEqual([bonded.status, bonded.jailed, bonded.tokens], ["BOND_STATUS_BONDED", false, String(SELF_DELEGATION)]);
  assert.deepEqual(net.pause(3), ["app", "comet"]);

  await waitUntil("node3 jailed for downtime", async () => (await stakingValidator(3)).jailed);
  const jailed = await stakingValidator(3);
  assert.equal(jailed.tokens, String((SELF_DELEGATION * 99n) / 100n), "slashed by slash_fraction_downtime");
  assert.equal(jailed.status, "BOND_STATUS_UNBONDING");
  // Before its jail period is over, the chain refuses the unjail (signed by the paused validator's operator key, sent through node0).
  const early = await agoradFailure(net.home(3), ["tx", "slashing", "unjail", "--from", "validator", ...KEYRING, "--node", net.rpc(0)]);
  assert.match(early, /is jailed until .*; try again after that: validator still jailed; cannot be unjailed$/);
  await waitUntil("node3 gone from CometBFT's validators", async () => !(await net.validatorSet()).includes(net.validatorAddress(3)));
  await checkChain(net, [0, 1, 2]);

  assert.deepEqual(net.resume(3), ["app", "comet"]);
  await net.waitForHeight(3, await net.height(0));
  const jailedUntil = Date.parse((await signingInfo(3)).jailed_until);
  await waitUntil("a block time past node3's jailed_until", async () => (await latestBlockTime()) > jailedUntil);
  const unjailed = JSON.parse(await agoradCli(net.home(3), ["tx", "slashing", "unjail", "--from", "validator", ...KEYRING, ...rpcFlags(3)])) as { code: number; height: number };
  assert.equal(unjailed.code, 0);

  const back = await stakingValidator(3, 3);
  assert.deepEqual([back.status, back.jailed, back.tokens], ["BOND_STATUS_BONDED", false, jailed.tokens]);
  await net.waitForSignature(3, unjailed.height + 1);
  assert.ok((await net.validatorSet()).includes(net.validatorAddress(3)), "node3 is back in CometBFT's /validators");
  assert.deepEqual((await checkChain(net)).nodes, [0, 1, 2, 3]);
});

test("a second node signing with a copy of a validator's key double-signs: the evidence is committed, the validator slashed 5%, tombstoned and jailed for ever", async () => {
  const from = await net.height(0);
  const twin = await net.addNode();
  copyFileSync(join(net.home(2), "config", "priv_validator_key.json"), join(net.home(twin), "config", "priv_validator_key.json"));
  await net.launch(twin);

  await waitUntil("node2 tombstoned", async () => (await signingInfo(2)).tombstoned, 90_000);
  const info = await signingInfo(2);
  assert.equal(info.jailed_until, "9999-12-31T23:59:59Z", "jailed for ever");
  const punished = await stakingValidator(2);
  assert.equal(punished.jailed, true);
  assert.equal(punished.tokens, String((SELF_DELEGATION * 95n) / 100n), "slashed by slash_fraction_double_sign");

  // The evidence is in a committed block: node2's duplicate vote.
  const evidence = [];
  for (let h = from; h <= (await net.height(0)); h++) {
    const { block } = await net.rpcResult<{ block: { evidence: { evidence: { type: string; value: { vote_a: { validator_address: string } } }[] } } }>(0, `block?height=${h}`);
    evidence.push(...block.evidence.evidence);
  }
  assert.ok(evidence.length > 0, "a block carries the evidence");
  assert.ok(
    evidence.every((e) => e.type === "tendermint/DuplicateVoteEvidence" && e.value.vote_a.validator_address === net.validatorAddress(2)),
    `every piece of evidence is node2's duplicate vote: ${JSON.stringify(evidence)}`,
  );

  await waitUntil("node2 gone from CometBFT's validators", async () => !(await net.validatorSet()).includes(net.validatorAddress(2)));
  const refused = await agoradFailure(net.home(2), ["tx", "slashing", "unjail", "--from", "validator", ...KEYRING, "--node", net.rpc(0)]);
  assert.match(refused, /tombstoned for double signing and can never be unjailed/);
  await checkChain(net);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
