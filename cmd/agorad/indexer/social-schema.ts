/** x/social's tables as kysely sees them (migrations/0004_social.ts creates them). */
import type { ColumnType } from "kysely";

type Int8 = ColumnType<string, string | bigint, string | bigint>;
type NullableInt8 = ColumnType<string | null, string | bigint | null, string | bigint | null>;

export interface SocialProfilesTable {
  address: string;
  handle: string;
  display_name: string;
  bio: string;
  avatar_uri: string;
  created_height: Int8;
  updated_height: Int8;
}

export interface SocialPostsTable {
  id: Int8;
  author: string;
  reply_to: NullableInt8;
  repost_of: NullableInt8;
  text: string;
  content_hash: string;
  uri: string;
  created_height: Int8;
  created_time: ColumnType<Date, Date, Date>;
  edited_height: NullableInt8;
  revision_count: number;
  deleted: boolean;
  hidden: boolean;
  moderation_action: string | null;
  moderated_by: string | null;
  moderation_reason: string | null;
  reply_count: Int8;
  repost_count: Int8;
  updated_height: Int8;
}

export interface SocialFollowsTable {
  follower: string;
  followee: string;
  since_height: Int8;
}

export interface SocialTables {
  social_profiles: SocialProfilesTable;
  social_posts: SocialPostsTable;
  social_follows: SocialFollowsTable;
}
