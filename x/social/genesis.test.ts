import assert from "node:assert/strict";
import { after, test } from "node:test";
import * as q from "../../generated/proto/agora/social/v1/query.js";
import { ModerationAction } from "../../generated/proto/agora/social/v1/social.js";
import { toAccAddress } from "../../sdk/types/address.js";
import { anyMsg, dispatchNested, nextBlockContext, signed, type Actor } from "../../test/support/actors.js";
import { TestChain } from "../../test/support/chain.js";
import { feed, getPost, ok, post, postIdOf, profile, query, socialChain, testParams } from "./testing.js";
import * as t from "./types.js";

const chains: TestChain[] = [];
after(async () => {
  for (const chain of chains) await chain.destroy();
});

/** Every kind of record: profiles, a released handle, posts, an edit, a deletion, follows, a block, reactions, a tip, a report, a hiding, an appeal. */
async function busyChain(): Promise<{ chain: TestChain; hashes: string[]; people: Actor[] }> {
  const { chain, people } = await socialChain(chains, 4, { moderators: [3], params: testParams({ handleCooldownBlocks: 100n }) });
  const [alice, bob, carol, mod] = people as [Actor, Actor, Actor, Actor];
  const hashes: string[] = [];
  const block = async (...txs: [Actor, { typeUrl: string; value: Uint8Array }[]][]) => {
    const signedTxs: Uint8Array[] = [];
    for (const [who, msgs] of txs) signedTxs.push(await signed(chain, who, msgs));
    const { results, appHash } = chain.block(signedTxs);
    for (const r of results) assert.equal(r.code, 0, r.log);
    hashes.push(Buffer.from(appHash).toString("hex"));
  };
  await block([alice, [profile(alice, "alice")]], [bob, [profile(bob, "bob")]], [carol, [profile(carol, "carol")]], [mod, [profile(mod, "mod")]]);
  await block([alice, [profile(alice, "alice2"), post(alice, "hello")]], [bob, [anyMsg(t.MsgFollow, { follower: bob.address, followee: alice.address })]]);
  await block([bob, [post(bob, "hi", 1n), anyMsg(t.MsgReact, { reactor: bob.address, postId: 1n, kind: "like" })]], [carol, [anyMsg(t.MsgTip, { sender: carol.address, postId: 1n, amount: { denom: "uagora", amount: "42" } })]]);
  await block([alice, [anyMsg(t.MsgEditPost, { author: alice.address, postId: 1n, content: { text: "hello, edited", contentHash: "", uri: "" } }), anyMsg(t.MsgBlock, { blocker: alice.address, blocked: carol.address })]], [carol, [anyMsg(t.MsgReportPost, { reporter: carol.address, postId: 2n, reason: "rude" })]]);
  await block([mod, [anyMsg(t.MsgModeratePost, { moderator: mod.address, postId: 2n, action: ModerationAction.MODERATION_ACTION_HIDE, reasonCode: "rude" })]], [carol, [post(carol, "to delete")]]);
  await block([bob, [anyMsg(t.MsgAppeal, { author: bob.address, postId: 2n, statement: "not rude" })]], [carol, [anyMsg(t.MsgDeletePost, { author: carol.address, postId: 3n })]]);
  return { chain, hashes, people };
}

test("social genesis exports what the chain holds, and a chain started from the export answers the same", async () => {
  const { chain, people } = await busyChain();
  const [alice, bob] = people as [Actor, Actor];
  const exported = JSON.parse(JSON.stringify(chain.app.modules.exportGenesis(chain.app.base.queryContext())));
  const social = exported.social;
  assert.equal(social.profiles.length, 4);
  assert.deepEqual(social.released_handles, [{ handle: "alice", previous_owner: alice.address, reusable_at_height: String(chain.height - 4n + 100n) }]);
  assert.equal(social.next_post_id, "3");

  const copy = TestChain.open();
  chains.push(copy);
  copy.initChain(exported);
  copy.block([]);
  assert.deepEqual(JSON.parse(JSON.stringify(copy.app.modules.exportGenesis(copy.app.base.queryContext()).social)), social);
  assert.deepEqual(getPost(copy, 1n), getPost(chain, 1n));
  assert.deepEqual(feed(copy, bob.address), feed(chain, bob.address));
  const revisions = query(copy, "PostRevisions", q.QueryPostRevisionsRequest.encode({ id: 1n }).finish(), q.QueryPostRevisionsResponse).revisions;
  assert.equal(revisions[0]!.content!.text, "hello");
  assert.equal(copy.app.invariants.routes().includes("social/reaction-counts"), true);
  copy.app.invariants.assertAll(copy.app.base.queryContext());
});

test("the same social blocks give the same app hash at every height, twice", async () => {
  const first = (await busyChain()).hashes;
  const second = (await busyChain()).hashes;
  assert.equal(first.length, 6);
  assert.deepEqual(second, first);
});

test("the gov authority updates the params, checked, and nobody else may", async () => {
  const { chain, people } = await socialChain(chains, 1);
  const [alice] = people as [Actor];
  const gov = toAccAddress(chain.app.accounts.moduleAddress("gov"));
  const update = (authority: string, overrides: Parameters<typeof testParams>[0]) => ({ typeUrl: t.MsgUpdateParams.typeUrl, value: { authority, params: testParams(overrides) } });
  assert.throws(() => dispatchNested(chain, update(alice.address, { maxPostBytes: 5 })), /invalid authority/);
  assert.throws(() => dispatchNested(chain, update(gov, { reactionKinds: ["like", "like"] })), /must not repeat a kind/);
  const ctx = nextBlockContext(chain);
  dispatchNested(chain, update(gov, { maxPostBytes: 5 }), ctx);
  assert.equal(chain.app.social.getParams(ctx).maxPostBytes, 5);
  const params = query(chain, "Params", q.QueryParamsRequest.encode({}).finish(), q.QueryParamsResponse).params!;
  assert.equal(params.maxPostBytes, testParams().maxPostBytes, "the committed state is unchanged");
  await ok(chain, alice, profile(alice, "alice"));
  assert.equal(postIdOf(await ok(chain, alice, post(alice, "fine"))), 1n);
});
