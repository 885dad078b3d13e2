/** The checks several handlers share: handle claims, a profile to act, and the posting rate. */
import type { StoreSource } from "../../sdk/collections/collections.js";
import type { Context } from "../../sdk/types/context.js";
import type { RateState } from "../../generated/proto/agora/social/v1/genesis.js";
import type { Post } from "../../generated/proto/agora/social/v1/social.js";
import { isVisible, type SocialKeeper } from "./keeper.js";
import { ErrHandleTaken, ErrPostNotFound, ErrPostUnavailable, ErrProfileNotFound, ErrRateLimited } from "./types.js";

/**
 * Gives `handle` to `owner` (bech32 `ownerAddress`), releasing `previous` for the cooldown. A
 * handle is refused while another account holds it, or while it is reserved for the account that
 * released it. Returns the handle.
 */
export function claimHandle(ctx: Context, keeper: SocialKeeper, owner: Uint8Array, ownerAddress: string, handle: string, previous: string | undefined): string {
  if (handle === previous) return handle;
  const holder = keeper.handles.get(ctx, handle);
  if (holder) throw ErrHandleTaken.wrap(`@${handle} belongs to another account; choose another handle`);
  const release = keeper.releasedHandles.get(ctx, handle);
  if (release && release.previousOwner !== ownerAddress && ctx.height < release.reusableAtHeight) {
    throw ErrHandleTaken.wrap(`@${handle} was released recently and is reserved for its previous owner until height ${release.reusableAtHeight}`);
  }
  keeper.clearRelease(ctx, handle);
  keeper.handles.set(ctx, handle, owner);
  if (previous !== undefined) {
    keeper.handles.delete(ctx, previous);
    const cooldown = keeper.getParams(ctx).handleCooldownBlocks;
    if (cooldown > 0n) keeper.reserveHandle(ctx, { handle: previous, previousOwner: ownerAddress, reusableAtHeight: ctx.height + cooldown });
  }
  return handle;
}

export function requireProfile(src: StoreSource, keeper: SocialKeeper, address: Uint8Array, bech32: string, action: string): void {
  if (!keeper.profiles.has(src, address)) throw ErrProfileNotFound.wrap(`${bech32} has no profile: set one (agorad tx social set-profile) before you ${action}`);
}

/**
 * Why one more post by `author` at `height` breaks the limits, or undefined: at least
 * min_blocks_between_posts since its last post, and at most max_posts_per_window in the current
 * fixed window of post_window_blocks. Also the new rate state when it does not.
 */
export function rateLimit(src: StoreSource, keeper: SocialKeeper, author: Uint8Array, bech32: string, height: bigint): { refusal?: string; next: RateState } {
  const params = keeper.getParams(src);
  const rate = keeper.rates.get(src, author) ?? { address: bech32, lastPostHeight: 0n, windowStartHeight: height, postsInWindow: 0 };
  if (rate.postsInWindow > 0 || rate.lastPostHeight > 0n) {
    if (height - rate.lastPostHeight < params.minBlocksBetweenPosts) {
      return { refusal: `${bech32} posted at height ${rate.lastPostHeight}; the next post may come at height ${rate.lastPostHeight + params.minBlocksBetweenPosts}`, next: rate };
    }
  }
  let { windowStartHeight, postsInWindow } = rate;
  if (params.maxPostsPerWindow > 0) {
    if (height >= windowStartHeight + params.postWindowBlocks) [windowStartHeight, postsInWindow] = [height, 0];
    if (postsInWindow >= params.maxPostsPerWindow) {
      return { refusal: `${bech32} made ${postsInWindow} posts since height ${windowStartHeight}, the most a window of ${params.postWindowBlocks} blocks allows; wait until height ${windowStartHeight + params.postWindowBlocks}`, next: rate };
    }
  }
  return { next: { ...rate, windowStartHeight, postsInWindow: postsInWindow + 1, lastPostHeight: height } };
}

/** Counts one post against the account's limits, or throws ErrRateLimited saying when it may post. */
export function checkRateLimit(ctx: Context, keeper: SocialKeeper, author: Uint8Array, bech32: string): void {
  const { refusal, next } = rateLimit(ctx, keeper, author, bech32, ctx.height);
  if (refusal) throw ErrRateLimited.wrap(refusal);
  keeper.rates.set(ctx, author, next);
}

/** The post `id`, or ErrPostNotFound. */
export function getPost(src: StoreSource, keeper: SocialKeeper, id: bigint): Post {
  const post = keeper.posts.get(src, id);
  if (!post) throw ErrPostNotFound.wrap(`no post ${id}`);
  return post;
}

/** The post `id` if it is neither deleted nor hidden, else ErrPostUnavailable saying which. */
export function getVisiblePost(src: StoreSource, keeper: SocialKeeper, id: bigint): Post {
  const post = getPost(src, keeper, id);
  if (!isVisible(post)) throw ErrPostUnavailable.wrap(`post ${id} is ${post.deleted ? "deleted" : "hidden by moderation"}`);
  return post;
}
