/**
 * Reports, moderation, appeals and params. Moderators (the `moderator` role, or the gov
 * authority) hide and restore posts; the author of a hidden post appeals once per hiding; an
 * appeal that gathers appeal_escalation_supporters distinct supporters is escalated, and only
 * governance (an authority-signed MsgResolveAppeal in a passed proposal) decides it then.
 */
import { AppealStatus, ModerationAction, ReportStatus, type Post } from "../../generated/proto/agora/social/v1/social.js";
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import { uint64Key } from "../../sdk/collections/codecs.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import type { Context } from "../../sdk/types/context.js";
import { requireAuthority } from "../../sdk/types/authority.js";
import type { SocialRoleChecks } from "./expected-keepers.js";
import type { SocialKeeper } from "./keeper.js";
import { validateSocialParams } from "./params.js";
import { getPost, getVisiblePost, requireProfile } from "./rules.js";
import * as t from "./types.js";

const REASON_CODE = /^[a-z0-9_]{1,64}$/;

/** Marks the post's pending reports reviewed: a moderator has looked at the post. */
function reviewReports(ctx: Context, keeper: SocialKeeper, postId: bigint): void {
  for (const [, reportId] of [...keeper.reportsByPost.entries(ctx, uint64Key.encodeNonTerminal(postId))]) {
    if (!keeper.pendingReports.has(ctx, reportId)) continue;
    keeper.pendingReports.delete(ctx, reportId);
    const report = keeper.reports.get(ctx, reportId)!;
    keeper.reports.set(ctx, reportId, { ...report, status: ReportStatus.REPORT_STATUS_REVIEWED });
  }
}

/** Restores a hidden post and closes its open or escalated appeal as restored. */
function restore(ctx: Context, keeper: SocialKeeper, post: Post, decidedBy: string, reasonCode: string): void {
  keeper.savePost(ctx, { ...post, hidden: false, decision: { action: ModerationAction.MODERATION_ACTION_RESTORE, decidedBy, reasonCode, height: ctx.height } }, post);
  const appealId = keeper.appealByPost.get(ctx, post.id);
  const appeal = appealId === undefined ? undefined : keeper.appeals.get(ctx, appealId);
  if (appeal && (appeal.status === AppealStatus.APPEAL_STATUS_OPEN || appeal.status === AppealStatus.APPEAL_STATUS_ESCALATED)) {
    keeper.appeals.set(ctx, appeal.id, { ...appeal, status: AppealStatus.APPEAL_STATUS_RESTORED });
  }
}

export function registerModerationMsgs(router: MsgRouter, keeper: SocialKeeper, roles: SocialRoleChecks): void {
  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgReportPost,
    responseType: t.MsgReportPostResponse,
    signers: (msg) => [msg.reporter],
    validateBasic(msg) {
      fromAccAddress(msg.reporter);
      t.assertId(t.ErrPostNotFound, "post", msg.postId);
      if (!msg.reason) throw t.ErrInvalidReport.wrap("a report needs a reason");
      t.assertMaxBytes(t.ErrInvalidReport, "reason", msg.reason, t.MAX_REASON_BYTES);
    },
    handle(ctx, msg) {
      const post = getVisiblePost(ctx, keeper, msg.postId);
      if (post.author === msg.reporter) throw t.ErrInvalidReport.wrap("an author cannot report their own post; delete it instead");
      const reporter = fromAccAddress(msg.reporter);
      if (keeper.reportsByPost.has(ctx, [post.id, reporter])) throw t.ErrAlreadyDone.wrap(`${msg.reporter} already reported post ${post.id}`);
      const id = keeper.nextReportId.next(ctx) + 1n;
      keeper.reports.set(ctx, id, { id, postId: post.id, reporter: msg.reporter, reason: msg.reason, height: ctx.height, status: ReportStatus.REPORT_STATUS_PENDING });
      keeper.pendingReports.set(ctx, id, true);
      keeper.reportsByPost.set(ctx, [post.id, reporter], id);
      ctx.events.emit("social_post_reported", { report_id: id.toString(), post_id: post.id.toString(), reporter: msg.reporter });
      return { reportId: id };
    },
  });

  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgModeratePost,
    responseType: t.MsgModeratePostResponse,
    signers: (msg) => [msg.moderator],
    validateBasic(msg) {
      fromAccAddress(msg.moderator);
      t.assertId(t.ErrPostNotFound, "post", msg.postId);
      if (msg.action !== ModerationAction.MODERATION_ACTION_HIDE && msg.action !== ModerationAction.MODERATION_ACTION_RESTORE) {
        throw t.ErrInvalidModeration.wrap("action must be hide or restore");
      }
      if (!REASON_CODE.test(msg.reasonCode)) throw t.ErrInvalidModeration.wrap(`a reason code is 1 to 64 lowercase letters, digits or underscores (e.g. spam), got "${msg.reasonCode}"`);
    },
    handle(ctx, msg) {
      roles.requireAuthorityOrRole(ctx, msg.moderator, t.MODERATOR_ROLE);
      const post = getPost(ctx, keeper, msg.postId);
      if (post.deleted) throw t.ErrPostUnavailable.wrap(`post ${post.id} is deleted: there is nothing to moderate`);
      const hide = msg.action === ModerationAction.MODERATION_ACTION_HIDE;
      if (hide === post.hidden) throw t.ErrInvalidModeration.wrap(`post ${post.id} is already ${post.hidden ? "hidden" : "visible"}`);
      if (hide) keeper.savePost(ctx, { ...post, hidden: true, decision: { action: msg.action, decidedBy: msg.moderator, reasonCode: msg.reasonCode, height: ctx.height } }, post);
      else restore(ctx, keeper, post, msg.moderator, msg.reasonCode);
      reviewReports(ctx, keeper, post.id);
      ctx.events.emit(hide ? "social_post_hidden" : "social_post_restored", { post_id: post.id.toString(), moderator: msg.moderator, reason_code: msg.reasonCode });
      return {};
    },
  });

  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgAppeal,
    responseType: t.MsgAppealResponse,
    signers: (msg) => [msg.author],
    validateBasic(msg) {
      fromAccAddress(msg.author);
      t.assertId(t.ErrPostNotFound, "post", msg.postId);
      t.assertMaxBytes(t.ErrAppealNotAllowed, "statement", msg.statement, t.MAX_REASON_BYTES);
    },
    handle(ctx, msg) {
      const post = getPost(ctx, keeper, msg.postId);
      if (post.author !== msg.author) throw t.ErrNotAuthor.wrap(`only the author of post ${post.id} may appeal its hiding`);
      if (!post.hidden || post.deleted) throw t.ErrAppealNotAllowed.wrap(`post ${post.id} is not hidden: there is nothing to appeal`);
      const lastId = keeper.appealByPost.get(ctx, post.id);
      const last = lastId === undefined ? undefined : keeper.appeals.get(ctx, lastId);
      if (last && last.height >= (post.decision?.height ?? 0n)) throw t.ErrAppealNotAllowed.wrap(`post ${post.id}'s hiding was already appealed (appeal ${last.id})`);
      const id = keeper.nextAppealId.next(ctx) + 1n;
      keeper.appeals.set(ctx, id, { id, postId: post.id, author: msg.author, statement: msg.statement, height: ctx.height, status: AppealStatus.APPEAL_STATUS_OPEN, supporters: 0, resolution: "" });
      keeper.appealByPost.set(ctx, post.id, id);
      ctx.events.emit("social_appeal_opened", { appeal_id: id.toString(), post_id: post.id.toString(), author: msg.author });
      return { appealId: id };
    },
  });

  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgSupportAppeal,
    responseType: t.MsgSupportAppealResponse,
    signers: (msg) => [msg.supporter],
    validateBasic(msg) {
      fromAccAddress(msg.supporter);
      t.assertId(t.ErrAppealNotFound, "appeal", msg.appealId);
    },
    handle(ctx, msg) {
      const appeal = keeper.appeals.get(ctx, msg.appealId);
      if (!appeal) throw t.ErrAppealNotFound.wrap(`no appeal ${msg.appealId}`);
      if (appeal.status !== AppealStatus.APPEAL_STATUS_OPEN) throw t.ErrAppealNotAllowed.wrap(`appeal ${appeal.id} is no longer open for support`);
      if (appeal.author === msg.supporter) throw t.ErrAppealNotAllowed.wrap("an author cannot support their own appeal");
      const supporter = fromAccAddress(msg.supporter);
      requireProfile(ctx, keeper, supporter, msg.supporter, "support an appeal");
      if (keeper.appealSupports.has(ctx, [appeal.id, supporter])) throw t.ErrAlreadyDone.wrap(`${msg.supporter} already supports appeal ${appeal.id}`);
      keeper.appealSupports.set(ctx, [appeal.id, supporter], true);
      const supporters = appeal.supporters + 1;
      const escalated = supporters >= keeper.getParams(ctx).appealEscalationSupporters;
      keeper.appeals.set(ctx, appeal.id, { ...appeal, supporters, status: escalated ? AppealStatus.APPEAL_STATUS_ESCALATED : appeal.status });
      ctx.events.emit("social_appeal_supported", { appeal_id: appeal.id.toString(), supporter: msg.supporter, supporters: supporters.toString() });
      if (escalated) ctx.events.emit("social_appeal_escalated", { appeal_id: appeal.id.toString(), post_id: appeal.postId.toString() });
      return {};
    },
  });

  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgResolveAppeal,
    responseType: t.MsgResolveAppealResponse,
    signers: (msg) => [msg.authority],
    validateBasic(msg) {
      fromAccAddress(msg.authority);
      t.assertId(t.ErrAppealNotFound, "appeal", msg.appealId);
      t.assertMaxBytes(t.ErrAppealNotAllowed, "reason", msg.reason, t.MAX_REASON_BYTES);
    },
    handle(ctx, msg) {
      requireAuthority(keeper.authority, msg.authority);
      const appeal = keeper.appeals.get(ctx, msg.appealId);
      if (!appeal) throw t.ErrAppealNotFound.wrap(`no appeal ${msg.appealId}`);
      if (appeal.status !== AppealStatus.APPEAL_STATUS_ESCALATED) throw t.ErrAppealNotAllowed.wrap(`appeal ${appeal.id} is not escalated to governance`);
      const post = getPost(ctx, keeper, appeal.postId);
      if (msg.restore && post.hidden) restore(ctx, keeper, post, msg.authority, "appeal_upheld");
      const status = msg.restore ? AppealStatus.APPEAL_STATUS_RESTORED : AppealStatus.APPEAL_STATUS_REJECTED;
      keeper.appeals.set(ctx, appeal.id, { ...keeper.appeals.get(ctx, appeal.id)!, status, resolution: msg.reason });
      ctx.events.emit("social_appeal_resolved", { appeal_id: appeal.id.toString(), post_id: appeal.postId.toString(), restored: String(msg.restore) });
      return {};
    },
  });

  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgUpdateParams,
    responseType: t.MsgUpdateParamsResponse,
    signers: (msg) => [msg.authority],
    validateBasic(msg) {
      fromAccAddress(msg.authority);
      validateSocialParams(msg.params);
    },
    handle(ctx, msg) {
      requireAuthority(keeper.authority, msg.authority);
      // Checked here too: a proposal's messages reach the handler without a stateless pass.
      keeper.params.set(ctx, validateSocialParams(msg.params));
      ctx.events.emit("social_params_updated", { authority: msg.authority });
      return {};
    },
  });
}


