/** Slashing CLI: addresses and pubkeys read as consensus addresses, and queries of a real app behind a fake node. */
import assert from "node:assert/strict";
import { after, before, describe, it, test } from "node:test";
import { SlashingChain, valoper } from "../../../test/support/slashing.js";
import { consensusKey, createValidatorMsg } from "../../../test/support/staking.js";
import { lines, runCliAsync, tmpHome } from "../keys/testing.js";
import { startFakeNode } from "./fake-node.js";
import { consensusAddressOf, querySigningInfo } from "./slashing.js";

const AGORA = 1_000_000n;
const pubkeyJson = (key: Uint8Array) => JSON.stringify({ "@type": "/cosmos.crypto.ed25519.PubKey", key: Buffer.from(key).toString("base64") });

test("a consensus pubkey (in the SDK's JSON or as cometbft show-validator prints it) and its agoravalcons address name the same validator; anything else is refused in one line", () => {
  const address = consensusAddressOf(pubkeyJson(consensusKey(1)));
  assert.match(address, /^agoravalcons1/);
  assert.equal(consensusAddressOf(JSON.stringify({ type: "tendermint/PubKeyEd25519", value: Buffer.from(consensusKey(1)).toString("base64") })), address);
  assert.equal(consensusAddressOf(address), address);
  assert.throws(() => consensusAddressOf("agora1abc"), /expected an agoravalcons1\.\.\. address or a consensus pubkey/);
  assert.throws(() => consensusAddressOf(`${address.slice(0, -1)}x`), /invalid consensus address/);
  assert.throws(() => consensusAddressOf('{"@type":"/cosmos.crypto.secp256k1.PubKey","key":"AA=="}'), /a consensus pubkey must be \{"@type":"\/cosmos\.crypto\.ed25519\.PubKey"/);
});

describe("slashing queries against a node", () => {
  let s: SlashingChain;
  let fake: Awaited<ReturnType<typeof startFakeNode>>;
  before(async () => {
    s = await SlashingChain.open([100n * AGORA, 100n * AGORA]);
    const [a, b] = s.members as [(typeof s.members)[0], (typeof s.members)[0]];
    await s.ok(a, [createValidatorMsg(a.address, 10n * AGORA, consensusKey(1))]);
    await s.ok(b, [createValidatorMsg(b.address, 20n * AGORA, consensusKey(2))]);
    s.offline.add(valoper(a.address));
    s.advance(12);
    // The app itself answers the fake node's abci_query.
    fake = await startFakeNode(undefined, (path, data) => {
      const res = s.chain.query(path, data);
      return { code: res.code, codespace: res.codespace, log: res.log, value: res.value };
    });
  });
  after(async () => {
    await fake.close();
    await s.destroy();
  });

  it("shows a jailed validator's signing info by pubkey, as text and JSON", async () => {
    const info = await querySigningInfo({ node: fake.url, validator: pubkeyJson(consensusKey(1)) });
    assert.equal(info.address, consensusAddressOf(pubkeyJson(consensusKey(1))));
    assert.match(info.jailed_until!, /^2023-11-14T22:\d\d:\d\dZ$/);
    assert.equal(info.tombstoned, false);
    const run = await runCliAsync(["--home", tmpHome(), "query", "slashing", "signing-info", info.address, "--node", fake.url]);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(lines(run.stdout).includes(`jailed_until: ${info.jailed_until}`));
    const json = await runCliAsync(["--home", tmpHome(), "query", "slashing", "signing-info", info.address, "--node", fake.url, "--output", "json"]);
    assert.deepEqual(JSON.parse(json.stdout), info);
  });

  it("shows the params, and refuses an unknown validator in one line", async () => {
    const run = await runCliAsync(["--home", tmpHome(), "query", "slashing", "params", "--node", fake.url, "--output", "json"]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).downtime_jail_duration, "10s");
    const unknown = await runCliAsync(["--home", tmpHome(), "query", "slashing", "signing-info", pubkeyJson(consensusKey(9)), "--node", fake.url]);
    assert.notEqual(unknown.status, 0);
    assert.match(unknown.stderr, /query slashing signing-info failed: Query failed with \(38\): SigningInfo not found/);
  });
});

test("tx slashing unjail needs --from", async () => {
  const run = await runCliAsync(["--home", tmpHome(), "tx", "slashing", "unjail"]);
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /--from/);
});
