/**
 * Profiles, posts, the follow and block graph, reactions and tips: each handler checks the
 * signer's right and the state it needs, then writes and emits one event for the indexer.
 */
import type { Post } from "../../generated/proto/agora/social/v1/social.js";
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import { uint64Key } from "../../sdk/collections/codecs.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { coin, Coins, parseAmount } from "../../sdk/types/coins.js";
import type { Context } from "../../sdk/types/context.js";
import type { SocialBankKeeper } from "./expected-keepers.js";
import { registerGraphMsgs } from "./graph-msgs.js";
import type { SocialKeeper } from "./keeper.js";
import { checkRateLimit, claimHandle, getPost, getVisiblePost, requireProfile } from "./rules.js";
import * as t from "./types.js";

function requireAuthor(post: Post, signer: string): void {
  if (post.author !== signer) throw t.ErrNotAuthor.wrap(`post ${post.id} is by ${post.author}, not ${signer}`);
}

export function registerSocialMsgs(router: MsgRouter, keeper: SocialKeeper, bank: SocialBankKeeper): void {
  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgSetProfile,
    responseType: t.MsgSetProfileResponse,
    signers: (msg) => [msg.owner],
    validateBasic(msg) {
      fromAccAddress(msg.owner);
      t.canonicalHandle(msg.handle);
      t.assertMaxBytes(t.ErrInvalidProfile, "display_name", msg.displayName, t.MAX_DISPLAY_NAME_BYTES);
      t.assertMaxBytes(t.ErrInvalidProfile, "bio", msg.bio, t.MAX_BIO_BYTES);
      t.assertMaxBytes(t.ErrInvalidProfile, "avatar_uri", msg.avatarUri, t.MAX_URI_BYTES);
    },
    handle(ctx, msg) {
      const owner = fromAccAddress(msg.owner);
      const before = keeper.profiles.get(ctx, owner);
      const handle = claimHandle(ctx, keeper, owner, msg.owner, t.canonicalHandle(msg.handle), before?.handle);
      keeper.profiles.set(ctx, owner, {
        address: msg.owner,
        handle,
        displayName: msg.displayName,
        bio: msg.bio,
        avatarUri: msg.avatarUri,
        createdAtHeight: before?.createdAtHeight ?? ctx.height,
        updatedAtHeight: ctx.height,
      });
      ctx.events.emit("social_profile_set", { address: msg.owner, handle, previous_handle: before?.handle ?? "" });
      return {};
    },
  });

  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgCreatePost,
    responseType: t.MsgCreatePostResponse,
    signers: (msg) => [msg.author],
    validateBasic(msg) {
      fromAccAddress(msg.author);
      t.assertContent(msg.content, t.MAX_POST_BYTES_LIMIT);
    },
    handle(ctx, msg) {
      const author = fromAccAddress(msg.author);
      const content = t.assertContent(msg.content, keeper.getParams(ctx).maxPostBytes);
      requireProfile(ctx, keeper, author, msg.author, "post");
      if (msg.replyTo !== 0n) {
        const parent = getVisiblePost(ctx, keeper, msg.replyTo);
        if (keeper.isBlocked(ctx, fromAccAddress(parent.author), author)) throw t.ErrBlocked.wrap(`${parent.author} has blocked ${msg.author}, who cannot reply to their posts`);
        keeper.savePost(ctx, { ...parent, replyCount: parent.replyCount + 1n }, parent);
      }
      checkRateLimit(ctx, keeper, author, msg.author);
      const id = keeper.newPostId(ctx);
      keeper.savePost(ctx, newPost(ctx, id, msg.author, { content, replyTo: msg.replyTo }));
      ctx.events.emit("social_post_created", { post_id: id.toString(), author: msg.author, reply_to: msg.replyTo.toString(), repost_of: "0" });
      return { postId: id };
    },
  });

  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgRepost,
    responseType: t.MsgRepostResponse,
    signers: (msg) => [msg.author],
    validateBasic(msg) {
      fromAccAddress(msg.author);
      t.assertId(t.ErrPostNotFound, "post", msg.postId);
    },
    handle(ctx, msg) {
      const author = fromAccAddress(msg.author);
      requireProfile(ctx, keeper, author, msg.author, "repost");
      let original = getVisiblePost(ctx, keeper, msg.postId);
      // A repost of a repost reposts the original, so counts land where readers look.
      if (original.repostOf !== 0n) original = getVisiblePost(ctx, keeper, original.repostOf);
      if (keeper.isBlocked(ctx, fromAccAddress(original.author), author)) throw t.ErrBlocked.wrap(`${original.author} has blocked ${msg.author}, who cannot repost their posts`);
      checkRateLimit(ctx, keeper, author, msg.author);
      keeper.savePost(ctx, { ...original, repostCount: original.repostCount + 1n }, original);
      const id = keeper.newPostId(ctx);
      keeper.savePost(ctx, newPost(ctx, id, msg.author, { repostOf: original.id }));
      ctx.events.emit("social_post_created", { post_id: id.toString(), author: msg.author, reply_to: "0", repost_of: original.id.toString() });
      return { postId: id };
    },
  });

  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgEditPost,
    responseType: t.MsgEditPostResponse,
    signers: (msg) => [msg.author],
    validateBasic(msg) {
      fromAccAddress(msg.author);
      t.assertId(t.ErrPostNotFound, "post", msg.postId);
      t.assertContent(msg.content, t.MAX_POST_BYTES_LIMIT);
    },
    handle(ctx, msg) {
      const content = t.assertContent(msg.content, keeper.getParams(ctx).maxPostBytes);
      const post = getPost(ctx, keeper, msg.postId);
      requireAuthor(post, msg.author);
      getVisiblePost(ctx, keeper, msg.postId);
      if (post.repostOf !== 0n) throw t.ErrInvalidContent.wrap(`post ${post.id} is a repost, which has no content to edit`);
      const revision = post.revisionCount + 1;
      keeper.revisions.set(ctx, [post.id, BigInt(revision)], { postId: post.id, revision, content: post.content, replacedAtHeight: ctx.height });
      keeper.savePost(ctx, { ...post, content, revisionCount: revision, editedAtHeight: ctx.height }, post);
      ctx.events.emit("social_post_edited", { post_id: post.id.toString(), author: msg.author, revision: revision.toString() });
      return {};
    },
  });

  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgDeletePost,
    responseType: t.MsgDeletePostResponse,
    signers: (msg) => [msg.author],
    validateBasic(msg) {
      fromAccAddress(msg.author);
      t.assertId(t.ErrPostNotFound, "post", msg.postId);
    },
    handle(ctx, msg) {
      const post = getPost(ctx, keeper, msg.postId);
      requireAuthor(post, msg.author);
      if (post.deleted) throw t.ErrAlreadyDone.wrap(`post ${post.id} is already deleted`);
      for (const [key] of [...keeper.revisions.entries(ctx, uint64Key.encodeNonTerminal(post.id))]) keeper.revisions.delete(ctx, key);
      keeper.savePost(ctx, { ...post, deleted: true, content: undefined, revisionCount: 0 }, post);
      ctx.events.emit("social_post_deleted", { post_id: post.id.toString(), author: msg.author });
      return {};
    },
  });

  registerGraphMsgs(router, keeper);

  router.register({
    module: t.SOCIAL_MODULE,
    type: t.MsgTip,
    responseType: t.MsgTipResponse,
    signers: (msg) => [msg.sender],
    validateBasic(msg) {
      fromAccAddress(msg.sender);
      t.assertId(t.ErrPostNotFound, "post", msg.postId);
      if (!msg.amount) throw t.ErrInvalidTip.wrap("a tip needs an amount, e.g. 100uagora");
      const tip = coin(parseAmount(msg.amount.amount), msg.amount.denom);
      if (tip.amount === 0n) throw t.ErrInvalidTip.wrap("a tip must be more than zero");
    },
    handle(ctx, msg) {
      const post = getVisiblePost(ctx, keeper, msg.postId);
      if (post.author === msg.sender) throw t.ErrInvalidTip.wrap("an author cannot tip their own post");
      const tip = coin(parseAmount(msg.amount!.amount), msg.amount!.denom);
      if (!bank.isSendEnabled(ctx, tip.denom)) throw t.ErrInvalidTip.wrap(`${tip.denom} transfers are disabled`);
      bank.sendCoins(ctx, fromAccAddress(msg.sender), fromAccAddress(post.author), Coins.of([tip]));
      keeper.tips.set(ctx, [post.id, tip.denom], (keeper.tips.get(ctx, [post.id, tip.denom]) ?? 0n) + tip.amount);
      ctx.events.emit("social_post_tipped", { post_id: post.id.toString(), sender: msg.sender, author: post.author, amount: `${tip.amount}${tip.denom}` });
      return {};
    },
  });
}

function newPost(ctx: Context, id: bigint, author: string, fields: Partial<Post>): Post {
  return {
    id,
    author,
    content: undefined,
    replyTo: 0n,
    repostOf: 0n,
    createdAtHeight: ctx.height,
    createdAtTime: ctx.block.time.seconds,
    editedAtHeight: 0n,
    revisionCount: 0,
    deleted: false,
    hidden: false,
    decision: undefined,
    replyCount: 0n,
    repostCount: 0n,
    ...fields,
  };
}
