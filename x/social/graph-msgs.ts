/** Follows, blocks and reactions: edges between accounts, and between accounts and posts. */
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { ErrInvalidRequest } from "../../sdk/types/sdk-errors.js";
import type { SocialKeeper } from "./keeper.js";
import { getPost, getVisiblePost, requireProfile } from "./rules.js";
import * as t from "./types.js";

function twoAccounts(a: string, b: string, what: string): void {
  fromAccAddress(a);
  fromAccAddress(b);
  if (a === b) throw ErrInvalidRequest.wrap(`an account cannot ${what} itself`);
}

function assertReactionKind(kind: string): void {
  if (!/^[a-z_]{1,16}$/.test(kind)) throw t.ErrInvalidReaction.wrap(`a reaction kind is 1 to 16 lowercase letters or underscores, got "${kind}"`);
}

export function registerGraphMsgs(router: MsgRouter, keeper: SocialKeeper): void {
  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgFollow,
    responseType: t.MsgFollowResponse,
    signers: (msg) => [msg.follower],
    validateBasic: (msg) => twoAccounts(msg.follower, msg.followee, "follow"),
    handle(ctx, msg) {
      const [follower, followee] = [fromAccAddress(msg.follower), fromAccAddress(msg.followee)];
      requireProfile(ctx, keeper, followee, msg.followee, "are followed");
      if (keeper.isBlocked(ctx, followee, follower)) throw t.ErrBlocked.wrap(`${msg.followee} has blocked ${msg.follower}, who cannot follow them`);
      if (keeper.following.has(ctx, [follower, followee])) throw t.ErrAlreadyDone.wrap(`${msg.follower} already follows ${msg.followee}`);
      const max = keeper.getParams(ctx).maxFollowing;
      if ((keeper.followingCount.get(ctx, follower) ?? 0n) >= BigInt(max)) throw t.ErrTooManyFollows.wrap(`${msg.follower} follows ${max} accounts, the most allowed; unfollow one first`);
      keeper.follow(ctx, follower, followee);
      ctx.events.emit("social_followed", { follower: msg.follower, followee: msg.followee });
      return {};
    },
  });

  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgUnfollow,
    responseType: t.MsgUnfollowResponse,
    signers: (msg) => [msg.follower],
    validateBasic: (msg) => twoAccounts(msg.follower, msg.followee, "unfollow"),
    handle(ctx, msg) {
      if (!keeper.unfollow(ctx, fromAccAddress(msg.follower), fromAccAddress(msg.followee))) throw t.ErrNotFound.wrap(`${msg.follower} does not follow ${msg.followee}`);
      ctx.events.emit("social_unfollowed", { follower: msg.follower, followee: msg.followee });
      return {};
    },
  });

  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgBlock,
    responseType: t.MsgBlockResponse,
    signers: (msg) => [msg.blocker],
    validateBasic: (msg) => twoAccounts(msg.blocker, msg.blocked, "block"),
    handle(ctx, msg) {
      const [blocker, blocked] = [fromAccAddress(msg.blocker), fromAccAddress(msg.blocked)];
      if (keeper.isBlocked(ctx, blocker, blocked)) throw t.ErrAlreadyDone.wrap(`${msg.blocker} already blocks ${msg.blocked}`);
      keeper.blocks.set(ctx, [blocker, blocked], true);
      const unfollowed = keeper.unfollow(ctx, blocked, blocker);
      ctx.events.emit("social_blocked", { blocker: msg.blocker, blocked: msg.blocked, follow_removed: String(unfollowed) });
      return {};
    },
  });

  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgUnblock,
    responseType: t.MsgUnblockResponse,
    signers: (msg) => [msg.blocker],
    validateBasic: (msg) => twoAccounts(msg.blocker, msg.blocked, "unblock"),
    handle(ctx, msg) {
      const key: [Uint8Array, Uint8Array] = [fromAccAddress(msg.blocker), fromAccAddress(msg.blocked)];
      if (!keeper.blocks.has(ctx, key)) throw t.ErrNotFound.wrap(`${msg.blocker} does not block ${msg.blocked}`);
      keeper.blocks.delete(ctx, key);
      ctx.events.emit("social_unblocked", { blocker: msg.blocker, blocked: msg.blocked });
      return {};
    },
  });

  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgReact,
    responseType: t.MsgReactResponse,
    signers: (msg) => [msg.reactor],
    validateBasic(msg) {
      fromAccAddress(msg.reactor);
      t.assertId(t.ErrPostNotFound, "post", msg.postId);
      assertReactionKind(msg.kind);
    },
    handle(ctx, msg) {
      const kinds = keeper.getParams(ctx).reactionKinds;
      if (!kinds.includes(msg.kind)) throw t.ErrInvalidReaction.wrap(`"${msg.kind}" is not a reaction kind; the kinds are ${kinds.join(", ")}`);
      const post = getVisiblePost(ctx, keeper, msg.postId);
      const reactor = fromAccAddress(msg.reactor);
      if (keeper.reactions.has(ctx, [post.id, [msg.kind, reactor]])) throw t.ErrAlreadyDone.wrap(`${msg.reactor} already reacted "${msg.kind}" to post ${post.id}`);
      keeper.reactions.set(ctx, [post.id, [msg.kind, reactor]], true);
      keeper.addReaction(ctx, post.id, msg.kind, 1n);
      ctx.events.emit("social_reacted", { post_id: post.id.toString(), reactor: msg.reactor, kind: msg.kind });
      return {};
    },
  });

  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgUnreact,
    responseType: t.MsgUnreactResponse,
    signers: (msg) => [msg.reactor],
    validateBasic(msg) {
      fromAccAddress(msg.reactor);
      t.assertId(t.ErrPostNotFound, "post", msg.postId);
      assertReactionKind(msg.kind);
    },
    handle(ctx, msg) {
      // Allowed on hidden and deleted posts too: taking a reaction back needs no visible post.
      const post = getPost(ctx, keeper, msg.postId);
      const key: [bigint, [string, Uint8Array]] = [post.id, [msg.kind, fromAccAddress(msg.reactor)]];
      if (!keeper.reactions.has(ctx, key)) throw t.ErrNotFound.wrap(`${msg.reactor} has no "${msg.kind}" reaction on post ${post.id}`);
      keeper.reactions.delete(ctx, key);
      keeper.addReaction(ctx, post.id, msg.kind, -1n);
      ctx.events.emit("social_unreacted", { post_id: post.id.toString(), reactor: msg.reactor, kind: msg.kind });
      return {};
    },
  });
}
