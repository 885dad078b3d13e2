/**
 * The social module's simulation operations. Each plans against the state at the block's start
 * and must end as planned, whatever order the block's txs run in: so each takes a per-block lock
 * on what it reads ("post 3" visible, "block A B" absent) and what it changes (a hide writes
 * "post 3"), and a plan that would read what another tx of the block writes, or write what another
 * reads or writes, is dropped. None runs last: the circuit breaker's trips do, after these.
 * Moderators hold a role the roles simulation never revokes by tx (it lapses by expiry), so a hide
 * planned by a holder is signed by a holder.
 */
import { AppealStatus, ModerationAction, Params, type Post } from "../../generated/proto/agora/social/v1/social.js";
import { uint64Key } from "../../sdk/collections/codecs.js";
import { encodeProto } from "../../sdk/codec/encode.js";
import type { MessageType } from "../../sdk/codec/registry.js";
import { failsWith, SUCCEEDS, type PlannedTx, type SimMsg, type SimView, type WeightedOp, type WeightedProposalMsg } from "../../sdk/simulation/operation.js";
import type { Rand } from "../../sdk/simulation/rand.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import type { Context } from "../../sdk/types/context.js";
import { ErrUnauthorized } from "../../sdk/types/sdk-errors.js";
import { claimHolder } from "../roles/simulation.js";
import { isVisible, type SocialKeeper } from "./keeper.js";
import { defaultSocialParams } from "./params.js";
import { rateLimit } from "./rules.js";
import * as t from "./types.js";

type Roles = { hasRole(ctx: Context, role: string, address: string): boolean };

const sim = <T>(type: MessageType<T>, value: T): SimMsg => ({ typeUrl: type.typeUrl, value: encodeProto(type, value) });
const tx = (signer: string, msg: SimMsg): PlannedTx => ({ signer, msgs: [msg], expect: SUCCEEDS });

/** The handles an account switches between: unique to it, as its address is. */
const handlesOf = (address: string): [string, string] => [`u_${address.slice(-12)}`, `v_${address.slice(-12)}`];

export function socialSimulationOps(keeper: SocialKeeper, roles: Roles): WeightedOp[] {
  /** What the txs planned for this block read and write: "post 3", "block A B", "follow A B", "appeal 1". */
  let locks = { height: -1n, reads: new Set<string>(), writes: new Set<string>() };
  const lock = (view: SimView, reads: string[], writes: string[] = []): boolean => {
    if (locks.height !== view.ctx.height) locks = { height: view.ctx.height, reads: new Set(), writes: new Set() };
    if (reads.some((k) => locks.writes.has(k)) || writes.some((k) => locks.writes.has(k) || locks.reads.has(k))) return false;
    for (const k of reads) locks.reads.add(k);
    for (const k of writes) locks.writes.add(k);
    return true;
  };
  const hasProfile = (view: SimView, address: string) => keeper.profiles.has(view.ctx, fromAccAddress(address));
  /** A signer with a profile, or undefined. */
  const member = (rand: Rand, view: SimView) => {
    const signer = view.pickSigner(rand);
    return signer && hasProfile(view, signer) ? signer : undefined;
  };
  const canPost = (view: SimView, signer: string) => !rateLimit(view.ctx, keeper, fromAccAddress(signer), signer, view.ctx.height).refusal;
  /** A random post (any state), or undefined before the first. */
  const randomPost = (rand: Rand, view: SimView): Post | undefined => {
    const last = keeper.nextPostId.peek(view.ctx);
    return last === 0n ? undefined : keeper.posts.get(view.ctx, rand.between(1n, last));
  };
  const visiblePost = (rand: Rand, view: SimView) => {
    const post = randomPost(rand, view);
    return post && isVisible(post) ? post : undefined;
  };
  /** A random hidden (not deleted) post: the simulation's state is small enough to scan. */
  const hiddenPost = (rand: Rand, view: SimView): Post | undefined => {
    const hidden = [...keeper.posts.entries(view.ctx)].filter(([, p]) => p.hidden && !p.deleted);
    return hidden.length ? rand.pick(hidden)[1] : undefined;
  };
  const blocks = (view: SimView, blocker: string, blocked: string) => keeper.isBlocked(view.ctx, fromAccAddress(blocker), fromAccAddress(blocked));
  return [
    {
      name: "social/set-profile",
      weight: 4,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        if (!signer) return undefined;
        const current = keeper.profiles.get(view.ctx, fromAccAddress(signer))?.handle;
        const [first, second] = handlesOf(signer);
        const handle = current === first ? second : first;
        return tx(signer, sim(t.MsgSetProfile, { owner: signer, handle, displayName: `Account ${signer.slice(-4)}`, bio: "", avatarUri: "" }));
      },
    },
    {
      name: "social/take-anothers-handle",
      weight: 2,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        const other = keeper.profiles.get(view.ctx, fromAccAddress(rand.pick(view.accounts)));
        if (!signer || !other || other.address === signer) return undefined;
        return { ...tx(signer, sim(t.MsgSetProfile, { owner: signer, handle: other.handle, displayName: "", bio: "", avatarUri: "" })), expect: failsWith(t.ErrHandleTaken) };
      },
    },
    {
      name: "social/post",
      weight: 8,
      plan(rand, view) {
        const signer = member(rand, view);
        if (!signer || !canPost(view, signer)) return undefined;
        // A third of posts reply to a visible post whose author does not block the signer.
        const parent = rand.int(3) === 0 ? visiblePost(rand, view) : undefined;
        const replyTo = parent && !blocks(view, parent.author, signer) && lock(view, [`post ${parent.id}`, `block ${parent.author} ${signer}`]) ? parent.id : 0n;
        return tx(signer, sim(t.MsgCreatePost, { author: signer, content: { text: `post at ${view.ctx.height}`, contentHash: "", uri: "" }, replyTo }));
      },
    },
    {
      name: "social/repost",
      weight: 3,
      plan(rand, view) {
        const signer = member(rand, view);
        let post = visiblePost(rand, view);
        if (post && post.repostOf !== 0n) post = keeper.posts.get(view.ctx, post.repostOf);
        if (!signer || !post || !isVisible(post) || blocks(view, post.author, signer) || !canPost(view, signer)) return undefined;
        if (!lock(view, [`post ${post.id}`, `block ${post.author} ${signer}`])) return undefined;
        return tx(signer, sim(t.MsgRepost, { author: signer, postId: post.id }));
      },
    },
    {
      name: "social/edit",
      weight: 2,
      plan(rand, view) {
        const post = visiblePost(rand, view);
        if (!post || post.repostOf !== 0n || !view.claimSigner(post.author) || !lock(view, [`post ${post.id}`])) return undefined;
        return tx(post.author, sim(t.MsgEditPost, { author: post.author, postId: post.id, content: { text: `edited at ${view.ctx.height}`, contentHash: "", uri: "" } }));
      },
    },
    {
      name: "social/edit-anothers-post",
      weight: 2,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        const post = visiblePost(rand, view);
        if (!signer || !post || post.author === signer) return undefined;
        return { ...tx(signer, sim(t.MsgEditPost, { author: signer, postId: post.id, content: { text: "mine", contentHash: "", uri: "" } })), expect: failsWith(t.ErrNotAuthor) };
      },
    },
    {
      name: "social/delete",
      weight: 1,
      plan(rand, view) {
        const post = visiblePost(rand, view);
        if (!post || !view.claimSigner(post.author) || !lock(view, [], [`post ${post.id}`])) return undefined;
        return tx(post.author, sim(t.MsgDeletePost, { author: post.author, postId: post.id }));
      },
    },
    {
      name: "social/follow",
      weight: 4,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        const followee = rand.pick(view.accounts);
        if (!signer || followee === signer || !hasProfile(view, followee) || blocks(view, followee, signer)) return undefined;
        if (keeper.following.has(view.ctx, [fromAccAddress(signer), fromAccAddress(followee)])) return undefined;
        if (!lock(view, [`block ${followee} ${signer}`])) return undefined;
        return tx(signer, sim(t.MsgFollow, { follower: signer, followee }));
      },
    },
    {
      name: "social/unfollow",
      weight: 1,
      plan(rand, view) {
        const follows = [...keeper.following.entries(view.ctx)];
        if (follows.length === 0) return undefined;
        const [[follower, followee]] = rand.pick(follows);
        const signer = toAccAddress(follower);
        if (!view.claimSigner(signer) || !lock(view, [`follow ${signer} ${toAccAddress(followee)}`])) return undefined;
        return tx(signer, sim(t.MsgUnfollow, { follower: signer, followee: toAccAddress(followee) }));
      },
    },
    {
      name: "social/block",
      weight: 1,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        const blocked = rand.pick(view.accounts);
        if (!signer || blocked === signer || blocks(view, signer, blocked)) return undefined;
        if (!lock(view, [], [`block ${signer} ${blocked}`, `follow ${blocked} ${signer}`])) return undefined;
        return tx(signer, sim(t.MsgBlock, { blocker: signer, blocked }));
      },
    },
    {
      name: "social/react",
      weight: 4,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        const post = visiblePost(rand, view);
        const kind = rand.pick(keeper.getParams(view.ctx).reactionKinds);
        if (!signer || !post) return undefined;
        const done = keeper.reactions.has(view.ctx, [post.id, [kind, fromAccAddress(signer)]]);
        if (!done && !lock(view, [`post ${post.id}`])) return undefined;
        const plan = tx(signer, sim(t.MsgReact, { reactor: signer, postId: post.id, kind }));
        return done ? { ...plan, expect: failsWith(t.ErrAlreadyDone) } : plan;
      },
    },
    {
      name: "social/unreact",
      weight: 1,
      plan(rand, view) {
        const post = randomPost(rand, view);
        const reactions = post ? [...keeper.reactions.entries(view.ctx, uint64Key.encodeNonTerminal(post.id))] : [];
        if (!post || reactions.length === 0) return undefined;
        const [[, [kind, reactor]]] = rand.pick(reactions);
        const signer = toAccAddress(reactor);
        if (!view.claimSigner(signer)) return undefined;
        return tx(signer, sim(t.MsgUnreact, { reactor: signer, postId: post.id, kind }));
      },
    },
    {
      name: "social/tip",
      weight: 2,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        const post = visiblePost(rand, view);
        if (!signer || !post || post.author === signer || !lock(view, [`post ${post.id}`])) return undefined;
        const spendable = view.spendable(signer, "uagora");
        if (spendable < 1n) return undefined;
        const amount = rand.between(1n, spendable < 1000n ? spendable : 1000n);
        return tx(signer, sim(t.MsgTip, { sender: signer, postId: post.id, amount: { denom: "uagora", amount: amount.toString() } }));
      },
    },
    {
      name: "social/report",
      weight: 2,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        const post = visiblePost(rand, view);
        if (!signer || !post || post.author === signer || keeper.reportsByPost.has(view.ctx, [post.id, fromAccAddress(signer)])) return undefined;
        if (!lock(view, [`post ${post.id}`])) return undefined;
        return tx(signer, sim(t.MsgReportPost, { reporter: signer, postId: post.id, reason: "spam" }));
      },
    },
    {
      name: "social/hide",
      weight: 2,
      plan(rand, view) {
        const post = visiblePost(rand, view);
        const moderator = post && claimHolder(rand, view, roles, t.MODERATOR_ROLE);
        if (!post || !moderator || !lock(view, [], [`post ${post.id}`])) return undefined;
        return tx(moderator, sim(t.MsgModeratePost, { moderator, postId: post.id, action: ModerationAction.MODERATION_ACTION_HIDE, reasonCode: "spam" }));
      },
    },
    {
      name: "social/hide-without-the-role",
      weight: 1,
      plan(rand, view) {
        const signer = view.pickSigner(rand);
        const post = visiblePost(rand, view);
        if (!signer || !post || roles.hasRole(view.ctx, t.MODERATOR_ROLE, signer)) return undefined;
        return { ...tx(signer, sim(t.MsgModeratePost, { moderator: signer, postId: post.id, action: ModerationAction.MODERATION_ACTION_HIDE, reasonCode: "spam" })), expect: failsWith(ErrUnauthorized) };
      },
    },
    {
      name: "social/restore",
      weight: 3,
      plan(rand, view) {
        const post = hiddenPost(rand, view);
        const moderator = post && claimHolder(rand, view, roles, t.MODERATOR_ROLE);
        if (!post || !moderator || !lock(view, [], [`post ${post.id}`])) return undefined;
        return tx(moderator, sim(t.MsgModeratePost, { moderator, postId: post.id, action: ModerationAction.MODERATION_ACTION_RESTORE, reasonCode: "reviewed" }));
      },
    },
    {
      name: "social/appeal",
      weight: 4,
      plan(rand, view) {
        const post = hiddenPost(rand, view);
        if (!post) return undefined;
        const last = keeper.appealByPost.get(view.ctx, post.id);
        if (last !== undefined && keeper.appeals.get(view.ctx, last)!.height >= post.decision!.height) return undefined;
        if (!view.claimSigner(post.author) || !lock(view, [`post ${post.id}`])) return undefined;
        return tx(post.author, sim(t.MsgAppeal, { author: post.author, postId: post.id, statement: "please review" }));
      },
    },
    {
      name: "social/support-appeal",
      weight: 6,
      plan(rand, view) {
        const open = [...keeper.appeals.entries(view.ctx)].filter(([, a]) => a.status === AppealStatus.APPEAL_STATUS_OPEN);
        const appeal = open.length ? rand.pick(open)[1] : undefined;
        const signer = member(rand, view);
        if (!appeal || !signer || appeal.author === signer) return undefined;
        if (keeper.appealSupports.has(view.ctx, [appeal.id, fromAccAddress(signer)]) || !lock(view, [`post ${appeal.postId}`], [`appeal ${appeal.id}`])) return undefined;
        return tx(signer, sim(t.MsgSupportAppeal, { supporter: signer, appealId: appeal.id }));
      },
    },
  ];
}

/**
 * Governance deciding an escalated appeal. It runs when the proposal passes, blocks later: a
 * moderator may have restored the post meanwhile, closing the appeal, and the proposal then fails.
 */
export function socialProposalMsgs(keeper: SocialKeeper): WeightedProposalMsg[] {
  return [
    {
      name: "social/resolve-appeal",
      weight: 2,
      build(rand, view) {
        const escalated = [...keeper.appeals.entries(view.ctx)].filter(([, a]) => a.status === AppealStatus.APPEAL_STATUS_ESCALATED);
        if (escalated.length === 0) return undefined;
        const [id] = rand.pick(escalated);
        return sim(t.MsgResolveAppeal, { authority: keeper.authority, appealId: id, restore: rand.int(2) === 0, reason: "decided by governance" });
      },
    },
  ];
}

/**
 * The social section of the simulation's genesis: handles freed after 20 blocks and appeals
 * escalated by 2 supporters, so a few hundred blocks see both.
 */
export function simulationSocialGenesis(): Record<string, unknown> {
  const params = { ...defaultSocialParams(), handleCooldownBlocks: 20n, appealEscalationSupporters: 2 };
  return { params: Params.toJSON(params) as Record<string, unknown> };
}
