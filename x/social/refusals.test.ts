import assert from "node:assert/strict";
import { after, test } from "node:test";
import * as q from "../../generated/proto/agora/social/v1/query.js";
import { anyMsg, type Actor } from "../../test/support/actors.js";
import type { TestChain } from "../../test/support/chain.js";
import { checked, getPost, ok, post, postIdOf, profile, query, refused, run, socialChain } from "./testing.js";
import * as t from "./types.js";

const chains: TestChain[] = [];
after(async () => {
  for (const chain of chains) await chain.destroy();
});

async function twoMembers() {
  const { chain, people } = await socialChain(chains, 2);
  const [alice, bob] = people as [Actor, Actor];
  await run(chain, [alice, [profile(alice, "alice")]], [bob, [profile(bob, "bob")]]);
  return { chain, alice, bob };
}

test("the previous owner takes a released handle back during its cooldown", async () => {
  const { chain, alice } = await twoMembers();
  await ok(chain, alice, profile(alice, "alice_two"));
  await ok(chain, alice, profile(alice, "ALICE"));
  const found = query(chain, "ProfileByHandle", q.QueryProfileByHandleRequest.encode({ handle: "alice" }).finish(), q.QueryProfileByHandleResponse);
  assert.equal(found.profile!.address, alice.address);
  assert.equal(chain.app.social.releasedHandles.get(chain.app.base.queryContext(), "alice"), undefined, "no longer reserved: it is held again");
});

test("undoing what was never done, or doing it twice, is refused: unfollow, unblock, block", async () => {
  const { chain, alice, bob } = await twoMembers();
  await refused(chain, alice, anyMsg(t.MsgUnfollow, { follower: alice.address, followee: bob.address }), t.ErrNotFound, /does not follow/);
  await refused(chain, alice, anyMsg(t.MsgUnblock, { blocker: alice.address, blocked: bob.address }), t.ErrNotFound, /does not block/);
  await ok(chain, alice, anyMsg(t.MsgBlock, { blocker: alice.address, blocked: bob.address }));
  await refused(chain, alice, anyMsg(t.MsgBlock, { blocker: alice.address, blocked: bob.address }), t.ErrAlreadyDone, /already blocks/);
});

test("an author cannot report their own post, and a repost has nothing to edit", async () => {
  const { chain, alice, bob } = await twoMembers();
  const id = postIdOf(await ok(chain, alice, post(alice, "mine")));
  await refused(chain, alice, anyMsg(t.MsgReportPost, { reporter: alice.address, postId: id, reason: "spam" }), t.ErrInvalidReport, /cannot report their own post/);
  const repost = postIdOf(await ok(chain, bob, anyMsg(t.MsgRepost, { author: bob.address, postId: id })));
  await refused(chain, bob, anyMsg(t.MsgEditPost, { author: bob.address, postId: repost, content: { text: "x", contentHash: "", uri: "" } }), t.ErrInvalidContent, /is a repost/);
  assert.equal(getPost(chain, id).post!.repostCount, 1n);
});

test("stateless checks refuse long bios, self-follows, zero tips and missing appeals before anything runs", async () => {
  const { chain, alice, bob } = await twoMembers();
  const longBio = anyMsg(t.MsgSetProfile, { owner: alice.address, handle: "alice", displayName: "", bio: "x".repeat(513), avatarUri: "" });
  assert.match((await checked(chain, alice, longBio)).log, /bio is at most 512 bytes, got 513/);
  assert.match((await checked(chain, alice, anyMsg(t.MsgFollow, { follower: alice.address, followee: alice.address }))).log, /cannot follow itself/);
  assert.match((await checked(chain, bob, anyMsg(t.MsgTip, { sender: bob.address, postId: 1n, amount: { denom: "uagora", amount: "0" } }))).log, /a tip must be more than zero/);
  assert.match((await checked(chain, bob, anyMsg(t.MsgSupportAppeal, { supporter: bob.address, appealId: 0n }))).log, /appeal ids start at 1/);
  await refused(chain, bob, anyMsg(t.MsgSupportAppeal, { supporter: bob.address, appealId: 5n }), t.ErrAppealNotFound, /no appeal 5/);
});
