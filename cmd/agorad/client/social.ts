/**
 * Social from the command line: the messages each `agorad tx social` command signs (checked
 * before any key or node is used), the proposals only governance signs, and the queries of
 * agora.social.v1.Query printed in the SDK's snake_case JSON.
 */
import { ModerationAction, Params } from "../../../generated/proto/agora/social/v1/social.js";
import * as tx from "../../../generated/proto/agora/social/v1/tx.js";
import { validateSocialParams } from "../../../x/social/params.js";
import * as t from "../../../x/social/types.js";
import { CliError } from "../cli.js";
import { abciQuery, type RequestCodec, type ResponseCodec } from "./abci-query.js";
import { checkAddress, parseCoins } from "./coins.js";
import { govAuthority } from "./roles.js";

/** A message for the signer `signer`, from the command's arguments. */
export type SocialMsgBuilder = (signer: string) => { typeUrl: string; value: unknown };

/** Runs a module check now, so a bad argument fails with the chain's own words before signing. */
function checked<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}

export function parseId(text: string, what: string): bigint {
  if (!/^[1-9][0-9]*$/.test(text)) throw new CliError(`invalid ${what} "${text}": expected a positive integer, e.g. 12`);
  return BigInt(text);
}

const content = (text: string, flags: { contentHash?: string; uri?: string }) => checked(() => t.assertContent({ text, contentHash: flags.contentHash ?? "", uri: flags.uri ?? "" }, t.MAX_POST_BYTES_LIMIT));

const msg = <T>(type: { typeUrl: string }, codec: { fromPartial(o: never): T }, value: Record<string, unknown>) => ({ typeUrl: type.typeUrl, value: codec.fromPartial(value as never) });

export const socialMsgs = {
  setProfile: (handle: string, flags: { displayName?: string; bio?: string; avatarUri?: string }): SocialMsgBuilder => {
    const canonical = checked(() => t.canonicalHandle(handle.replace(/^@/, "")));
    return (owner) => msg(t.MsgSetProfile, tx.MsgSetProfile, { owner, handle: canonical, displayName: flags.displayName ?? "", bio: flags.bio ?? "", avatarUri: flags.avatarUri ?? "" });
  },
  post: (text: string, flags: { contentHash?: string; uri?: string; replyTo?: string }): SocialMsgBuilder => {
    const body = content(text, flags);
    const replyTo = flags.replyTo === undefined ? 0n : parseId(flags.replyTo, "--reply-to post id");
    return (author) => msg(t.MsgCreatePost, tx.MsgCreatePost, { author, content: body, replyTo });
  },
  repost: (postId: string): SocialMsgBuilder => {
    const id = parseId(postId, "post id");
    return (author) => msg(t.MsgRepost, tx.MsgRepost, { author, postId: id });
  },
  edit: (postId: string, text: string, flags: { contentHash?: string; uri?: string }): SocialMsgBuilder => {
    const id = parseId(postId, "post id");
    const body = content(text, flags);
    return (author) => msg(t.MsgEditPost, tx.MsgEditPost, { author, postId: id, content: body });
  },
  delete: (postId: string): SocialMsgBuilder => {
    const id = parseId(postId, "post id");
    return (author) => msg(t.MsgDeletePost, tx.MsgDeletePost, { author, postId: id });
  },
  follow: (address: string): SocialMsgBuilder => {
    const followee = checkAddress(address, "account to follow");
    return (follower) => msg(t.MsgFollow, tx.MsgFollow, { follower, followee });
  },
  unfollow: (address: string): SocialMsgBuilder => {
    const followee = checkAddress(address, "account to unfollow");
    return (follower) => msg(t.MsgUnfollow, tx.MsgUnfollow, { follower, followee });
  },
  block: (address: string): SocialMsgBuilder => {
    const blocked = checkAddress(address, "account to block");
    return (blocker) => msg(t.MsgBlock, tx.MsgBlock, { blocker, blocked });
  },
  unblock: (address: string): SocialMsgBuilder => {
    const blocked = checkAddress(address, "account to unblock");
    return (blocker) => msg(t.MsgUnblock, tx.MsgUnblock, { blocker, blocked });
  },
  react: (postId: string, kind: string): SocialMsgBuilder => {
    const id = parseId(postId, "post id");
    return (reactor) => msg(t.MsgReact, tx.MsgReact, { reactor, postId: id, kind });
  },
  unreact: (postId: string, kind: string): SocialMsgBuilder => {
    const id = parseId(postId, "post id");
    return (reactor) => msg(t.MsgUnreact, tx.MsgUnreact, { reactor, postId: id, kind });
  },
  tip: (postId: string, amount: string): SocialMsgBuilder => {
    const id = parseId(postId, "post id");
    const coins = parseCoins(amount);
    if (coins.length !== 1) throw new CliError(`a tip is one coin, e.g. 100uagora, got "${amount}"`);
    const [coin] = coins as [{ denom: string; amount: string }];
    return (sender) => msg(t.MsgTip, tx.MsgTip, { sender, postId: id, amount: { denom: coin.denom, amount: coin.amount } });
  },
  report: (postId: string, reason: string): SocialMsgBuilder => {
    const id = parseId(postId, "post id");
    if (!reason) throw new CliError("a report needs a reason");
    checked(() => t.assertMaxBytes(t.ErrInvalidReport, "reason", reason, t.MAX_REASON_BYTES));
    return (reporter) => msg(t.MsgReportPost, tx.MsgReportPost, { reporter, postId: id, reason });
  },
  moderate: (postId: string, action: string, reasonCode: string): SocialMsgBuilder => {
    const id = parseId(postId, "post id");
    const actions: Record<string, ModerationAction> = { hide: ModerationAction.MODERATION_ACTION_HIDE, restore: ModerationAction.MODERATION_ACTION_RESTORE };
    const chosen = actions[action];
    if (chosen === undefined) throw new CliError(`invalid action "${action}": expected hide or restore`);
    return (moderator) => msg(t.MsgModeratePost, tx.MsgModeratePost, { moderator, postId: id, action: chosen, reasonCode });
  },
  appeal: (postId: string, statement: string): SocialMsgBuilder => {
    const id = parseId(postId, "post id");
    return (author) => msg(t.MsgAppeal, tx.MsgAppeal, { author, postId: id, statement });
  },
  supportAppeal: (appealId: string): SocialMsgBuilder => {
    const id = parseId(appealId, "appeal id");
    return (supporter) => msg(t.MsgSupportAppeal, tx.MsgSupportAppeal, { supporter, appealId: id });
  },
};

/** A proposal.json whose one message only the gov authority signs. */
function proposal(message: Record<string, unknown>, title: string, summary: string): Record<string, unknown> {
  return { messages: [message], metadata: "", deposit: "", title, summary };
}

export function resolveAppealProposal(opts: { appealId: string; decision: string; reason: string }): Record<string, unknown> {
  const appealId = parseId(opts.appealId, "appeal id");
  if (opts.decision !== "restore" && opts.decision !== "reject") throw new CliError(`invalid decision "${opts.decision}": expected restore or reject`);
  const restore = opts.decision === "restore";
  return proposal(
    { "@type": t.MsgResolveAppeal.typeUrl, authority: govAuthority(), appeal_id: appealId.toString(), restore, reason: opts.reason },
    `${restore ? "Restore" : "Keep hidden"} the post of appeal ${appealId}`,
    opts.reason || `Governance decides escalated appeal ${appealId}.`,
  );
}

/** `params` in snake_case JSON, bare or under "params" (as `agorad query social params --output json` prints them). */
export function updateParamsProposal(json: unknown): Record<string, unknown> {
  if (!json || typeof json !== "object") throw new CliError("the params file must hold a JSON object, e.g. the output of `agorad query social params --output json`");
  const params = checked(() => validateSocialParams(Params.fromJSON((json as { params?: unknown }).params ?? json)));
  return proposal({ "@type": t.MsgUpdateParams.typeUrl, authority: govAuthority(), params: snakeKeys(Params.toJSON(params)) }, "Update the social params", "Sets the agora.social.v1 params.");
}

const toSnake = (key: string) => key.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());

/** ts-proto's JSON (camelCase) with the SDK's snake_case keys. */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [toSnake(k), snakeKeys(v)]));
}

type JsonCodec<Res> = ResponseCodec<Res> & { toJSON(message: Res): unknown };

/** One social query at the latest height, answered as snake_case JSON. */
export async function socialQuery<Req, Res>(node: string | undefined, what: string, method: string, reqType: RequestCodec<Req>, request: Req, resType: JsonCodec<Res>): Promise<Record<string, unknown>> {
  const res = await abciQuery(node, `query social ${what}`, `/agora.social.v1.Query/${method}`, reqType, request, resType);
  return snakeKeys(resType.toJSON(res)) as Record<string, unknown>;
}

/** A page request from `--limit` and `--page-key` (the base64 next_key of the previous page). */
export function pageFlags(flags: { limit?: string; pageKey?: string }) {
  const limit = flags.limit === undefined ? 0n : parseId(flags.limit, "--limit");
  const key = flags.pageKey ? Uint8Array.from(Buffer.from(flags.pageKey, "base64")) : new Uint8Array();
  return { key, offset: 0n, limit, countTotal: false, reverse: false };
}

