/**
 * A software upgrade end to end on two nodes with the real CometBFT: governance schedules it, both
 * nodes' old binary halts at its height with the plan's message (and again when restarted), both
 * restart as the new binary, which migrates once, and the chain goes on with both in agreement.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { QueryParamsRequest, QueryParamsResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import { QueryAppliedPlanRequest, QueryAppliedPlanResponse } from "cosmjs-types/cosmos/upgrade/v1beta1/query";
import { moduleAddress, toAccAddress } from "../../sdk/types/address.js";
import { agoradCli, Devnet } from "../support/devnet.js";
import { GOV_TEST_PARAMS } from "../support/governance.js";

const handlers = join(dirname(fileURLToPath(import.meta.url)), "..", "support", "upgrade-v2-handlers.js");
const nodes: Devnet[] = [];
after(async () => {
  for (const node of nodes) await node.destroy();
});

/** An ABCI query through a node's CometBFT RPC, at `height` (0: latest). */
async function abciQuery(node: Devnet, path: string, data: Uint8Array, height = 0): Promise<Uint8Array> {
  const res = await node.rpcResult<{ response: { code: number; log: string; value: string | null } }>(
    `abci_query?path="${path}"&data=0x${Buffer.from(data).toString("hex")}&height=${height}`,
  );
  assert.equal(res.response.code, 0, res.response.log);
  return Buffer.from(res.response.value ?? "", "base64");
}

async function appHashOfBlock(node: Devnet, height: number): Promise<string> {
  return (await node.rpcResult<{ block: { header: { app_hash: string } } }>(`block?height=${height}`)).block.header.app_hash;
}

function tx(node: Devnet, args: string[], from = "dev"): Promise<string> {
  return agoradCli(node.home, [...args, "--from", from, "--keyring-backend", "test", "--node", node.rpc, "--output", "json"]);
}

const haltLines = (log: string, message: string) => log.split("\n").filter((line) => line.startsWith("Error:") && line.includes(message)).length;

test("a proposal's upgrade halts both nodes at its height; restarted with the handler they migrate and agree", async () => {
  const validator = await Devnet.create();
  nodes.push(validator);
  validator.editGenesis((state) => {
    state["governance"] = { ...state["governance"], params: { ...state["governance"]?.params, ...GOV_TEST_PARAMS, voting_period: "3s", expedited_voting_period: "2s", max_deposit_period: "3s" } };
  });
  const follower = await Devnet.following(validator);
  nodes.push(follower);
  await validator.start();
  await follower.start();

  const gov = toAccAddress(moduleAddress("gov"));
  const height = (await validator.height()) + 30;
  const proposal = join(validator.home, "proposal.json");
  writeFileSync(
    proposal,
    JSON.stringify({
      messages: [{ "@type": "/cosmos.upgrade.v1beta1.MsgSoftwareUpgrade", authority: gov, plan: { name: "v2", height: String(height), info: "v2.0.0" } }],
      deposit: "1000uagora",
      title: "Upgrade to v2",
      summary: "Turns off ulegacy transfers",
    }),
  );
  const submitted = JSON.parse(await tx(validator, ["tx", "gov", "submit-proposal", proposal])) as { code: number; rawLog: string };
  assert.equal(submitted.code, 0, submitted.rawLog);
  // Voting power is stake: the validator's key holds all of it.
  const voted = JSON.parse(await tx(validator, ["tx", "gov", "vote", "1", "yes"], "validator")) as { code: number; rawLog: string };
  assert.equal(voted.code, 0, voted.rawLog);

  const message = `UPGRADE "v2" NEEDED at height: ${height}: v2.0.0`;
  const halted = await validator.waitForExit(90_000);
  assert.equal(halted.code, 1);
  assert.equal(haltLines(halted.log, message), 1, `the validator says why it stopped; log:\n${halted.log.slice(-2000)}`);

  // The new binary on the validator: it runs block `height` with the migration and goes on.
  await validator.start(["--upgrade-handlers", handlers]);
  const afterUpgrade = height + 3;
  await validator.waitForHeight(afterUpgrade + 1);

  // The follower's old binary stopped at the same height; restarted as is, it stops there again.
  const followerHalt = await follower.waitForExit(60_000);
  assert.equal(haltLines(followerHalt.log, message), 1, `the follower halts too; log:\n${followerHalt.log.slice(-2000)}`);
  follower.launch();
  const again = await follower.waitForExit(60_000);
  assert.equal(again.code, 1);
  assert.equal(haltLines(again.log, message), 2, "the old binary halts again at the same height with the same message");

  await follower.start(["--upgrade-handlers", handlers]);
  await follower.waitForHeight(afterUpgrade + 1);

  for (const node of [validator, follower]) {
    const applied = QueryAppliedPlanResponse.decode(await abciQuery(node, "/cosmos.upgrade.v1beta1.Query/AppliedPlan", QueryAppliedPlanRequest.encode({ name: "v2" }).finish()));
    assert.equal(applied.height, BigInt(height));
    const params = QueryParamsResponse.decode(await abciQuery(node, "/cosmos.bank.v1beta1.Query/Params", QueryParamsRequest.encode({}).finish(), afterUpgrade));
    assert.deepEqual(params.params?.sendEnabled, [{ denom: "ulegacy", enabled: false }]);
  }
  // Block h+1 carries the app hash of the state after block h, as each node computed it.
  assert.equal(await appHashOfBlock(follower, afterUpgrade + 1), await appHashOfBlock(validator, afterUpgrade + 1));
  const [a, b] = await Promise.all([validator, follower].map((n) => n.rpcResult<{ response: { last_block_height: string } }>("abci_info")));
  assert.ok(Number(a!.response.last_block_height) > afterUpgrade && Number(b!.response.last_block_height) > afterUpgrade);
});
