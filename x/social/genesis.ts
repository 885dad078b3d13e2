/**
 * The social section of genesis, in the SDK's snake_case proto JSON. Records are exported; the
 * indexes and counters derived from them (handles, post indexes, follow counts, reaction counts,
 * pending reports) are rebuilt on import, so an export cannot carry them out of step.
 */
import { GenesisState } from "../../generated/proto/agora/social/v1/genesis.js";
import { ReportStatus } from "../../generated/proto/agora/social/v1/social.js";
import { parseAmount } from "../../sdk/types/coins.js";
import { fromAccAddress, toAccAddress as bech32 } from "../../sdk/types/address.js";
import type { Context } from "../../sdk/types/context.js";
import type { SocialKeeper } from "./keeper.js";
import { defaultSocialParams, validateSocialParams } from "./params.js";
import { canonicalHandle } from "./types.js";

const toSnake = (key: string) => key.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());

function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [toSnake(k), snakeKeys(v)]));
}

export function defaultSocialGenesis(): unknown {
  return snakeKeys(GenesisState.toJSON(GenesisState.fromPartial({ params: defaultSocialParams() })));
}

export function initSocialGenesis(ctx: Context, keeper: SocialKeeper, json: unknown): void {
  const genesis = GenesisState.fromJSON(json ?? {});
  keeper.params.set(ctx, validateSocialParams(genesis.params ?? defaultSocialParams()));
  for (const profile of genesis.profiles) {
    const handle = canonicalHandle(profile.handle);
    if (handle !== profile.handle) throw new Error(`social genesis: handle "${profile.handle}" must be stored lowercase`);
    if (keeper.handles.has(ctx, handle)) throw new Error(`social genesis: two profiles have the handle @${handle}`);
    const address = fromAccAddress(profile.address);
    keeper.handles.set(ctx, handle, address);
    keeper.profiles.set(ctx, address, profile);
  }
  for (const release of genesis.releasedHandles) keeper.reserveHandle(ctx, release);
  for (const post of genesis.posts) {
    if (post.id === 0n || post.id > genesis.nextPostId) throw new Error(`social genesis: post id ${post.id} must be 1..next_post_id (${genesis.nextPostId})`);
    keeper.savePost(ctx, post);
  }
  for (const revision of genesis.revisions) keeper.revisions.set(ctx, [revision.postId, BigInt(revision.revision)], revision);
  for (const { follower, followee } of genesis.follows) keeper.follow(ctx, fromAccAddress(follower), fromAccAddress(followee));
  for (const { blocker, blocked } of genesis.blocks) keeper.blocks.set(ctx, [fromAccAddress(blocker), fromAccAddress(blocked)], true);
  for (const { postId, kind, reactor } of genesis.reactions) {
    keeper.reactions.set(ctx, [postId, [kind, fromAccAddress(reactor)]], true);
    keeper.addReaction(ctx, postId, kind, 1n);
  }
  for (const { postId, tips } of genesis.tips) for (const tip of tips) keeper.tips.set(ctx, [postId, tip.denom], parseAmount(tip.amount));
  for (const report of genesis.reports) {
    keeper.reports.set(ctx, report.id, report);
    keeper.reportsByPost.set(ctx, [report.postId, fromAccAddress(report.reporter)], report.id);
    if (report.status === ReportStatus.REPORT_STATUS_PENDING) keeper.pendingReports.set(ctx, report.id, true);
  }
  // Appeals in id order: the last one of a post is its latest.
  for (const appeal of genesis.appeals) {
    keeper.appeals.set(ctx, appeal.id, appeal);
    keeper.appealByPost.set(ctx, appeal.postId, appeal.id);
  }
  for (const { appealId, supporter } of genesis.appealSupports) keeper.appealSupports.set(ctx, [appealId, fromAccAddress(supporter)], true);
  for (const rate of genesis.rateStates) keeper.rates.set(ctx, fromAccAddress(rate.address), rate);
  keeper.nextPostId.set(ctx, genesis.nextPostId);
  keeper.nextReportId.set(ctx, genesis.nextReportId);
  keeper.nextAppealId.set(ctx, genesis.nextAppealId);
}

export function exportSocialGenesis(ctx: Context, keeper: SocialKeeper): unknown {
  const values = <V>(entries: Iterable<[unknown, V]>) => [...entries].map(([, v]) => v);
  const tips = new Map<bigint, { denom: string; amount: string }[]>();
  for (const [[postId, denom], amount] of keeper.tips.entries(ctx)) tips.set(postId, [...(tips.get(postId) ?? []), { denom, amount: amount.toString() }]);
  const genesis = GenesisState.fromPartial({
    params: keeper.getParams(ctx),
    profiles: values(keeper.profiles.entries(ctx)),
    releasedHandles: values(keeper.releasedHandles.entries(ctx)),
    posts: values(keeper.posts.entries(ctx)),
    revisions: values(keeper.revisions.entries(ctx)),
    follows: [...keeper.following.entries(ctx)].map(([[follower, followee]]) => ({ follower: bech32(follower), followee: bech32(followee) })),
    blocks: [...keeper.blocks.entries(ctx)].map(([[blocker, blocked]]) => ({ blocker: bech32(blocker), blocked: bech32(blocked) })),
    reactions: [...keeper.reactions.entries(ctx)].map(([[postId, [kind, reactor]]]) => ({ postId, kind, reactor: bech32(reactor) })),
    tips: [...tips].map(([postId, coins]) => ({ postId, tips: coins })),
    reports: values(keeper.reports.entries(ctx)),
    appeals: values(keeper.appeals.entries(ctx)),
    appealSupports: [...keeper.appealSupports.entries(ctx)].map(([[appealId, supporter]]) => ({ appealId, supporter: bech32(supporter) })),
    rateStates: values(keeper.rates.entries(ctx)),
    nextPostId: keeper.nextPostId.peek(ctx),
    nextReportId: keeper.nextReportId.peek(ctx),
    nextAppealId: keeper.nextAppealId.peek(ctx),
  });
  return snakeKeys(GenesisState.toJSON(genesis));
}
