/**
 * Slashing end to end with the real CometBFT: the devnet validator's votes reach the app in
 * decided_last_commit, so its signing window moves on each block with nothing missed, and the
 * CLI finds it by the consensus pubkey in CometBFT's priv_validator_key.json.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { agoradCli, Devnet } from "../support/devnet.js";

let devnet: Devnet;

before(async () => {
  devnet = await Devnet.create();
  await devnet.start();
});

after(async () => {
  await devnet?.destroy();
});

test("the devnet validator's window moves on with every committed block and nothing missed", async () => {
  const key = JSON.parse(readFileSync(join(devnet.home, "config", "priv_validator_key.json"), "utf8")) as { pub_key: unknown };
  const signingInfo = async () => JSON.parse(await agoradCli(devnet.home, ["query", "slashing", "signing-info", JSON.stringify(key.pub_key), "--node", devnet.rpc, "--output", "json"])) as Record<string, unknown>;
  const first = await signingInfo();
  assert.match(String(first.address), /^agoravalcons1/);
  await devnet.waitForHeight((await devnet.height()) + 3);
  const later = await signingInfo();
  assert.ok(BigInt(String(later.index_offset)) >= BigInt(String(first.index_offset)) + 3n, `index_offset ${first.index_offset} then ${later.index_offset}`);
  assert.equal(later.missed_blocks_counter, "0");
  assert.equal(later.tombstoned, false);
  const rest = (await (await fetch(`${devnet.rest}/cosmos/slashing/v1beta1/signing_infos`)).json()) as { info: { address: string }[] };
  assert.deepEqual(rest.info.map((i) => i.address), [first.address]);
});
