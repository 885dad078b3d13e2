/**
 * x/social's tables end to end: a chain's block stream over real gRPC into the real PostgreSQL;
 * the SQL shows the profiles, posts (a hidden one flagged with its decision) and follows the
 * chain's queries show.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Server, ServerCredentials } from "@grpc/grpc-js";
import { pino } from "pino";
import { ModerationAction } from "../generated/proto/agora/social/v1/social.js";
import { openIndexerDatabase } from "../cmd/agorad/indexer/database.js";
import { migrateIndexer } from "../cmd/agorad/indexer/migrate.js";
import { runIndexer } from "../cmd/agorad/indexer/run.js";
import { addStreamService } from "../sdk/server/stream/grpc-service.js";
import { MsgFollow, MsgModeratePost, MsgUnfollow } from "../x/social/types.js";
import { post, profile } from "../x/social/testing.js";
import { actors, actorsGenesis, anyMsg, signed, type Actor } from "./support/actors.js";
import { TestChain } from "./support/chain.js";
import { createTestDatabase } from "./support/postgres.js";

test("the indexer keeps social profiles, posts with their moderation, and follows as the chain has them", async () => {
  const [mod, alice, bob] = (await actors(3)) as [Actor, Actor, Actor];
  const chain = TestChain.open(undefined, undefined, undefined, { streamBlocks: true });
  const server = new Server();
  addStreamService(server, chain.app.base.store, chain.app.base.commits);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
  const database = await createTestDatabase();
  const db = database.closeBeforeDrop(openIndexerDatabase(database.url));
  await migrateIndexer(db, "latest");
  const block = async (...txs: [Actor, { typeUrl: string; value: Uint8Array }[]][]) => {
    const signedTxs: Uint8Array[] = [];
    for (const [who, msgs] of txs) signedTxs.push(await signed(chain, who, msgs));
    for (const r of chain.block(signedTxs).results) assert.equal(r.code, 0, r.log);
  };
  try {
    chain.initChain(actorsGenesis([mod, alice, bob], { roles: { grants: [{ role: "moderator", address: mod.address }] } }));
    chain.block([]);
    await block([alice, [profile(alice, "Alice", "Alice A.")]], [bob, [profile(bob, "bob")]]);
    await block([alice, [post(alice, "hello")]], [bob, [anyMsg(MsgFollow, { follower: bob.address, followee: alice.address })]]);
    await block([bob, [post(bob, "hi alice", 1n)]], [alice, [anyMsg(MsgFollow, { follower: alice.address, followee: bob.address })]]);
    await block([mod, [anyMsg(MsgModeratePost, { moderator: mod.address, postId: 2n, action: ModerationAction.MODERATION_ACTION_HIDE, reasonCode: "rude" })]], [alice, [anyMsg(MsgUnfollow, { follower: alice.address, followee: bob.address })]]);
    const stop = new AbortController();
    await runIndexer({ db, grpc: `127.0.0.1:${port}`, logger: pino({ level: "silent" }), signal: stop.signal, onIndexed: (h) => h >= chain.height && stop.abort() });

    const profiles = await db.selectFrom("social_profiles").select(["address", "handle", "display_name"]).orderBy("handle").execute();
    assert.deepEqual(profiles, [
      { address: alice.address, handle: "alice", display_name: "Alice A." },
      { address: bob.address, handle: "bob", display_name: "" },
    ]);
    const posts = await db.selectFrom("social_posts").select(["id", "author", "reply_to", "text", "reply_count", "hidden", "moderation_action", "moderated_by", "moderation_reason"]).orderBy("id").execute();
    assert.deepEqual(posts, [
      { id: "1", author: alice.address, reply_to: null, text: "hello", reply_count: "1", hidden: false, moderation_action: null, moderated_by: null, moderation_reason: null },
      { id: "2", author: bob.address, reply_to: "1", text: "hi alice", reply_count: "0", hidden: true, moderation_action: "hide", moderated_by: mod.address, moderation_reason: "rude" },
    ]);
    const follows = await db.selectFrom("social_follows").select(["follower", "followee", "since_height"]).execute();
    assert.deepEqual(follows, [{ follower: bob.address, followee: alice.address, since_height: String(chain.height - 2n) }]);
  } finally {
    server.forceShutdown();
    await chain.destroy();
  }
});
