/** Staking CLI offline: validator.json in the SDK's shape, edit and delegation arguments, and queries against a fake node. */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it, test } from "node:test";
import { PubKey as Ed25519PubKey } from "cosmjs-types/cosmos/crypto/ed25519/keys";
import * as q from "cosmjs-types/cosmos/staking/v1beta1/query";
import { BondStatus, type Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import { tempDirs } from "../../../test/support/temp-dirs.js";
import { lines, runCli, runCliAsync, tmpHome } from "../keys/testing.js";
import { startFakeNode, type AbciHandler } from "./fake-node.js";
import { createValidator, delegate, editValidator, editValidatorMsg, queryDelegations, queryPool, queryValidator, queryValidators, readValidatorFile, redelegate, unbond } from "./staking.js";

const newDir = tempDirs("agora-staking-cli-");
const ALICE = "agora19rl4cm2hmr8afy4kldpxz3fka4jguq0aemhkp7";
const ALICE_VALOPER = "agoravaloper19rl4cm2hmr8afy4kldpxz3fka4jguq0a2y0zae";
const BOB_VALOPER = "agoravaloper1sxmr0k8u6trd5c6eu6trzyapzux7090y8ckjll";
const CONSENSUS_KEY = Buffer.alloc(32, 7).toString("base64");

/** A node home holding only CometBFT's validator key, as `agorad init` writes it. */
function homeWithConsensusKey(): string {
  const home = tmpHome();
  mkdirSync(join(home, "config"));
  const key = { address: "AB".repeat(20), pub_key: { type: "tendermint/PubKeyEd25519", value: CONSENSUS_KEY }, priv_key: { type: "tendermint/PrivKeyEd25519", value: "" } };
  writeFileSync(join(home, "config", "priv_validator_key.json"), JSON.stringify(key));
  return home;
}

function validatorFile(fields: Record<string, unknown>): string {
  const file = join(newDir(), "validator.json");
  const base = {
    pubkey: { "@type": "/cosmos.crypto.ed25519.PubKey", key: CONSENSUS_KEY },
    amount: "1000000000uagora",
    moniker: "node4",
    website: "https://example.org",
    "commission-rate": "0.1",
    "commission-max-rate": "0.2",
    "commission-max-change-rate": "0.01",
    "min-self-delegation": "1",
  };
  writeFileSync(file, JSON.stringify({ ...base, ...fields }));
  return file;
}

test("comet show-validator prints the node's consensus key as create-validator's validator.json takes it", () => {
  const home = homeWithConsensusKey();
  const run = runCli(["--home", home, "comet", "show-validator"]);
  assert.equal(run.status, 0, run.stderr);
  const pubkey = JSON.parse(run.stdout) as unknown;
  assert.deepEqual(pubkey, { "@type": "/cosmos.crypto.ed25519.PubKey", key: CONSENSUS_KEY });

  const msg = readValidatorFile(validatorFile({ pubkey }));
  assert.equal(Buffer.from(Ed25519PubKey.decode(msg.pubkey!.value).key).toString("base64"), CONSENSUS_KEY);
  assert.deepEqual(msg.commission, { rate: "100000000000000000", maxRate: "200000000000000000", maxChangeRate: "10000000000000000" });
  assert.deepEqual(msg.value, { denom: "uagora", amount: "1000000000" });
  assert.equal(msg.description!.moniker, "node4");
  assert.equal(msg.description!.website, "https://example.org");
  assert.equal(msg.minSelfDelegation, "1");

  const address = runCli(["--home", home, "comet", "show-address"]);
  assert.match(address.stdout.trim(), /^agoravalcons1[0-9a-z]{38}$/);
});

test("a validator.json with a bad field is refused naming the file and the field, before any key is used", async () => {
  const opts = { from: "alice", node: "http://127.0.0.1:1" };
  await assert.rejects(async () => createValidator({ ...opts, file: validatorFile({ "commission-rate": "1.5" }) }), /validator\.json: commission-rate 1\.5 is above 1$/);
  await assert.rejects(async () => createValidator({ ...opts, file: validatorFile({ pubkey: { "@type": "/cosmos.crypto.secp256k1.PubKey", key: CONSENSUS_KEY } }) }), /print it with `agorad comet show-validator`/);
  await assert.rejects(async () => createValidator({ ...opts, file: validatorFile({ amount: "5ufoo" }) }), /invalid amount "5ufoo": expected one amount of uagora/);
  await assert.rejects(async () => createValidator({ ...opts, file: validatorFile({ "min-self-delegation": 1 }) }), /min-self-delegation must be a positive whole number of uagora in a string/);
  await assert.rejects(async () => createValidator({ ...opts, file: join(newDir(), "missing.json") }), /cannot read validator file .*missing\.json/);
});

test("edit-validator changes only the fields given; the rest are the SDK's [do-not-modify]", async () => {
  const msg = editValidatorMsg({ moniker: "renamed", commissionRate: "0.12" });
  assert.deepEqual(msg.description, { moniker: "renamed", identity: "[do-not-modify]", website: "[do-not-modify]", securityContact: "[do-not-modify]", details: "[do-not-modify]" });
  assert.equal(msg.commissionRate, "120000000000000000");
  assert.equal(msg.minSelfDelegation, "");
  await assert.rejects(async () => editValidator({ from: "alice" }), /nothing to edit: give --new-moniker/);
});

test("delegate, unbond and redelegate refuse a bad validator address or amount before any key or node is used", async () => {
  const opts = { from: "alice", node: "http://127.0.0.1:1" };
  await assert.rejects(async () => delegate({ ...opts, validator: ALICE, amount: "5uagora" }), /invalid validator address "agora1.*": prefix must be agoravaloper, not agora/);
  await assert.rejects(async () => unbond({ ...opts, validator: ALICE_VALOPER, amount: "0uagora" }), /must be greater than zero/);
  await assert.rejects(async () => redelegate({ ...opts, source: ALICE_VALOPER, destination: ALICE_VALOPER, amount: "5uagora" }), /cannot redelegate to the same validator/);
  await assert.rejects(async () => redelegate({ ...opts, source: ALICE_VALOPER, destination: "agoravaloper1xyz", amount: "5uagora" }), /invalid destination validator address/);
});

describe("staking queries against a node", () => {
  const validator = (operatorAddress: string, moniker: string, jailed: boolean): Validator => ({
    operatorAddress,
    consensusPubkey: { typeUrl: Ed25519PubKey.typeUrl, value: Ed25519PubKey.encode({ key: Buffer.from(CONSENSUS_KEY, "base64") }).finish() },
    jailed,
    status: jailed ? BondStatus.BOND_STATUS_UNBONDING : BondStatus.BOND_STATUS_BONDED,
    tokens: "10000000000",
    delegatorShares: "10000000000000000000000000000",
    description: { moniker, identity: "", website: "", securityContact: "", details: "" },
    unbondingHeight: 0n,
    unbondingTime: { seconds: 0n, nanos: 0 },
    commission: { commissionRates: { rate: "100000000000000000", maxRate: "200000000000000000", maxChangeRate: "10000000000000000" }, updateTime: { seconds: 1_700_000_000n, nanos: 0 } },
    minSelfDelegation: "1",
    unbondingOnHoldRefCount: 0n,
    unbondingIds: [],
  });
  const validators = [validator(ALICE_VALOPER, "node0", false), validator(BOB_VALOPER, "node1", true)];
  const asked: { path: string; data: Uint8Array }[] = [];
  const answer: AbciHandler = (path, data) => {
    asked.push({ path, data });
    if (path === "/cosmos.staking.v1beta1.Query/Validators") {
      // One per page, as a node with a small limit would answer.
      const start = q.QueryValidatorsRequest.decode(data).pagination!.key.length ? 1 : 0;
      const nextKey = start === 0 ? Uint8Array.of(1) : new Uint8Array();
      return { value: q.QueryValidatorsResponse.encode({ validators: validators.slice(start, start + 1), pagination: { nextKey, total: 0n } }).finish() };
    }
    if (path === "/cosmos.staking.v1beta1.Query/Validator") {
      const found = validators.find((v) => v.operatorAddress === q.QueryValidatorRequest.decode(data).validatorAddr);
      if (found) return { value: q.QueryValidatorResponse.encode({ validator: found }).finish() };
      return { code: 3, codespace: "staking", log: "validator does not exist" };
    }
    if (path === "/cosmos.staking.v1beta1.Query/Pool") return { value: q.QueryPoolResponse.encode({ pool: { bondedTokens: "40000000000", notBondedTokens: "5" } }).finish() };
    if (path === "/cosmos.staking.v1beta1.Query/DelegatorDelegations") {
      const delegation = { delegatorAddress: ALICE, validatorAddress: ALICE_VALOPER, shares: "10000000000000000000000000000" };
      return { value: q.QueryDelegatorDelegationsResponse.encode({ delegationResponses: [{ delegation, balance: { denom: "uagora", amount: "10000000000" } }] }).finish() };
    }
    return { code: 18, codespace: "sdk", log: "invalid request: something the node refuses" };
  };
  let fake: Awaited<ReturnType<typeof startFakeNode>>;
  before(async () => (fake = await startFakeNode(undefined, answer)));
  after(() => fake.close());

  it("lists every validator across pages in the REST gateway's JSON, with a status filter", async () => {
    const res = await queryValidators({ node: fake.url, status: "bonded" });
    assert.equal(q.QueryValidatorsRequest.decode(asked.at(-1)!.data).status, "BOND_STATUS_BONDED");
    assert.equal(res.validators.length, 2);
    assert.deepEqual(res.validators[1], {
      operator_address: BOB_VALOPER,
      consensus_pubkey: { "@type": "/cosmos.crypto.ed25519.PubKey", key: CONSENSUS_KEY },
      jailed: true,
      status: "BOND_STATUS_UNBONDING",
      tokens: "10000000000",
      delegator_shares: "10000000000.000000000000000000",
      description: { moniker: "node1", identity: "", website: "", security_contact: "", details: "" },
      unbonding_height: "0",
      unbonding_time: "1970-01-01T00:00:00Z",
      commission: { commission_rates: { rate: "0.100000000000000000", max_rate: "0.200000000000000000", max_change_rate: "0.010000000000000000" }, update_time: "2023-11-14T22:13:20Z" },
      min_self_delegation: "1",
      unbonding_on_hold_ref_count: "0",
      unbonding_ids: [],
    });
    await assert.rejects(queryValidators({ node: fake.url, status: "active" }), /invalid --status "active": expected bonded, unbonding or unbonded/);
  });

  it("answers one validator, the pool and a delegator's delegations; the chain's refusal is one line", async () => {
    assert.equal(((await queryValidator({ node: fake.url, validator: ALICE_VALOPER })) as { jailed: boolean }).jailed, false);
    assert.deepEqual(await queryPool({ node: fake.url }), { not_bonded_tokens: "5", bonded_tokens: "40000000000" });
    const { delegation_responses } = await queryDelegations({ node: fake.url, delegator: ALICE });
    assert.deepEqual(delegation_responses[0], { delegation: { delegator_address: ALICE, validator_address: ALICE_VALOPER, shares: "10000000000.000000000000000000" }, balance: { denom: "uagora", amount: "10000000000" } });
    const unknown = "agoravaloper1fsndjp6vylvfahjeyuxq4s2tw8s8rv2j5zcsna";
    await assert.rejects(queryValidator({ node: fake.url, validator: unknown }), /^Error: query staking validator failed: Query failed with \(3\): validator does not exist$/);
  });

  it("prints validators as text, one per line, and as JSON with --output json, through the binary", async () => {
    const text = await runCliAsync(["--home", tmpHome(), "query", "staking", "validators", "--node", fake.url]);
    assert.equal(text.status, 0, text.stderr);
    assert.deepEqual(lines(text.stdout), [`node0  ${ALICE_VALOPER}  bonded  10000000000uagora`, `node1  ${BOB_VALOPER}  unbonding  10000000000uagora  jailed`]);
    const json = await runCliAsync(["--home", tmpHome(), "query", "staking", "pool", "--node", fake.url, "--output", "json"]);
    assert.deepEqual(JSON.parse(json.stdout), { not_bonded_tokens: "5", bonded_tokens: "40000000000" });
  });
});
