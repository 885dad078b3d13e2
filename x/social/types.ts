/**
 * The social module's names, errors, message types and stateless checks. Domain only: importing
 * this file pulls in no keeper.
 */
import * as social from "../../generated/proto/agora/social/v1/social.js";
import * as tx from "../../generated/proto/agora/social/v1/tx.js";
import { typedMessage, type GeneratedCodec, type MessageType } from "../../sdk/codec/registry.js";
import { register } from "../../sdk/types/errors.js";

export const SOCIAL_MODULE = "social";
export const SOCIAL_STORE = "social";
/** The role whose holders hide and restore posts. */
export const MODERATOR_ROLE = "moderator";

export const ErrInvalidHandle = register(SOCIAL_MODULE, 2, "invalid handle");
export const ErrHandleTaken = register(SOCIAL_MODULE, 3, "handle taken");
export const ErrProfileNotFound = register(SOCIAL_MODULE, 4, "profile not found");
export const ErrInvalidContent = register(SOCIAL_MODULE, 5, "invalid post content");
export const ErrPostNotFound = register(SOCIAL_MODULE, 6, "post not found");
export const ErrNotAuthor = register(SOCIAL_MODULE, 7, "not the post's author");
export const ErrPostUnavailable = register(SOCIAL_MODULE, 8, "post deleted or hidden");
export const ErrRateLimited = register(SOCIAL_MODULE, 9, "posting too fast");
export const ErrBlocked = register(SOCIAL_MODULE, 10, "blocked by the account");
export const ErrAlreadyDone = register(SOCIAL_MODULE, 11, "already done");
export const ErrNotFound = register(SOCIAL_MODULE, 12, "nothing to undo");
export const ErrInvalidReaction = register(SOCIAL_MODULE, 13, "invalid reaction kind");
export const ErrInvalidTip = register(SOCIAL_MODULE, 14, "invalid tip");
export const ErrInvalidReport = register(SOCIAL_MODULE, 15, "invalid report");
export const ErrInvalidModeration = register(SOCIAL_MODULE, 16, "invalid moderation");
export const ErrAppealNotAllowed = register(SOCIAL_MODULE, 17, "appeal not allowed");
export const ErrAppealNotFound = register(SOCIAL_MODULE, 18, "appeal not found");
export const ErrInvalidParams = register(SOCIAL_MODULE, 19, "invalid params");
export const ErrTooManyFollows = register(SOCIAL_MODULE, 20, "following too many accounts");
export const ErrInvalidProfile = register(SOCIAL_MODULE, 21, "invalid profile");

export const MAX_DISPLAY_NAME_BYTES = 64;
export const MAX_BIO_BYTES = 512;
export const MAX_URI_BYTES = 512;
export const MAX_REASON_BYTES = 256;
export const MAX_REASON_CODE_BYTES = 64;

/**
 * 3 to 32 ASCII letters, digits or underscores, of any case; stored lowercase, so handles are
 * case-insensitive. Checked before lowering: Unicode lowering maps a few non-ASCII letters (the
 * Kelvin sign) to ASCII ones.
 */
const HANDLE = /^[A-Za-z0-9_]{3,32}$/;

/** The canonical (lowercase) handle, or throws saying what a handle may be. */
export function canonicalHandle(handle: string): string {
  if (!HANDLE.test(handle)) throw ErrInvalidHandle.wrap(`a handle is 3 to 32 letters, digits or underscores (e.g. alice_01), got "${handle}"`);
  return handle.toLowerCase();
}

const utf8Length = (text: string) => Buffer.byteLength(text, "utf8");

/** Throws `error` unless `text` is at most `max` UTF-8 bytes. */
export function assertMaxBytes(error: typeof ErrInvalidContent, field: string, text: string, max: number): void {
  const length = utf8Length(text);
  if (length > max) throw error.wrap(`${field} is at most ${max} bytes, got ${length}`);
}

const CONTENT_HASH = /^[0-9a-f]{64}$/;

/**
 * Post content: text of at most `maxPostBytes`, and/or a hex SHA-256 with the URI it hashes
 * (both or neither). Empty content is refused.
 */
export function assertContent(content: social.Content | undefined, maxPostBytes: number): social.Content {
  const c = content ?? { text: "", contentHash: "", uri: "" };
  if (!c.text && !c.uri && !c.contentHash) throw ErrInvalidContent.wrap("a post needs text, or a content hash and URI");
  assertMaxBytes(ErrInvalidContent, "text", c.text, maxPostBytes);
  if (Boolean(c.uri) !== Boolean(c.contentHash)) throw ErrInvalidContent.wrap("a content hash and a URI go together: give both or neither");
  if (c.contentHash && !CONTENT_HASH.test(c.contentHash)) throw ErrInvalidContent.wrap(`content_hash is a lowercase hex SHA-256 (64 characters), got "${c.contentHash}"`);
  assertMaxBytes(ErrInvalidContent, "uri", c.uri, MAX_URI_BYTES);
  return c;
}

/** Content bounded by the largest text any params could allow, for stateless checks. */
export const MAX_POST_BYTES_LIMIT = 65_536;

export function assertId(error: typeof ErrPostNotFound, what: string, id: bigint): void {
  if (id === 0n) throw error.wrap(`${what} ids start at 1, got 0`);
}

const typed = <T>(name: string, codec: GeneratedCodec<T>): MessageType<T> => typedMessage(`/agora.social.v1.${name}`, codec);

export const MsgSetProfile = typed<tx.MsgSetProfile>("MsgSetProfile", tx.MsgSetProfile);
export const MsgSetProfileResponse = typed<tx.MsgSetProfileResponse>("MsgSetProfileResponse", tx.MsgSetProfileResponse);
export const MsgCreatePost = typed<tx.MsgCreatePost>("MsgCreatePost", tx.MsgCreatePost);
export const MsgCreatePostResponse = typed<tx.MsgCreatePostResponse>("MsgCreatePostResponse", tx.MsgCreatePostResponse);
export const MsgRepost = typed<tx.MsgRepost>("MsgRepost", tx.MsgRepost);
export const MsgRepostResponse = typed<tx.MsgRepostResponse>("MsgRepostResponse", tx.MsgRepostResponse);
export const MsgEditPost = typed<tx.MsgEditPost>("MsgEditPost", tx.MsgEditPost);
export const MsgEditPostResponse = typed<tx.MsgEditPostResponse>("MsgEditPostResponse", tx.MsgEditPostResponse);
export const MsgDeletePost = typed<tx.MsgDeletePost>("MsgDeletePost", tx.MsgDeletePost);
export const MsgDeletePostResponse = typed<tx.MsgDeletePostResponse>("MsgDeletePostResponse", tx.MsgDeletePostResponse);
export const MsgFollow = typed<tx.MsgFollow>("MsgFollow", tx.MsgFollow);
export const MsgFollowResponse = typed<tx.MsgFollowResponse>("MsgFollowResponse", tx.MsgFollowResponse);
export const MsgUnfollow = typed<tx.MsgUnfollow>("MsgUnfollow", tx.MsgUnfollow);
export const MsgUnfollowResponse = typed<tx.MsgUnfollowResponse>("MsgUnfollowResponse", tx.MsgUnfollowResponse);
export const MsgBlock = typed<tx.MsgBlock>("MsgBlock", tx.MsgBlock);
export const MsgBlockResponse = typed<tx.MsgBlockResponse>("MsgBlockResponse", tx.MsgBlockResponse);
export const MsgUnblock = typed<tx.MsgUnblock>("MsgUnblock", tx.MsgUnblock);
export const MsgUnblockResponse = typed<tx.MsgUnblockResponse>("MsgUnblockResponse", tx.MsgUnblockResponse);
export const MsgReact = typed<tx.MsgReact>("MsgReact", tx.MsgReact);
export const MsgReactResponse = typed<tx.MsgReactResponse>("MsgReactResponse", tx.MsgReactResponse);
export const MsgUnreact = typed<tx.MsgUnreact>("MsgUnreact", tx.MsgUnreact);
export const MsgUnreactResponse = typed<tx.MsgUnreactResponse>("MsgUnreactResponse", tx.MsgUnreactResponse);
export const MsgTip = typed<tx.MsgTip>("MsgTip", tx.MsgTip);
export const MsgTipResponse = typed<tx.MsgTipResponse>("MsgTipResponse", tx.MsgTipResponse);
export const MsgReportPost = typed<tx.MsgReportPost>("MsgReportPost", tx.MsgReportPost);
export const MsgReportPostResponse = typed<tx.MsgReportPostResponse>("MsgReportPostResponse", tx.MsgReportPostResponse);
export const MsgModeratePost = typed<tx.MsgModeratePost>("MsgModeratePost", tx.MsgModeratePost);
export const MsgModeratePostResponse = typed<tx.MsgModeratePostResponse>("MsgModeratePostResponse", tx.MsgModeratePostResponse);
export const MsgAppeal = typed<tx.MsgAppeal>("MsgAppeal", tx.MsgAppeal);
export const MsgAppealResponse = typed<tx.MsgAppealResponse>("MsgAppealResponse", tx.MsgAppealResponse);
export const MsgSupportAppeal = typed<tx.MsgSupportAppeal>("MsgSupportAppeal", tx.MsgSupportAppeal);
export const MsgSupportAppealResponse = typed<tx.MsgSupportAppealResponse>("MsgSupportAppealResponse", tx.MsgSupportAppealResponse);
export const MsgResolveAppeal = typed<tx.MsgResolveAppeal>("MsgResolveAppeal", tx.MsgResolveAppeal);
export const MsgResolveAppealResponse = typed<tx.MsgResolveAppealResponse>("MsgResolveAppealResponse", tx.MsgResolveAppealResponse);
export const MsgUpdateParams = typed<tx.MsgUpdateParams>("MsgUpdateParams", tx.MsgUpdateParams);
export const MsgUpdateParamsResponse = typed<tx.MsgUpdateParamsResponse>("MsgUpdateParamsResponse", tx.MsgUpdateParamsResponse);
