import assert from "node:assert/strict";
import { after, test } from "node:test";
import * as q from "../../generated/proto/agora/social/v1/query.js";
import { anyMsg, type Actor } from "../../test/support/actors.js";
import type { TestChain } from "../../test/support/chain.js";
import { reactionCounts } from "./invariants.js";
import { feed, getPost, ok, post, postIdOf, profile, query, refused, run, socialChain, testParams } from "./testing.js";
import * as t from "./types.js";

const chains: TestChain[] = [];
after(async () => {
  for (const chain of chains) await chain.destroy();
});

const follow = (a: Actor, b: Actor) => anyMsg(t.MsgFollow, { follower: a.address, followee: b.address });
const react = (a: Actor, postId: bigint, kind: string) => anyMsg(t.MsgReact, { reactor: a.address, postId, kind });

async function withProfiles(count: number) {
  const { chain, people } = await socialChain(chains, count);
  await run(chain, ...people.map((p, i): [Actor, { typeUrl: string; value: Uint8Array }[]] => [p, [profile(p, `user_${i}`)]]));
  return { chain, people };
}

test("a follower's feed merges the posts of the accounts it follows, newest first, page by page", async () => {
  const { chain, people } = await withProfiles(4);
  const [reader, ann, ben, stranger] = people as [Actor, Actor, Actor, Actor];
  await run(chain, [reader, [follow(reader, ann)]], [ann, [post(ann, "ann 1")]], [ben, [post(ben, "ben 1")]], [stranger, [post(stranger, "stranger 1")]]);
  await ok(chain, reader, follow(reader, ben));
  const expected: bigint[] = [];
  for (const who of [ann, ben, ben, ann]) {
    expected.unshift(postIdOf(await ok(chain, who, post(who, `${who === ann ? "ann" : "ben"} again`))));
  }
  // The first posts of ann and ben (ids 1 and 2 in block order) come last; the stranger's never.
  const all = feed(chain, reader.address).posts.map((p) => p.post!.id);
  assert.deepEqual(all, [...expected, 2n, 1n]);
  const first = feed(chain, reader.address, 4n);
  assert.deepEqual(first.posts.map((p) => p.post!.id), expected);
  const second = feed(chain, reader.address, 4n, first.pagination!.nextKey);
  assert.deepEqual(second.posts.map((p) => p.post!.id), [2n, 1n]);
  assert.equal(second.pagination!.nextKey.length, 0);

  const followers = query(chain, "Followers", q.QueryFollowersRequest.encode({ address: ann.address, pagination: undefined }).finish(), q.QueryFollowersResponse);
  assert.deepEqual(followers.addresses, [reader.address]);
  const following = query(chain, "Following", q.QueryFollowingRequest.encode({ address: reader.address, pagination: { key: new Uint8Array(), offset: 0n, limit: 1n, countTotal: true, reverse: false } }).finish(), q.QueryFollowingResponse);
  assert.equal(following.addresses.length, 1);
  assert.equal(following.pagination!.total, 2n);
  await refused(chain, reader, follow(reader, ann), t.ErrAlreadyDone, /already follows/);
  await ok(chain, reader, anyMsg(t.MsgUnfollow, { follower: reader.address, followee: ann.address }));
  assert.deepEqual(feed(chain, reader.address).posts.map((p) => p.post!.author), [ben.address, ben.address, ben.address]);
});

test("a blocked account cannot follow or reply to the blocker, and the block ends its follow", async () => {
  const { chain, people } = await withProfiles(2);
  const [alice, troll] = people as [Actor, Actor];
  const id = postIdOf(await ok(chain, alice, post(alice, "my post")));
  await ok(chain, troll, follow(troll, alice));
  const blocked = await ok(chain, alice, anyMsg(t.MsgBlock, { blocker: alice.address, blocked: troll.address }));
  assert.equal(blocked.events.find((e) => e.type === "social_blocked")!.attributes.find((a) => a.key === "follow_removed")!.value, "true");
  assert.equal(feed(chain, troll.address).posts.length, 0);
  await refused(chain, troll, follow(troll, alice), t.ErrBlocked, /has blocked/);
  await refused(chain, troll, post(troll, "reply", id), t.ErrBlocked, /cannot reply/);
  assert.equal(getPost(chain, id).post!.replyCount, 0n);
  await ok(chain, alice, anyMsg(t.MsgUnblock, { blocker: alice.address, blocked: troll.address }));
  await ok(chain, troll, post(troll, "sorry", id));
});

test("reactions are one per account per kind, counted on the post, and only of the param kinds", async () => {
  const { chain, people } = await withProfiles(3);
  const [alice, bob, carol] = people as [Actor, Actor, Actor];
  const id = postIdOf(await ok(chain, alice, post(alice, "react to me")));
  await run(chain, [bob, [react(bob, id, "like"), react(bob, id, "love")]], [carol, [react(carol, id, "like")]]);
  assert.deepEqual(getPost(chain, id).reactions, [{ kind: "like", count: 2n }, { kind: "love", count: 1n }]);
  await refused(chain, bob, react(bob, id, "like"), t.ErrAlreadyDone, /already reacted "like"/);
  await refused(chain, bob, react(bob, id, "angry"), t.ErrInvalidReaction, /the kinds are like, love, laugh, wow, sad/);
  await ok(chain, bob, anyMsg(t.MsgUnreact, { reactor: bob.address, postId: id, kind: "love" }));
  await refused(chain, bob, anyMsg(t.MsgUnreact, { reactor: bob.address, postId: id, kind: "love" }), t.ErrNotFound);
  assert.deepEqual(getPost(chain, id).reactions, [{ kind: "like", count: 2n }]);
  assert.equal(reactionCounts(chain.app.base.queryContext(), chain.app.social).broken, false);
});

test("a tip moves the coins to the author and adds them to the post's tips", async () => {
  const { chain, people } = await withProfiles(3);
  const [alice, bob, carol] = people as [Actor, Actor, Actor];
  const id = postIdOf(await ok(chain, alice, post(alice, "tip jar")));
  const tip = (who: Actor, amount: string) => anyMsg(t.MsgTip, { sender: who.address, postId: id, amount: { denom: "uagora", amount } });
  const before = chain.balance(alice.address);
  await run(chain, [bob, [tip(bob, "1500")]], [carol, [tip(carol, "500")]]);
  assert.equal(chain.balance(alice.address), before + 2000n);
  assert.deepEqual(getPost(chain, id).tips, [{ denom: "uagora", amount: "2000" }]);
  await refused(chain, alice, tip(alice, "1"), t.ErrInvalidTip, /cannot tip their own post/);
  await refused(chain, bob, tip(bob, "99999999999"), { codespace: "sdk", code: 5 });
  assert.deepEqual(getPost(chain, id).tips, [{ denom: "uagora", amount: "2000" }], "a failed tip records nothing");
});

test("the follow limit bounds how many accounts one account follows", async () => {
  const { chain, people } = await socialChain(chains, 3, { params: testParams({ maxFollowing: 1 }) });
  const [alice, bob, carol] = people as [Actor, Actor, Actor];
  await run(chain, [bob, [profile(bob, "bob")]], [carol, [profile(carol, "carol")]]);
  await ok(chain, alice, follow(alice, bob));
  await refused(chain, alice, follow(alice, carol), t.ErrTooManyFollows, /follows 1 accounts, the most allowed/);
});
