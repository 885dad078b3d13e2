/**
 * The social section of genesis, in the SDK's snake_case proto JSON. Records are exported; the
 * indexes and counters derived from them (handles, post indexes, follow counts, reaction counts,
 * pending reports) are rebuilt on import, so an export cannot carry them out of step.
 */
import * as g from "../../generated/proto/agora/social/v1/genesis.js";
import { GenesisState } from "../../generated/proto/agora/social/v1/genesis.js";
import * as s from "../../generated/proto/agora/social/v1/social.js";
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

/** A section's array member, decoded one element at a time (genesis arrays may stream). */
function* records<T>(section: Record<string, unknown>, key: string, codec: { fromJSON(json: unknown): T }): Generator<T> {
  const value = section[key] ?? section[key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())];
  if (value === undefined) return;
  if (typeof value !== "object" || value === null || !(Symbol.iterator in value)) throw new Error(`social genesis: ${key} must be an array`);
  for (const element of value as Iterable<unknown>) yield codec.fromJSON(element);
}

function counter(section: Record<string, unknown>, key: string): bigint {
  const value = section[key] ?? "0";
  if (typeof value !== "string" || !/^\d+$/.test(value)) throw new Error(`social genesis: ${key} must be a whole number as a string, got ${JSON.stringify(value)}`);
  return BigInt(value);
}

export function initSocialGenesis(ctx: Context, keeper: SocialKeeper, json: unknown): void {
  const section = (json ?? {}) as Record<string, unknown>;
  keeper.params.set(ctx, validateSocialParams(section.params === undefined ? defaultSocialParams() : s.Params.fromJSON(section.params)));
  const nextPostId = counter(section, "next_post_id");
  for (const profile of records(section, "profiles", s.Profile)) {
    const handle = canonicalHandle(profile.handle);
    if (handle !== profile.handle) throw new Error(`social genesis: handle "${profile.handle}" must be stored lowercase`);
    if (keeper.handles.has(ctx, handle)) throw new Error(`social genesis: two profiles have the handle @${handle}`);
    const address = fromAccAddress(profile.address);
    keeper.handles.set(ctx, handle, address);
    keeper.profiles.set(ctx, address, profile);
  }
  for (const release of records(section, "released_handles", g.ReleasedHandle)) keeper.reserveHandle(ctx, release);
  for (const post of records(section, "posts", s.Post)) {
    if (post.id === 0n || post.id > nextPostId) throw new Error(`social genesis: post id ${post.id} must be 1..next_post_id (${nextPostId})`);
    keeper.savePost(ctx, post);
  }
  for (const revision of records(section, "revisions", s.PostRevision)) keeper.revisions.set(ctx, [revision.postId, BigInt(revision.revision)], revision);
  for (const { follower, followee } of records(section, "follows", g.Follow)) keeper.follow(ctx, fromAccAddress(follower), fromAccAddress(followee));
  for (const { blocker, blocked } of records(section, "blocks", g.BlockRecord)) keeper.blocks.set(ctx, [fromAccAddress(blocker), fromAccAddress(blocked)], true);
  for (const { postId, kind, reactor } of records(section, "reactions", g.Reaction)) {
    keeper.reactions.set(ctx, [postId, [kind, fromAccAddress(reactor)]], true);
    keeper.addReaction(ctx, postId, kind, 1n);
  }
  for (const { postId, tips } of records(section, "tips", g.PostTips)) for (const tip of tips) keeper.tips.set(ctx, [postId, tip.denom], parseAmount(tip.amount));
  for (const report of records(section, "reports", s.Report)) {
    keeper.reports.set(ctx, report.id, report);
    keeper.reportsByPost.set(ctx, [report.postId, fromAccAddress(report.reporter)], report.id);
    if (report.status === ReportStatus.REPORT_STATUS_PENDING) keeper.pendingReports.set(ctx, report.id, true);
  }
  // Appeals in id order: the last one of a post is its latest.
  for (const appeal of records(section, "appeals", s.Appeal)) {
    keeper.appeals.set(ctx, appeal.id, appeal);
    keeper.appealByPost.set(ctx, appeal.postId, appeal.id);
  }
  for (const { appealId, supporter } of records(section, "appeal_supports", g.AppealSupport)) keeper.appealSupports.set(ctx, [appealId, fromAccAddress(supporter)], true);
  for (const rate of records(section, "rate_states", g.RateState)) keeper.rates.set(ctx, fromAccAddress(rate.address), rate);
  keeper.nextPostId.set(ctx, nextPostId);
  keeper.nextReportId.set(ctx, counter(section, "next_report_id"));
  keeper.nextAppealId.set(ctx, counter(section, "next_appeal_id"));
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
