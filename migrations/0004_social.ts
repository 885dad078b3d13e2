/**
 * x/social's tables: profiles, posts (hidden and deleted ones too, flagged) and follows, kept
 * current from the social store's writes like accounts and balances.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("social_profiles")
    .addColumn("address", "text", (c) => c.primaryKey())
    .addColumn("handle", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("bio", "text", (c) => c.notNull())
    .addColumn("avatar_uri", "text", (c) => c.notNull())
    .addColumn("created_height", "bigint", (c) => c.notNull())
    .addColumn("updated_height", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("social_posts")
    .addColumn("id", "bigint", (c) => c.primaryKey())
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("reply_to", "bigint")
    .addColumn("repost_of", "bigint")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("uri", "text", (c) => c.notNull())
    .addColumn("created_height", "bigint", (c) => c.notNull())
    .addColumn("created_time", "timestamptz", (c) => c.notNull())
    .addColumn("edited_height", "bigint")
    .addColumn("revision_count", "integer", (c) => c.notNull())
    .addColumn("deleted", "boolean", (c) => c.notNull())
    .addColumn("hidden", "boolean", (c) => c.notNull())
    // The last moderation: "hide" or "restore", by whom and why; null when never moderated.
    .addColumn("moderation_action", "text")
    .addColumn("moderated_by", "text")
    .addColumn("moderation_reason", "text")
    .addColumn("reply_count", "bigint", (c) => c.notNull())
    .addColumn("repost_count", "bigint", (c) => c.notNull())
    .addColumn("updated_height", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("social_posts_author").on("social_posts").columns(["author", "id"]).execute();
  await db.schema.createIndex("social_posts_reply_to").on("social_posts").column("reply_to").where(sql.ref("reply_to"), "is not", null).execute();

  await db.schema
    .createTable("social_follows")
    .addColumn("follower", "text", (c) => c.notNull())
    .addColumn("followee", "text", (c) => c.notNull())
    .addColumn("since_height", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("social_follows_pk", ["follower", "followee"])
    .execute();
  await db.schema.createIndex("social_follows_followee").on("social_follows").column("followee").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["social_follows", "social_posts", "social_profiles"]) await db.schema.dropTable(table).execute();
}
