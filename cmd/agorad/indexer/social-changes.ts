/**
 * x/social's profiles, posts and follows out of a block's store writes, read with the keeper's own
 * collections so the key layouts are declared once, and written to their tables.
 */
import type { Transaction } from "kysely";
import { ModerationAction, type Post, type Profile } from "../../../generated/proto/agora/social/v1/social.js";
import { toAccAddress } from "../../../sdk/types/address.js";
import { SocialKeeper } from "../../../x/social/keeper.js";
import { SOCIAL_STORE } from "../../../x/social/types.js";
import type { IndexedBlock, StoreChange } from "./indexed-block.js";
import type { IndexerDatabase } from "./schema.js";

const { profiles, posts, following } = new SocialKeeper("");

export interface SocialChanges {
  /** By address; null when removed. */
  profiles: Map<string, Profile | null>;
  /** By id; null when removed (posts never are, but a replaced state may drop them). */
  posts: Map<bigint, Post | null>;
  /** "follower followee" -> whether the follow exists after the block. */
  follows: Map<string, boolean>;
}

function under(key: Uint8Array, prefix: Uint8Array): Uint8Array | undefined {
  if (key.length < prefix.length) return undefined;
  for (let i = 0; i < prefix.length; i++) if (key[i] !== prefix[i]) return undefined;
  return key.subarray(prefix.length);
}

/** Picks the social writes out of `changes`; a later write to a key wins. */
export function decodeSocialChanges(changes: StoreChange[]): SocialChanges {
  const out: SocialChanges = { profiles: new Map(), posts: new Map(), follows: new Map() };
  for (const change of changes) {
    if (change.store !== SOCIAL_STORE) continue;
    let rest: Uint8Array | undefined;
    if ((rest = under(change.key, profiles.prefix))) {
      out.profiles.set(toAccAddress(profiles.keys.decode(rest)), change.value ? profiles.values.decode(change.value) : null);
    } else if ((rest = under(change.key, posts.prefix))) {
      out.posts.set(posts.keys.decode(rest), change.value ? posts.values.decode(change.value) : null);
    } else if ((rest = under(change.key, following.prefix))) {
      const [follower, followee] = following.keys.decode(rest);
      out.follows.set(`${toAccAddress(follower)} ${toAccAddress(followee)}`, change.value !== null);
    }
  }
  return out;
}

const ACTIONS: Record<number, string> = { [ModerationAction.MODERATION_ACTION_HIDE]: "hide", [ModerationAction.MODERATION_ACTION_RESTORE]: "restore" };

function postRow(post: Post, height: bigint) {
  return {
    id: post.id,
    author: post.author,
    reply_to: post.replyTo === 0n ? null : post.replyTo,
    repost_of: post.repostOf === 0n ? null : post.repostOf,
    text: post.content?.text ?? "",
    content_hash: post.content?.contentHash ?? "",
    uri: post.content?.uri ?? "",
    created_height: post.createdAtHeight,
    created_time: new Date(Number(post.createdAtTime) * 1000),
    edited_height: post.editedAtHeight === 0n ? null : post.editedAtHeight,
    revision_count: post.revisionCount,
    deleted: post.deleted,
    hidden: post.hidden,
    moderation_action: post.decision ? (ACTIONS[post.decision.action] ?? null) : null,
    moderated_by: post.decision?.decidedBy ?? null,
    moderation_reason: post.decision?.reasonCode ?? null,
    reply_count: post.replyCount,
    repost_count: post.repostCount,
    updated_height: height,
  };
}

/** Writes the block's social changes; a block that replaces the state replaces these tables too. */
export async function writeSocialChanges(trx: Transaction<IndexerDatabase>, block: IndexedBlock): Promise<void> {
  const changes = decodeSocialChanges(block.changes);
  const height = block.height;
  if (block.replacesState) {
    for (const table of ["social_follows", "social_posts", "social_profiles"] as const) await trx.deleteFrom(table).execute();
  }
  for (const address of changes.profiles.keys()) {
    // A handle may move between accounts within a block: every changed row goes before any comes back.
    await trx.deleteFrom("social_profiles").where("address", "=", address).execute();
  }
  for (const [address, profile] of changes.profiles) {
    if (!profile) continue;
    const { handle, displayName, bio, avatarUri, createdAtHeight } = profile;
    await trx.insertInto("social_profiles").values({ address, handle, display_name: displayName, bio, avatar_uri: avatarUri, created_height: createdAtHeight, updated_height: height }).execute();
  }
  for (const [id, post] of changes.posts) {
    if (!post) {
      await trx.deleteFrom("social_posts").where("id", "=", id.toString()).execute();
      continue;
    }
    const row = postRow(post, height);
    await trx
      .insertInto("social_posts")
      .values(row)
      .onConflict((c) => c.column("id").doUpdateSet(row))
      .execute();
  }
  for (const [pair, exists] of changes.follows) {
    const [follower, followee] = pair.split(" ") as [string, string];
    if (exists) await trx.insertInto("social_follows").values({ follower, followee, since_height: height }).onConflict((c) => c.columns(["follower", "followee"]).doNothing()).execute();
    else await trx.deleteFrom("social_follows").where("follower", "=", follower).where("followee", "=", followee).execute();
  }
}
