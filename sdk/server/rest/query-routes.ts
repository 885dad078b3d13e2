/**
 * The grpc-gateway paths of the Query services (as annotated in the Cosmos SDK's query.proto
 * files), each answered through BaseApp.query, so REST reads exactly what ABCI and gRPC read.
 * Only the paths whose Query method the router registers are served.
 */
import * as auth from "cosmjs-types/cosmos/auth/v1beta1/query";
import * as bank from "cosmjs-types/cosmos/bank/v1beta1/query";
import * as circuit from "cosmjs-types/cosmos/circuit/v1/query";
import * as roles from "../../../generated/proto/agora/roles/v1/query.js";
import { queryThrough, type QueryFn } from "../cache/query-cache.js";
import type { BaseApp } from "../../baseapp/baseapp.js";
import { fromAbciError } from "./errors.js";
import { blockHeight, pageRequest, PAGINATION_PARAMS, queryValue } from "./params.js";
import { toGatewayJson, type AnyResolver } from "./proto-json.js";
import { pathParam, type RestParam, type RestRoute } from "./route.js";

interface Codec {
  fromPartial(object: never): unknown;
  encode(message: never): { finish(): Uint8Array };
  decode(bytes: Uint8Array): unknown;
}

interface QueryGatewayRoute {
  path: string;
  /** Full gRPC method: "/cosmos.bank.v1beta1.Query/AllBalances". */
  method: string;
  request: Codec;
  response: Codec;
  responseName: string;
  /** Fields of the request read from the path, then from the query string (all strings). */
  pathFields?: string[];
  queryFields?: string[];
  paginated?: boolean;
}

const BANK = "/cosmos.bank.v1beta1.Query/";
const AUTH = "/cosmos.auth.v1beta1.Query/";
const CIRCUIT = "/cosmos.circuit.v1.Query/";
const ROLES = "/agora.roles.v1.Query/";

const GATEWAY_ROUTES: QueryGatewayRoute[] = [
  { path: "/cosmos/bank/v1beta1/balances/{address}", method: BANK + "AllBalances", request: bank.QueryAllBalancesRequest, response: bank.QueryAllBalancesResponse, responseName: "cosmos.bank.v1beta1.QueryAllBalancesResponse", pathFields: ["address"], paginated: true },
  { path: "/cosmos/bank/v1beta1/balances/{address}/by_denom", method: BANK + "Balance", request: bank.QueryBalanceRequest, response: bank.QueryBalanceResponse, responseName: "cosmos.bank.v1beta1.QueryBalanceResponse", pathFields: ["address"], queryFields: ["denom"] },
  { path: "/cosmos/bank/v1beta1/spendable_balances/{address}", method: BANK + "SpendableBalances", request: bank.QuerySpendableBalancesRequest, response: bank.QuerySpendableBalancesResponse, responseName: "cosmos.bank.v1beta1.QuerySpendableBalancesResponse", pathFields: ["address"], paginated: true },
  { path: "/cosmos/bank/v1beta1/supply", method: BANK + "TotalSupply", request: bank.QueryTotalSupplyRequest, response: bank.QueryTotalSupplyResponse, responseName: "cosmos.bank.v1beta1.QueryTotalSupplyResponse", paginated: true },
  { path: "/cosmos/bank/v1beta1/supply/by_denom", method: BANK + "SupplyOf", request: bank.QuerySupplyOfRequest, response: bank.QuerySupplyOfResponse, responseName: "cosmos.bank.v1beta1.QuerySupplyOfResponse", queryFields: ["denom"] },
  { path: "/cosmos/bank/v1beta1/params", method: BANK + "Params", request: bank.QueryParamsRequest, response: bank.QueryParamsResponse, responseName: "cosmos.bank.v1beta1.QueryParamsResponse" },
  { path: "/cosmos/bank/v1beta1/denoms_metadata", method: BANK + "DenomsMetadata", request: bank.QueryDenomsMetadataRequest, response: bank.QueryDenomsMetadataResponse, responseName: "cosmos.bank.v1beta1.QueryDenomsMetadataResponse", paginated: true },
  { path: "/cosmos/bank/v1beta1/denoms_metadata/{denom=**}", method: BANK + "DenomMetadata", request: bank.QueryDenomMetadataRequest, response: bank.QueryDenomMetadataResponse, responseName: "cosmos.bank.v1beta1.QueryDenomMetadataResponse", pathFields: ["denom"] },
  { path: "/cosmos/bank/v1beta1/denoms_metadata_by_query_string", method: BANK + "DenomMetadata", request: bank.QueryDenomMetadataRequest, response: bank.QueryDenomMetadataResponse, responseName: "cosmos.bank.v1beta1.QueryDenomMetadataResponse", queryFields: ["denom"] },
  { path: "/cosmos/auth/v1beta1/accounts", method: AUTH + "Accounts", request: auth.QueryAccountsRequest, response: auth.QueryAccountsResponse, responseName: "cosmos.auth.v1beta1.QueryAccountsResponse", paginated: true },
  { path: "/cosmos/auth/v1beta1/accounts/{address}", method: AUTH + "Account", request: auth.QueryAccountRequest, response: auth.QueryAccountResponse, responseName: "cosmos.auth.v1beta1.QueryAccountResponse", pathFields: ["address"] },
  { path: "/cosmos/auth/v1beta1/account_info/{address}", method: AUTH + "AccountInfo", request: auth.QueryAccountInfoRequest, response: auth.QueryAccountInfoResponse, responseName: "cosmos.auth.v1beta1.QueryAccountInfoResponse", pathFields: ["address"] },
  { path: "/cosmos/auth/v1beta1/params", method: AUTH + "Params", request: auth.QueryParamsRequest, response: auth.QueryParamsResponse, responseName: "cosmos.auth.v1beta1.QueryParamsResponse" },
  { path: "/cosmos/circuit/v1/disable_list", method: CIRCUIT + "DisabledList", request: circuit.QueryDisabledListRequest, response: circuit.DisabledListResponse, responseName: "cosmos.circuit.v1.DisabledListResponse" },
  { path: "/agora/roles/v1/roles/{role}/holders", method: ROLES + "RoleHolders", request: roles.QueryRoleHoldersRequest, response: roles.QueryRoleHoldersResponse, responseName: "agora.roles.v1.QueryRoleHoldersResponse", pathFields: ["role"], paginated: true },
  { path: "/agora/roles/v1/roles/{role}/holders/{address}", method: ROLES + "HasRole", request: roles.QueryHasRoleRequest, response: roles.QueryHasRoleResponse, responseName: "agora.roles.v1.QueryHasRoleResponse", pathFields: ["role", "address"] },
  { path: "/agora/roles/v1/roles/{role}/admin", method: ROLES + "RoleAdmin", request: roles.QueryRoleAdminRequest, response: roles.QueryRoleAdminResponse, responseName: "agora.roles.v1.QueryRoleAdminResponse", pathFields: ["role"] },
  { path: "/agora/roles/v1/addresses/{address}/roles", method: ROLES + "RolesOf", request: roles.QueryRolesOfRequest, response: roles.QueryRolesOfResponse, responseName: "agora.roles.v1.QueryRolesOfResponse", pathFields: ["address"] },
];

/** The gateway routes of every Query method `base` registers. */
export function queryRoutes(base: BaseApp, resolve: AnyResolver, query: QueryFn = queryThrough(base)): RestRoute[] {
  return GATEWAY_ROUTES.filter((route) => base.queryRouter.has(route.method)).map((route) => toRestRoute(query, resolve, route));
}

function toRestRoute(query: QueryFn, resolve: AnyResolver, route: QueryGatewayRoute): RestRoute {
  const params: RestParam[] = [
    ...(route.pathFields ?? []).map((name): RestParam => ({ name, in: "path", type: "string", required: true })),
    ...(route.queryFields ?? []).map((name): RestParam => ({ name, in: "query", type: "string" })),
    ...(route.paginated ? PAGINATION_PARAMS : []),
  ];
  return {
    method: "GET",
    path: route.path,
    operation: route.method.slice(1).replace("/", "."),
    params,
    response: route.responseName,
    async handle(request) {
      const fields: Record<string, unknown> = {};
      for (const name of route.pathFields ?? []) fields[name] = pathParam(request, name);
      for (const name of route.queryFields ?? []) fields[name] = queryValue(request, name) ?? "";
      if (route.paginated) fields["pagination"] = pageRequest(request);
      const data = route.request.encode(route.request.fromPartial(fields as never) as never).finish();
      const answer = await query({ path: route.method, data, height: blockHeight(request) });
      if (answer.code !== 0) throw fromAbciError(answer.codespace, answer.code, answer.log);
      return { body: toGatewayJson(route.response.decode(answer.value), resolve), height: answer.height };
    },
  };
}
