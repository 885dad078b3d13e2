/**
 * The social keeper's state: profiles and handles, posts with their indexes, the follow and block
 * graph, reactions and their counts, tips, reports, appeals and each account's posting rate.
 * Indexes of posts (by author, replies of a post) hold visible posts only, so lists and feeds
 * never skip hidden or deleted ones.
 */
import * as s from "../../generated/proto/agora/social/v1/social.js";
import * as g from "../../generated/proto/agora/social/v1/genesis.js";
import { bigintValue, bytesKey, pairKey, protoValue, stringKey, uint64Key, uint64Value, presenceValue } from "../../sdk/collections/codecs.js";
import { Schema, type StoreSource } from "../../sdk/collections/collections.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import type { Context } from "../../sdk/types/context.js";
import { defaultSocialParams } from "./params.js";
import { SOCIAL_STORE } from "./types.js";


export const isVisible = (post: s.Post) => !post.deleted && !post.hidden;

export class SocialKeeper {
  private readonly schema = new Schema(SOCIAL_STORE);
  readonly params = this.schema.item(0x00, "params", protoValue(s.Params));
  /** address -> profile. */
  readonly profiles = this.schema.map(0x01, "profiles", bytesKey, protoValue(s.Profile));
  /** lowercase handle -> owner address. */
  readonly handles = this.schema.map(0x02, "handles", stringKey, bytesKey);
  /** lowercase handle -> its release, while reserved for the previous owner. */
  readonly releasedHandles = this.schema.map(0x03, "released_handles", stringKey, protoValue(g.ReleasedHandle));
  /** (reusable at height, handle): what EndBlock frees. */
  readonly releasesByHeight = this.schema.map(0x04, "releases_by_height", pairKey(uint64Key, stringKey), presenceValue);
  readonly posts = this.schema.map(0x05, "posts", uint64Key, protoValue(s.Post));
  /** (author, post id) of visible posts: a user's posts and the feed's per-author streams. */
  readonly postsByAuthor = this.schema.map(0x06, "posts_by_author", pairKey(bytesKey, uint64Key), presenceValue);
  /** (parent id, reply id) of visible replies. */
  readonly replies = this.schema.map(0x07, "replies", pairKey(uint64Key, uint64Key), presenceValue);
  /** (post id, revision) -> content before an edit. */
  readonly revisions = this.schema.map(0x08, "revisions", pairKey(uint64Key, uint64Key), protoValue(s.PostRevision));
  /** (follower, followee). */
  readonly following = this.schema.map(0x09, "following", pairKey(bytesKey, bytesKey), presenceValue);
  /** (followee, follower): the same follows by followee. */
  readonly followers = this.schema.map(0x0a, "followers", pairKey(bytesKey, bytesKey), presenceValue);
  /** follower -> how many it follows (bounded by max_following). */
  readonly followingCount = this.schema.map(0x0b, "following_count", bytesKey, uint64Value);
  /** (blocker, blocked). */
  readonly blocks = this.schema.map(0x0c, "blocks", pairKey(bytesKey, bytesKey), presenceValue);
  /** (post id, (kind, reactor)). */
  readonly reactions = this.schema.map(0x0d, "reactions", pairKey(uint64Key, pairKey(stringKey, bytesKey)), presenceValue);
  /** (post id, kind) -> number of reactions of that kind: an invariant checks it against the records. */
  readonly reactionCounts = this.schema.map(0x0e, "reaction_counts", pairKey(uint64Key, stringKey), uint64Value);
  /** (post id, denom) -> tips received in all. */
  readonly tips = this.schema.map(0x0f, "tips", pairKey(uint64Key, stringKey), bigintValue);
  readonly reports = this.schema.map(0x10, "reports", uint64Key, protoValue(s.Report));
  /** ids of reports no moderator has acted on yet, oldest first. */
  readonly pendingReports = this.schema.map(0x11, "pending_reports", uint64Key, presenceValue);
  /** (post id, reporter) -> report id: one report per account per post. */
  readonly reportsByPost = this.schema.map(0x12, "reports_by_post", pairKey(uint64Key, bytesKey), uint64Value);
  readonly appeals = this.schema.map(0x13, "appeals", uint64Key, protoValue(s.Appeal));
  /** post id -> its latest appeal's id. */
  readonly appealByPost = this.schema.map(0x14, "appeal_by_post", uint64Key, uint64Value);
  /** (appeal id, supporter). */
  readonly appealSupports = this.schema.map(0x15, "appeal_supports", pairKey(uint64Key, bytesKey), presenceValue);
  /** address -> recent posting, for the rate limit. */
  readonly rates = this.schema.map(0x16, "rates", bytesKey, protoValue(g.RateState));
  readonly nextPostId = this.schema.sequence(0x17, "next_post_id");
  readonly nextReportId = this.schema.sequence(0x18, "next_report_id");
  readonly nextAppealId = this.schema.sequence(0x19, "next_appeal_id");

  /** `authority`: the gov module account (bech32), which updates params and resolves appeals. */
  constructor(readonly authority: string) {}

  getParams(src: StoreSource): s.Params {
    return this.params.get(src) ?? defaultSocialParams();
  }

  /** Ids start at 1, so 0 can mean "none" in reply_to and repost_of. */
  newPostId(ctx: Context): bigint {
    return this.nextPostId.next(ctx) + 1n;
  }

  /**
   * Stores `post`, keeping the author and reply indexes in step with its visibility (`before`
   * is the stored version, if any).
   */
  savePost(ctx: Context, post: s.Post, before?: s.Post): void {
    this.posts.set(ctx, post.id, post);
    const was = before !== undefined && isVisible(before);
    const is = isVisible(post);
    if (was === is) return;
    const author = fromAccAddress(post.author);
    if (is) {
      this.postsByAuthor.set(ctx, [author, post.id], true);
      if (post.replyTo !== 0n) this.replies.set(ctx, [post.replyTo, post.id], true);
    } else {
      this.postsByAuthor.delete(ctx, [author, post.id]);
      if (post.replyTo !== 0n) this.replies.delete(ctx, [post.replyTo, post.id]);
    }
  }

  isBlocked(src: StoreSource, blocker: Uint8Array, blocked: Uint8Array): boolean {
    return this.blocks.has(src, [blocker, blocked]);
  }

  follow(ctx: Context, follower: Uint8Array, followee: Uint8Array): void {
    this.following.set(ctx, [follower, followee], true);
    this.followers.set(ctx, [followee, follower], true);
    this.followingCount.set(ctx, follower, (this.followingCount.get(ctx, follower) ?? 0n) + 1n);
  }

  /** Returns false when `follower` did not follow `followee`. */
  unfollow(ctx: Context, follower: Uint8Array, followee: Uint8Array): boolean {
    if (!this.following.has(ctx, [follower, followee])) return false;
    this.following.delete(ctx, [follower, followee]);
    this.followers.delete(ctx, [followee, follower]);
    const count = (this.followingCount.get(ctx, follower) ?? 1n) - 1n;
    if (count === 0n) this.followingCount.delete(ctx, follower);
    else this.followingCount.set(ctx, follower, count);
    return true;
  }

  /** Adds `delta` (+1 or -1) to a post's count of `kind`; a count of zero is deleted. */
  addReaction(ctx: Context, postId: bigint, kind: string, delta: 1n | -1n): void {
    const count = (this.reactionCounts.get(ctx, [postId, kind]) ?? 0n) + delta;
    if (count === 0n) this.reactionCounts.delete(ctx, [postId, kind]);
    else this.reactionCounts.set(ctx, [postId, kind], count);
  }

  reactionCountsOf(src: StoreSource, postId: bigint): s.ReactionCount[] {
    return [...this.reactionCounts.entries(src, uint64Key.encodeNonTerminal(postId))].map(([[, kind], count]) => ({ kind, count }));
  }

  tipsOf(src: StoreSource, postId: bigint): s.Coin[] {
    return [...this.tips.entries(src, uint64Key.encodeNonTerminal(postId))].map(([[, denom], amount]) => ({ denom, amount: amount.toString() }));
  }

  /** Frees the handles whose reservation ends at or before `ctx.height`; returns them. */
  freeReleasedHandles(ctx: Context): g.ReleasedHandle[] {
    const due: [bigint, string][] = [];
    for (const [[height, handle]] of this.releasesByHeight.entries(ctx)) {
      if (height > ctx.height) break;
      due.push([height, handle]);
    }
    const freed: g.ReleasedHandle[] = [];
    for (const [height, handle] of due) {
      this.releasesByHeight.delete(ctx, [height, handle]);
      const release = this.releasedHandles.get(ctx, handle);
      if (release) freed.push(release);
      this.releasedHandles.delete(ctx, handle);
    }
    return freed;
  }

  /** Forgets a handle's reservation (its previous owner took it back, or it expired). */
  clearRelease(ctx: Context, handle: string): void {
    const release = this.releasedHandles.get(ctx, handle);
    if (!release) return;
    this.releasedHandles.delete(ctx, handle);
    this.releasesByHeight.delete(ctx, [release.reusableAtHeight, handle]);
  }

  reserveHandle(ctx: Context, release: g.ReleasedHandle): void {
    this.releasedHandles.set(ctx, release.handle, release);
    this.releasesByHeight.set(ctx, [release.reusableAtHeight, release.handle], true);
  }
}
