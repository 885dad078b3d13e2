/** The social module's params: defaults and the checks MsgUpdateParams and genesis make. */
import type { Params } from "../../generated/proto/agora/social/v1/social.js";
import { ErrInvalidParams, MAX_POST_BYTES_LIMIT } from "./types.js";

export function defaultSocialParams(): Params {
  return {
    maxPostBytes: 1024,
    // About a day at 6-second blocks: long enough that a released handle is not sniped by accident.
    handleCooldownBlocks: 14_400n,
    reactionKinds: ["like", "love", "laugh", "wow", "sad"],
    minBlocksBetweenPosts: 1n,
    // 30 posts an hour at 6-second blocks.
    maxPostsPerWindow: 30,
    postWindowBlocks: 600n,
    appealEscalationSupporters: 3,
    maxFollowing: 1000,
  };
}

const REACTION_KIND = /^[a-z_]{1,16}$/;

/** Throws ErrInvalidParams naming the first field that is out of range. */
export function validateSocialParams(p: Params | undefined): Params {
  if (!p) throw ErrInvalidParams.wrap("params are required");
  const fail = (why: string) => {
    throw ErrInvalidParams.wrap(why);
  };
  if (p.maxPostBytes < 1 || p.maxPostBytes > MAX_POST_BYTES_LIMIT) fail(`max_post_bytes must be 1..${MAX_POST_BYTES_LIMIT}, got ${p.maxPostBytes}`);
  if (p.reactionKinds.length < 1 || p.reactionKinds.length > 16) fail(`reaction_kinds must list 1 to 16 kinds, got ${p.reactionKinds.length}`);
  for (const kind of p.reactionKinds) if (!REACTION_KIND.test(kind)) fail(`a reaction kind is 1 to 16 lowercase letters or underscores, got "${kind}"`);
  if (new Set(p.reactionKinds).size !== p.reactionKinds.length) fail(`reaction_kinds must not repeat a kind: ${p.reactionKinds.join(", ")}`);
  if (p.maxPostsPerWindow > 0 && p.postWindowBlocks === 0n) fail("post_window_blocks must be at least 1 when max_posts_per_window limits posts");
  if (p.appealEscalationSupporters < 1) fail("appeal_escalation_supporters must be at least 1");
  if (p.maxFollowing < 1 || p.maxFollowing > 10_000) fail(`max_following must be 1..10000, got ${p.maxFollowing}`);
  return p;
}
