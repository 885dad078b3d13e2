/** The gateway paths of agora.social.v1.Query: /agora/social/v1/... */
import * as social from "../../../generated/proto/agora/social/v1/query.js";
import { typedMessage, type GeneratedCodec } from "../../codec/registry.js";
import type { GatewayRoute } from "./gateway.js";

const SOCIAL = "/agora.social.v1.Query/";
const type = <T>(name: string, codec: GeneratedCodec<T>) => typedMessage<T>(`/agora.social.v1.${name}`, codec);
/** The route of one method, its request and response types named after it. */
const method = <Q, R>(name: string, path: string, request: GeneratedCodec<Q>, response: GeneratedCodec<R>, fields: Partial<GatewayRoute> = {}): GatewayRoute => ({
  path,
  grpc: SOCIAL + name,
  request: type(`Query${name}Request`, request),
  response: type(`Query${name}Response`, response),
  ...fields,
});

export const SOCIAL_GATEWAY_ROUTES: GatewayRoute[] = [
  method("Params", "/agora/social/v1/params", social.QueryParamsRequest, social.QueryParamsResponse),
  method("ProfileByHandle", "/agora/social/v1/profiles/by_handle/{handle}", social.QueryProfileByHandleRequest, social.QueryProfileByHandleResponse, { pathFields: ["handle"] }),
  method("ProfileByAddress", "/agora/social/v1/profiles/{address}", social.QueryProfileByAddressRequest, social.QueryProfileByAddressResponse, { pathFields: ["address"] }),
  method("Post", "/agora/social/v1/posts/{id}", social.QueryPostRequest, social.QueryPostResponse, { pathFields: ["id"], uint64Fields: ["id"] }),
  method("PostRevisions", "/agora/social/v1/posts/{id}/revisions", social.QueryPostRevisionsRequest, social.QueryPostRevisionsResponse, { pathFields: ["id"], uint64Fields: ["id"] }),
  method("Replies", "/agora/social/v1/posts/{post_id}/replies", social.QueryRepliesRequest, social.QueryRepliesResponse, { pathFields: ["post_id"], uint64Fields: ["post_id"], paginated: true }),
  method("PostsByAuthor", "/agora/social/v1/authors/{author}/posts", social.QueryPostsByAuthorRequest, social.QueryPostsByAuthorResponse, { pathFields: ["author"], paginated: true }),
  method("Followers", "/agora/social/v1/accounts/{address}/followers", social.QueryFollowersRequest, social.QueryFollowersResponse, { pathFields: ["address"], paginated: true }),
  method("Following", "/agora/social/v1/accounts/{address}/following", social.QueryFollowingRequest, social.QueryFollowingResponse, { pathFields: ["address"], paginated: true }),
  method("Feed", "/agora/social/v1/accounts/{address}/feed", social.QueryFeedRequest, social.QueryFeedResponse, { pathFields: ["address"], paginated: true }),
  method("PendingReports", "/agora/social/v1/reports/pending", social.QueryPendingReportsRequest, social.QueryPendingReportsResponse, { paginated: true }),
  method("Appeal", "/agora/social/v1/appeals/{id}", social.QueryAppealRequest, social.QueryAppealResponse, { pathFields: ["id"], uint64Fields: ["id"] }),
];
