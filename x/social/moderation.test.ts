import assert from "node:assert/strict";
import { after, test } from "node:test";
import * as q from "../../generated/proto/agora/social/v1/query.js";
import { AppealStatus, ModerationAction, ReportStatus } from "../../generated/proto/agora/social/v1/social.js";
import { toAccAddress } from "../../sdk/types/address.js";
import { anyMsg, dispatchNested, nextBlockContext, type Actor } from "../../test/support/actors.js";
import type { TestChain } from "../../test/support/chain.js";
import { feed, getPost, ok, post, postIdOf, postsBy, profile, query, refused, run, socialChain } from "./testing.js";
import * as t from "./types.js";

const chains: TestChain[] = [];
after(async () => {
  for (const chain of chains) await chain.destroy();
});

const moderate = (who: Actor, postId: bigint, action: ModerationAction, reasonCode = "spam") => anyMsg(t.MsgModeratePost, { moderator: who.address, postId, action, reasonCode });
const HIDE = ModerationAction.MODERATION_ACTION_HIDE;
const RESTORE = ModerationAction.MODERATION_ACTION_RESTORE;

function pendingReports(chain: TestChain) {
  return query(chain, "PendingReports", q.QueryPendingReportsRequest.encode({ pagination: undefined }).finish(), q.QueryPendingReportsResponse).reports;
}

function appeal(chain: TestChain, id: bigint) {
  return query(chain, "Appeal", q.QueryAppealRequest.encode({ id }).finish(), q.QueryAppealResponse).appeal!;
}

/** A chain where people[0] moderates, people[1] posts and people[2..] read, all with profiles, and a post by people[1] followed by people[2]. */
async function moderatedChain(count = 5) {
  const { chain, people } = await socialChain(chains, count, { moderators: [0] });
  await run(chain, ...people.map((p, i): [Actor, { typeUrl: string; value: Uint8Array }[]] => [p, [profile(p, `user_${i}`)]]));
  const [mod, author, reader] = people as [Actor, Actor, Actor];
  await ok(chain, reader, anyMsg(t.MsgFollow, { follower: reader.address, followee: author.address }));
  const id = postIdOf(await ok(chain, author, post(author, "buy cheap followers")));
  return { chain, people, mod, author, reader, id };
}

test("a report waits for review until a moderator hides the post, which then leaves feeds but answers by id with the decision", async () => {
  const { chain, mod, author, reader, id } = await moderatedChain();
  const reported = await ok(chain, reader, anyMsg(t.MsgReportPost, { reporter: reader.address, postId: id, reason: "spam link" }));
  assert.ok(reported.events.some((e) => e.type === "social_post_reported"));
  assert.deepEqual(pendingReports(chain).map((r) => [r.postId, r.reporter, r.reason]), [[id, reader.address, "spam link"]]);
  await refused(chain, reader, anyMsg(t.MsgReportPost, { reporter: reader.address, postId: id, reason: "again" }), t.ErrAlreadyDone);

  await ok(chain, mod, moderate(mod, id, HIDE));
  assert.deepEqual(pendingReports(chain), []);
  const hidden = getPost(chain, id).post!;
  assert.equal(hidden.hidden, true);
  assert.equal(hidden.content!.text, "buy cheap followers", "hidden, not erased: the decision can be reviewed");
  assert.deepEqual(hidden.decision, { action: HIDE, decidedBy: mod.address, reasonCode: "spam", height: chain.height });
  assert.deepEqual(feed(chain, reader.address).posts, []);
  assert.deepEqual(postsBy(chain, author.address), []);
  const report = chain.app.social.reports.get(chain.app.base.queryContext(), 1n)!;
  assert.equal(report.status, ReportStatus.REPORT_STATUS_REVIEWED);
  await refused(chain, mod, moderate(mod, id, HIDE), t.ErrInvalidModeration, /already hidden/);
  await refused(chain, reader, post(reader, "reply", id), t.ErrPostUnavailable, /hidden by moderation/);

  await ok(chain, mod, moderate(mod, id, RESTORE, "false_positive"));
  assert.equal(getPost(chain, id).post!.hidden, false);
  assert.deepEqual(feed(chain, reader.address).posts.map((p) => p.post!.id), [id]);
});

test("an account without the moderator role cannot hide a post", async () => {
  const { chain, reader, id } = await moderatedChain();
  await refused(chain, reader, moderate(reader, id, HIDE), { codespace: "sdk", code: 4 }, /does not hold role moderator/);
  assert.equal(getPost(chain, id).post!.hidden, false);
});

test("an author's appeal that gathers enough supporters goes to governance, whose proposal restores the post", async () => {
  const { chain, people, mod, author, reader, id } = await moderatedChain();
  const [, , , dora] = people as [Actor, Actor, Actor, Actor];
  await ok(chain, mod, moderate(mod, id, HIDE));
  await refused(chain, reader, anyMsg(t.MsgAppeal, { author: reader.address, postId: id, statement: "" }), t.ErrNotAuthor);
  const appealId = (await ok(chain, author, anyMsg(t.MsgAppeal, { author: author.address, postId: id, statement: "it was satire" }))).events
    .find((e) => e.type === "social_appeal_opened")!.attributes.find((a) => a.key === "appeal_id")!.value;
  const support = (who: Actor) => anyMsg(t.MsgSupportAppeal, { supporter: who.address, appealId: BigInt(appealId) });
  await refused(chain, author, support(author), t.ErrAppealNotAllowed, /cannot support their own appeal/);
  await ok(chain, reader, support(reader));
  await refused(chain, reader, support(reader), t.ErrAlreadyDone);
  assert.equal(appeal(chain, 1n).status, AppealStatus.APPEAL_STATUS_OPEN);
  const escalated = await ok(chain, dora, support(dora));
  assert.ok(escalated.events.some((e) => e.type === "social_appeal_escalated"));
  assert.equal(appeal(chain, 1n).status, AppealStatus.APPEAL_STATUS_ESCALATED);
  await refused(chain, author, anyMsg(t.MsgAppeal, { author: author.address, postId: id, statement: "again" }), t.ErrAppealNotAllowed, /already appealed/);

  const gov = toAccAddress(chain.app.accounts.moduleAddress("gov"));
  const resolve = { typeUrl: t.MsgResolveAppeal.typeUrl, value: { authority: gov, appealId: 1n, restore: true, reason: "satire is allowed" } };
  assert.throws(() => dispatchNested(chain, { ...resolve, value: { ...resolve.value, authority: mod.address } }), /invalid authority; expected agora1/);
  const ctx = nextBlockContext(chain);
  dispatchNested(chain, resolve, ctx);
  const restored = chain.app.social.posts.get(ctx, id)!;
  assert.equal(restored.hidden, false);
  assert.deepEqual(restored.decision, { action: RESTORE, decidedBy: gov, reasonCode: "appeal_upheld", height: ctx.height });
  assert.deepEqual(chain.app.social.appeals.get(ctx, 1n)!.status, AppealStatus.APPEAL_STATUS_RESTORED);
  assert.throws(() => dispatchNested(chain, resolve, ctx), /is not escalated to governance/);
});

test("governance cannot decide an appeal still gathering support, and rejecting one keeps the post hidden", async () => {
  const { chain, mod, author, reader, id } = await moderatedChain();
  await ok(chain, mod, moderate(mod, id, HIDE));
  await ok(chain, author, anyMsg(t.MsgAppeal, { author: author.address, postId: id, statement: "please" }));
  const gov = toAccAddress(chain.app.accounts.moduleAddress("gov"));
  const resolve = (restore: boolean) => ({ typeUrl: t.MsgResolveAppeal.typeUrl, value: { authority: gov, appealId: 1n, restore, reason: "no" } });
  assert.throws(() => dispatchNested(chain, resolve(false)), /appeal 1 is not escalated/);
  await ok(chain, reader, anyMsg(t.MsgSupportAppeal, { supporter: reader.address, appealId: 1n }));
  const ctx = nextBlockContext(chain);
  chain.app.social.params.set(ctx, { ...chain.app.social.getParams(ctx), appealEscalationSupporters: 1 });
  dispatchNested(chain, { typeUrl: t.MsgSupportAppeal.typeUrl, value: { supporter: mod.address, appealId: 1n } }, ctx);
  dispatchNested(chain, resolve(false), ctx);
  assert.equal(chain.app.social.appeals.get(ctx, 1n)!.status, AppealStatus.APPEAL_STATUS_REJECTED);
  assert.equal(chain.app.social.appeals.get(ctx, 1n)!.resolution, "no");
  assert.equal(chain.app.social.posts.get(ctx, id)!.hidden, true);
});

test("a moderator restoring a post closes its open appeal", async () => {
  const { chain, mod, author, id } = await moderatedChain(3);
  await ok(chain, mod, moderate(mod, id, HIDE));
  await ok(chain, author, anyMsg(t.MsgAppeal, { author: author.address, postId: id, statement: "mistake" }));
  await ok(chain, mod, moderate(mod, id, RESTORE, "mistake"));
  assert.equal(appeal(chain, 1n).status, AppealStatus.APPEAL_STATUS_RESTORED);
  await refused(chain, author, anyMsg(t.MsgAppeal, { author: author.address, postId: id, statement: "" }), t.ErrAppealNotAllowed, /is not hidden/);
});
