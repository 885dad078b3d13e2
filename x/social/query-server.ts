/** agora.social.v1.Query: profiles, posts with their counts, the graph, the feed and reports. */
import * as q from "../../generated/proto/agora/social/v1/query.js";
import type { Post } from "../../generated/proto/agora/social/v1/social.js";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import { bytesKey, uint64Key } from "../../sdk/collections/codecs.js";
import type { StoreSource } from "../../sdk/collections/collections.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import { ErrInvalidRequest } from "../../sdk/types/sdk-errors.js";
import { DEFAULT_FEED_LIMIT, feedPage, MAX_FEED_LIMIT } from "./feed.js";
import type { SocialKeeper } from "./keeper.js";
import { pageKeys } from "./pagination.js";
import { getPost } from "./rules.js";
import { canonicalHandle, ErrAppealNotFound, ErrProfileNotFound } from "./types.js";

const service = "/agora.social.v1.Query/";

export function postView(src: StoreSource, keeper: SocialKeeper, post: Post): q.PostView {
  return { post, reactions: keeper.reactionCountsOf(src, post.id), tips: keeper.tipsOf(src, post.id) };
}

export function registerSocialQueries(router: QueryRouter, keeper: SocialKeeper): void {
  const views = (src: StoreSource, ids: bigint[]) => ids.map((id) => postView(src, keeper, keeper.posts.get(src, id)!));
  const profileOf = (src: StoreSource, address: Uint8Array, asked: string) => {
    const profile = keeper.profiles.get(src, address);
    if (!profile) throw ErrProfileNotFound.wrap(`no profile for ${asked}`);
    return profile;
  };

  router.register({ path: service + "Params", requestType: q.QueryParamsRequest, responseType: q.QueryParamsResponse, handle: (ctx) => ({ params: keeper.getParams(ctx) }) });
  router.register({
    path: service + "ProfileByHandle",
    requestType: q.QueryProfileByHandleRequest,
    responseType: q.QueryProfileByHandleResponse,
    handle(ctx, req) {
      const handle = canonicalHandle(req.handle.replace(/^@/, ""));
      const owner = keeper.handles.get(ctx, handle);
      if (!owner) throw ErrProfileNotFound.wrap(`no profile has the handle @${handle}`);
      return { profile: profileOf(ctx, owner, `@${handle}`) };
    },
  });
  router.register({
    path: service + "ProfileByAddress",
    requestType: q.QueryProfileByAddressRequest,
    responseType: q.QueryProfileByAddressResponse,
    handle: (ctx, req) => ({ profile: profileOf(ctx, fromAccAddress(req.address), req.address) }),
  });
  router.register({
    path: service + "Post",
    requestType: q.QueryPostRequest,
    responseType: q.QueryPostResponse,
    handle: (ctx, req) => ({ post: postView(ctx, keeper, getPost(ctx, keeper, req.id)) }),
  });
  router.register({
    path: service + "PostRevisions",
    requestType: q.QueryPostRevisionsRequest,
    responseType: q.QueryPostRevisionsResponse,
    handle(ctx, req) {
      getPost(ctx, keeper, req.id);
      return { revisions: [...keeper.revisions.entries(ctx, uint64Key.encodeNonTerminal(req.id))].map(([, revision]) => revision) };
    },
  });
  router.register({
    path: service + "PostsByAuthor",
    requestType: q.QueryPostsByAuthorRequest,
    responseType: q.QueryPostsByAuthorResponse,
    handle(ctx, req) {
      const { keys, pagination } = pageKeys(ctx, keeper.postsByAuthor, bytesKey.encodeNonTerminal(fromAccAddress(req.author)), req.pagination, true);
      return { posts: views(ctx, keys.map(([, id]) => id)), pagination };
    },
  });
  router.register({
    path: service + "Replies",
    requestType: q.QueryRepliesRequest,
    responseType: q.QueryRepliesResponse,
    handle(ctx, req) {
      getPost(ctx, keeper, req.postId);
      const { keys, pagination } = pageKeys(ctx, keeper.replies, uint64Key.encodeNonTerminal(req.postId), req.pagination);
      return { posts: views(ctx, keys.map(([, id]) => id)), pagination };
    },
  });
  router.register({
    path: service + "Followers",
    requestType: q.QueryFollowersRequest,
    responseType: q.QueryFollowersResponse,
    handle(ctx, req) {
      const { keys, pagination } = pageKeys(ctx, keeper.followers, bytesKey.encodeNonTerminal(fromAccAddress(req.address)), req.pagination);
      return { addresses: keys.map(([, follower]) => toAccAddress(follower)), pagination };
    },
  });
  router.register({
    path: service + "Following",
    requestType: q.QueryFollowingRequest,
    responseType: q.QueryFollowingResponse,
    handle(ctx, req) {
      const { keys, pagination } = pageKeys(ctx, keeper.following, bytesKey.encodeNonTerminal(fromAccAddress(req.address)), req.pagination);
      return { addresses: keys.map(([, followee]) => toAccAddress(followee)), pagination };
    },
  });
  router.register({
    path: service + "Feed",
    requestType: q.QueryFeedRequest,
    responseType: q.QueryFeedResponse,
    handle(ctx, req) {
      const page = req.pagination;
      if (page?.offset || page?.reverse) throw ErrInvalidRequest.wrap("the feed pages by next_key only (newest first); leave offset and reverse unset");
      if (page?.key.length && page.key.length !== 8) throw ErrInvalidRequest.wrap(`a feed page key is the 8-byte next_key of the previous page, got ${page.key.length} bytes`);
      const before = page?.key.length ? uint64Key.decode(page.key) : undefined;
      const limit = page?.limit ? (page.limit > MAX_FEED_LIMIT ? MAX_FEED_LIMIT : page.limit) : DEFAULT_FEED_LIMIT;
      const { ids, nextId } = feedPage(ctx, keeper, fromAccAddress(req.address), before, limit);
      return { posts: views(ctx, ids), pagination: { nextKey: nextId === undefined ? new Uint8Array() : uint64Key.encode(nextId), total: 0n } };
    },
  });
  router.register({
    path: service + "PendingReports",
    requestType: q.QueryPendingReportsRequest,
    responseType: q.QueryPendingReportsResponse,
    handle(ctx, req) {
      const { keys, pagination } = pageKeys(ctx, keeper.pendingReports, new Uint8Array(), req.pagination);
      return { reports: keys.map((id) => keeper.reports.get(ctx, id)!), pagination };
    },
  });
  router.register({
    path: service + "Appeal",
    requestType: q.QueryAppealRequest,
    responseType: q.QueryAppealResponse,
    handle(ctx, req) {
      const appeal = keeper.appeals.get(ctx, req.id);
      if (!appeal) throw ErrAppealNotFound.wrap(`no appeal ${req.id}`);
      return { appeal };
    },
  });
}
