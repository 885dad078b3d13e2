/** Social CLI offline: arguments checked before signing, governance proposals, and queries against a fake node. */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it, test } from "node:test";
import * as q from "../../../generated/proto/agora/social/v1/query.js";
import * as socialTx from "../../../generated/proto/agora/social/v1/tx.js";
import { createModules } from "../../../app/app.js";
import { tempDirs } from "../../../test/support/temp-dirs.js";
import { lines, runCliAsync, tmpHome } from "../keys/testing.js";
import { chainRegistry, chainTypeUrls } from "./chain-types.js";
import { startFakeNode, type AbciHandler } from "./fake-node.js";
import { readProposalFile } from "./gov.js";
import { resolveAppealProposal, socialMsgs, updateParamsProposal } from "./social.js";

const newDir = tempDirs("agora-social-cli-");
const ALICE = "agora19rl4cm2hmr8afy4kldpxz3fka4jguq0aemhkp7";
const BOB = "agora1sxmr0k8u6trd5c6eu6trzyapzux7090y58wxrc";

test("each tx social command builds the message the chain routes, and the signing registry encodes it", () => {
  const registry = chainRegistry();
  const built = [
    socialMsgs.setProfile("@Alice_01", { displayName: "Alice" })(ALICE),
    socialMsgs.post("hello", { replyTo: "3" })(ALICE),
    socialMsgs.repost("3")(ALICE),
    socialMsgs.edit("3", "", { contentHash: "ab".repeat(32), uri: "ipfs://x" })(ALICE),
    socialMsgs.delete("3")(ALICE),
    socialMsgs.follow(BOB)(ALICE),
    socialMsgs.unfollow(BOB)(ALICE),
    socialMsgs.block(BOB)(ALICE),
    socialMsgs.unblock(BOB)(ALICE),
    socialMsgs.react("3", "like")(ALICE),
    socialMsgs.unreact("3", "like")(ALICE),
    socialMsgs.tip("3", "100uagora")(ALICE),
    socialMsgs.report("3", "spam")(ALICE),
    socialMsgs.moderate("3", "hide", "spam")(ALICE),
    socialMsgs.appeal("3", "satire")(ALICE),
    socialMsgs.supportAppeal("1")(ALICE),
  ];
  for (const msg of built) assert.ok(registry.encode(msg).length > 0, msg.typeUrl);
  assert.equal((built[0]!.value as socialTx.MsgSetProfile).handle, "alice_01");
  assert.deepEqual((built[11]!.value as socialTx.MsgTip).amount, { denom: "uagora", amount: "100" });
  const routed = chainTypeUrls().filter((url) => url.startsWith("/agora.social.v1.Msg"));
  const governanceOnly = ["/agora.social.v1.MsgResolveAppeal", "/agora.social.v1.MsgUpdateParams"];
  assert.deepEqual([...new Set(built.map((m) => m.typeUrl)), ...governanceOnly].sort(), routed, "a command (or a proposal) for every message");
});

test("bad handles, ids, content, tips and actions are refused before any key or node is used", () => {
  assert.throws(() => socialMsgs.setProfile("a", {}), /a handle is 3 to 32 letters, digits or underscores/);
  assert.throws(() => socialMsgs.repost("0"), /invalid post id "0": expected a positive integer/);
  assert.throws(() => socialMsgs.post("", {}), /a post needs text, or a content hash and URI/);
  assert.throws(() => socialMsgs.post("x", { uri: "ipfs://x" }), /give both or neither/);
  assert.throws(() => socialMsgs.tip("1", "1uagora,2ufoo"), /a tip is one coin/);
  assert.throws(() => socialMsgs.moderate("1", "delete", "spam"), /expected hide or restore/);
  assert.throws(() => socialMsgs.follow("cosmos1xyz"), /account to follow/);
});

test("an appeal decision and a params change are printed as proposals that submit-proposal reads as gov-authority messages", () => {
  const authority = createModules().gov.authority;
  const file = join(newDir(), "proposal.json");
  writeFileSync(file, JSON.stringify({ ...resolveAppealProposal({ appealId: "4", decision: "restore", reason: "satire" }), deposit: "10000000uagora" }));
  const resolve = readProposalFile(file, ALICE).messages[0]!;
  assert.deepEqual(socialTx.MsgResolveAppeal.decode(resolve.value), { authority, appealId: 4n, restore: true, reason: "satire" });

  writeFileSync(file, JSON.stringify({ ...updateParamsProposal({ params: { max_post_bytes: 280, reaction_kinds: ["like"], appeal_escalation_supporters: 5, max_following: 10 } }), deposit: "1uagora" }));
  const update = socialTx.MsgUpdateParams.decode(readProposalFile(file, ALICE).messages[0]!.value);
  assert.equal(update.authority, authority);
  assert.equal(update.params!.maxPostBytes, 280);
  assert.throws(() => updateParamsProposal({ max_post_bytes: 0, reaction_kinds: ["like"] }), /max_post_bytes must be 1\.\.65536, got 0/);
  assert.throws(() => resolveAppealProposal({ appealId: "1", decision: "maybe", reason: "" }), /expected restore or reject/);
});

describe("social queries against a node", () => {
  const post = { id: 7n, author: BOB, content: { text: "hello", contentHash: "", uri: "" }, replyTo: 0n, repostOf: 0n, createdAtHeight: 5n, createdAtTime: 0n, editedAtHeight: 0n, revisionCount: 0, deleted: false, hidden: true, decision: undefined, replyCount: 0n, repostCount: 0n };
  const answer: AbciHandler = (path) => {
    if (path === "/agora.social.v1.Query/Feed") return { value: q.QueryFeedResponse.encode({ posts: [{ post, reactions: [{ kind: "like", count: 2n }], tips: [] }], pagination: { nextKey: Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 3), total: 0n } }).finish() };
    return { code: 6, codespace: "social", log: "post not found: no post 9" };
  };
  let fake: Awaited<ReturnType<typeof startFakeNode>>;
  before(async () => (fake = await startFakeNode(undefined, answer)));
  after(() => fake.close());

  it("prints a feed as JSON in the SDK's snake_case, and as one line a post", async () => {
    const json = await runCliAsync(["--home", tmpHome(), "--output", "json", "query", "social", "feed", ALICE, "--node", fake.url]);
    assert.equal(json.status, 0, json.stderr);
    const res = JSON.parse(json.stdout);
    assert.deepEqual(res.posts[0].reactions, [{ kind: "like", count: "2" }]);
    assert.equal(res.posts[0].post.created_at_height, "5");
    const text = await runCliAsync(["--home", tmpHome(), "query", "social", "feed", ALICE, "--node", fake.url]);
    assert.deepEqual(lines(text.stdout), [`#7 ${BOB} (hidden): hello`, "next page: --page-key AAAAAAAAAAM="]);
  });

  it("turns the chain's refusal into one line naming the query", async () => {
    const run = await runCliAsync(["--home", tmpHome(), "query", "social", "post", "9", "--node", fake.url]);
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /^Error: query social post failed: Query failed with \(6\): post not found: no post 9/);
  });
});
