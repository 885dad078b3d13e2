import assert from "node:assert/strict";
import { after, test } from "node:test";
import * as q from "../../generated/proto/agora/social/v1/query.js";
import { anyMsg } from "../../test/support/actors.js";
import type { TestChain } from "../../test/support/chain.js";
import { checked, getPost, ok, post, postIdOf, postsBy, profile, query, refused, run, socialChain, testParams } from "./testing.js";
import * as t from "./types.js";

const chains: TestChain[] = [];
after(async () => {
  for (const chain of chains) await chain.destroy();
});

const byHandle = (chain: TestChain, handle: string) => chain.query("/agora.social.v1.Query/ProfileByHandle", q.QueryProfileByHandleRequest.encode({ handle }).finish());

test("a user claims a handle that nobody else can take in any letter case, and a released one is free only after the cooldown", async () => {
  const { chain, people } = await socialChain(chains, 3);
  const [alice, bob, carol] = people as [typeof people[0], typeof people[0], typeof people[0]];
  const set = await ok(chain, alice, profile(alice, "Alice_01", "Alice"));
  assert.ok(set.events.some((e) => e.type === "social_profile_set"));
  const found = q.QueryProfileByHandleResponse.decode(byHandle(chain, "@ALICE_01").value).profile!;
  assert.equal(found.address, alice.address);
  assert.equal(found.handle, "alice_01");
  assert.equal(found.displayName, "Alice");

  await refused(chain, bob, profile(bob, "ALICE_01"), t.ErrHandleTaken, /@alice_01 belongs to another account/);
  const bad = await checked(chain, bob, profile(bob, "a!"));
  assert.equal(bad.codespace, "social");
  assert.match(bad.log, /a handle is 3 to 32 letters, digits or underscores/);
  assert.match((await checked(chain, bob, profile(bob, "\u212Aate"))).log, /got "\u212Aate"/, "the Kelvin sign does not pass for a k");

  await ok(chain, alice, profile(alice, "alice_new"));
  const releasedAt = chain.height;
  await refused(chain, bob, profile(bob, "alice_01"), t.ErrHandleTaken, new RegExp(`reserved for its previous owner until height ${releasedAt + 3n}`));
  assert.equal(byHandle(chain, "alice_01").codespace, "social", "the released handle names no profile");
  while (chain.height < releasedAt + 3n) chain.block([]);
  await ok(chain, carol, profile(carol, "alice_01"));
  assert.equal(q.QueryProfileByHandleResponse.decode(byHandle(chain, "alice_01").value).profile!.address, carol.address);
  const byAddress = query(chain, "ProfileByAddress", q.QueryProfileByAddressRequest.encode({ address: alice.address }).finish(), q.QueryProfileByAddressResponse);
  assert.equal(byAddress.profile!.handle, "alice_new");
});

test("a user posts, replies and reposts, and a reply to a post that does not exist changes nothing", async () => {
  const { chain, people } = await socialChain(chains, 2);
  const [alice, bob] = people as [typeof people[0], typeof people[0]];
  await refused(chain, alice, post(alice, "hello"), t.ErrProfileNotFound, /has no profile/);
  await run(chain, [alice, [profile(alice, "alice")]], [bob, [profile(bob, "bob")]]);
  const first = postIdOf(await ok(chain, alice, post(alice, "hello world")));
  const reply = postIdOf(await ok(chain, bob, post(bob, "hi alice", first)));
  const repost = postIdOf(await ok(chain, bob, anyMsg(t.MsgRepost, { author: bob.address, postId: first })));
  const original = getPost(chain, first).post!;
  assert.equal(original.content!.text, "hello world");
  assert.equal(original.replyCount, 1n);
  assert.equal(original.repostCount, 1n);
  assert.equal(getPost(chain, reply).post!.replyTo, first);
  assert.equal(getPost(chain, repost).post!.repostOf, first);
  const replies = query(chain, "Replies", q.QueryRepliesRequest.encode({ postId: first, pagination: undefined }).finish(), q.QueryRepliesResponse);
  assert.deepEqual(replies.posts.map((p) => p.post!.id), [reply]);
  assert.deepEqual(postsBy(chain, bob.address), [repost, reply], "newest first");

  await refused(chain, bob, post(bob, "into the void", 99n), t.ErrPostNotFound, /no post 99/);
  assert.deepEqual(postsBy(chain, bob.address), [repost, reply]);
});

test("an edit keeps the earlier text as a revision, and only the author may edit", async () => {
  const { chain, people } = await socialChain(chains, 2);
  const [alice, bob] = people as [typeof people[0], typeof people[0]];
  await ok(chain, alice, profile(alice, "alice"));
  const id = postIdOf(await ok(chain, alice, post(alice, "frist")));
  const edit = (who: typeof alice, text: string) => anyMsg(t.MsgEditPost, { author: who.address, postId: id, content: { text, contentHash: "", uri: "" } });
  await ok(chain, alice, edit(alice, "first"));
  await refused(chain, bob, edit(bob, "mine now"), t.ErrNotAuthor, /not agora1/);
  const edited = getPost(chain, id).post!;
  assert.equal(edited.content!.text, "first");
  assert.equal(edited.revisionCount, 1);
  const revisions = query(chain, "PostRevisions", q.QueryPostRevisionsRequest.encode({ id }).finish(), q.QueryPostRevisionsResponse).revisions;
  assert.deepEqual(revisions.map((r) => [r.revision, r.content!.text]), [[1, "frist"]]);
});

test("an author deletes a post: its id still answers, without content, and it leaves the author's list", async () => {
  const { chain, people } = await socialChain(chains, 2);
  const [alice, bob] = people as [typeof people[0], typeof people[0]];
  await ok(chain, alice, profile(alice, "alice"));
  const id = postIdOf(await ok(chain, alice, post(alice, "oops")));
  const del = (who: typeof alice) => anyMsg(t.MsgDeletePost, { author: who.address, postId: id });
  await refused(chain, bob, del(bob), t.ErrNotAuthor);
  await ok(chain, alice, del(alice));
  const deleted = getPost(chain, id).post!;
  assert.equal(deleted.deleted, true);
  assert.equal(deleted.content, undefined);
  assert.deepEqual(postsBy(chain, alice.address), []);
  await refused(chain, alice, del(alice), t.ErrAlreadyDone, /already deleted/);
  await ok(chain, bob, profile(bob, "bob"));
  await refused(chain, bob, post(bob, "reply", id), t.ErrPostUnavailable, new RegExp(`post ${id} is deleted`));
});

test("text over max_post_bytes is refused, and larger media go by content hash and URI", async () => {
  const { chain, people } = await socialChain(chains, 1, { params: testParams({ maxPostBytes: 10 }) });
  const [alice] = people as [typeof people[0]];
  await ok(chain, alice, profile(alice, "alice"));
  await refused(chain, alice, post(alice, "é".repeat(6)), t.ErrInvalidContent, /text is at most 10 bytes, got 12/);
  const media = anyMsg(t.MsgCreatePost, { author: alice.address, content: { text: "", contentHash: "ab".repeat(32), uri: "ipfs://bafy" }, replyTo: 0n });
  const id = postIdOf(await ok(chain, alice, media));
  assert.equal(getPost(chain, id).post!.content!.uri, "ipfs://bafy");
  const halfMedia = anyMsg(t.MsgCreatePost, { author: alice.address, content: { text: "", contentHash: "", uri: "ipfs://bafy" }, replyTo: 0n });
  const res = await checked(chain, alice, halfMedia);
  assert.match(res.log, /a content hash and a URI go together/);
});

test("an account posting faster than the rate limit is refused until its window passes", async () => {
  const { chain, people } = await socialChain(chains, 1, { params: testParams({ minBlocksBetweenPosts: 2n, maxPostsPerWindow: 2, postWindowBlocks: 10n }) });
  const [alice] = people as [typeof people[0]];
  await ok(chain, alice, profile(alice, "alice"));
  await ok(chain, alice, post(alice, "one"));
  const first = chain.height;
  await refused(chain, alice, post(alice, "too soon"), t.ErrRateLimited, new RegExp(`next post may come at height ${first + 2n}`));
  await ok(chain, alice, post(alice, "two"));
  chain.block([]);
  await refused(chain, alice, post(alice, "three"), t.ErrRateLimited, /made 2 posts since height/);
  while (chain.height < first + 9n) chain.block([]);
  await ok(chain, alice, post(alice, "a new window"));
  assert.equal(postsBy(chain, alice.address).length, 3);
});

test("a user's posts page newest first by next_key, and count_total counts them all", async () => {
  const { chain, people } = await socialChain(chains, 1);
  const [alice] = people as [typeof people[0]];
  await ok(chain, alice, profile(alice, "alice"));
  for (const text of ["one", "two", "three"]) await ok(chain, alice, post(alice, text));
  const page = (key: Uint8Array, countTotal = false) =>
    query(chain, "PostsByAuthor", q.QueryPostsByAuthorRequest.encode({ author: alice.address, pagination: { key, offset: 0n, limit: 2n, countTotal, reverse: false } }).finish(), q.QueryPostsByAuthorResponse);
  const first = page(new Uint8Array(), true);
  assert.deepEqual(first.posts.map((p) => p.post!.content!.text), ["three", "two"]);
  assert.equal(first.pagination!.total, 3n);
  const second = page(first.pagination!.nextKey);
  assert.deepEqual(second.posts.map((p) => p.post!.content!.text), ["one"]);
  assert.equal(second.pagination!.nextKey.length, 0);
});
