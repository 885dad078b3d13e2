/**
 * The grpc-gateway paths of the Query services (as annotated in the Cosmos SDK's query.proto
 * files), each answered by the gRPC method the node serves, so REST reads exactly what ABCI and
 * gRPC read. Only the paths whose Query method the app registers are served.
 */
import * as auth from "cosmjs-types/cosmos/auth/v1beta1/query";
import * as bank from "cosmjs-types/cosmos/bank/v1beta1/query";
import * as upgrade from "cosmjs-types/cosmos/upgrade/v1beta1/query";
import type { MethodTable } from "../grpc/unary-methods.js";
import { gatewayRoutes, type GatewayRoute } from "./gateway.js";
import type { AnyResolver } from "./proto-json.js";
import { queryValue } from "./params.js";
import type { RestRoute } from "./route.js";

const BANK = "/cosmos.bank.v1beta1.Query/";
const AUTH = "/cosmos.auth.v1beta1.Query/";
const UPGRADE = "/cosmos.upgrade.v1beta1.Query/";

const GATEWAY_ROUTES: GatewayRoute[] = [
  { path: "/cosmos/bank/v1beta1/balances/{address}", grpc: BANK + "AllBalances", request: bank.QueryAllBalancesRequest, response: bank.QueryAllBalancesResponse, pathFields: ["address"], paginated: true },
  { path: "/cosmos/bank/v1beta1/balances/{address}/by_denom", grpc: BANK + "Balance", request: bank.QueryBalanceRequest, response: bank.QueryBalanceResponse, pathFields: ["address"], queryFields: ["denom"] },
  { path: "/cosmos/bank/v1beta1/spendable_balances/{address}", grpc: BANK + "SpendableBalances", request: bank.QuerySpendableBalancesRequest, response: bank.QuerySpendableBalancesResponse, pathFields: ["address"], paginated: true },
  { path: "/cosmos/bank/v1beta1/supply", grpc: BANK + "TotalSupply", request: bank.QueryTotalSupplyRequest, response: bank.QueryTotalSupplyResponse, paginated: true },
  { path: "/cosmos/bank/v1beta1/supply/by_denom", grpc: BANK + "SupplyOf", request: bank.QuerySupplyOfRequest, response: bank.QuerySupplyOfResponse, queryFields: ["denom"] },
  { path: "/cosmos/bank/v1beta1/params", grpc: BANK + "Params", request: bank.QueryParamsRequest, response: bank.QueryParamsResponse },
  { path: "/cosmos/bank/v1beta1/denoms_metadata", grpc: BANK + "DenomsMetadata", request: bank.QueryDenomsMetadataRequest, response: bank.QueryDenomsMetadataResponse, paginated: true },
  { path: "/cosmos/bank/v1beta1/denoms_metadata/{denom=**}", grpc: BANK + "DenomMetadata", request: bank.QueryDenomMetadataRequest, response: bank.QueryDenomMetadataResponse, pathFields: ["denom"] },
  { path: "/cosmos/bank/v1beta1/denoms_metadata_by_query_string", grpc: BANK + "DenomMetadata", request: bank.QueryDenomMetadataRequest, response: bank.QueryDenomMetadataResponse, queryFields: ["denom"] },
  { path: "/cosmos/auth/v1beta1/accounts", grpc: AUTH + "Accounts", request: auth.QueryAccountsRequest, response: auth.QueryAccountsResponse, paginated: true },
  { path: "/cosmos/auth/v1beta1/accounts/{address}", grpc: AUTH + "Account", request: auth.QueryAccountRequest, response: auth.QueryAccountResponse, pathFields: ["address"] },
  { path: "/cosmos/auth/v1beta1/account_info/{address}", grpc: AUTH + "AccountInfo", request: auth.QueryAccountInfoRequest, response: auth.QueryAccountInfoResponse, pathFields: ["address"] },
  { path: "/cosmos/auth/v1beta1/params", grpc: AUTH + "Params", request: auth.QueryParamsRequest, response: auth.QueryParamsResponse },
  { path: "/cosmos/upgrade/v1beta1/current_plan", grpc: UPGRADE + "CurrentPlan", request: upgrade.QueryCurrentPlanRequest, response: upgrade.QueryCurrentPlanResponse },
  { path: "/cosmos/upgrade/v1beta1/applied_plan/{name}", grpc: UPGRADE + "AppliedPlan", request: upgrade.QueryAppliedPlanRequest, response: upgrade.QueryAppliedPlanResponse, pathFields: ["name"] },
  { path: "/cosmos/upgrade/v1beta1/module_versions", grpc: UPGRADE + "ModuleVersions", request: upgrade.QueryModuleVersionsRequest, response: upgrade.QueryModuleVersionsResponse,
    toRequest: (request) => ({ moduleName: queryValue(request, "module_name") ?? "" }), params: [{ name: "module_name", in: "query", type: "string" }] },
  { path: "/cosmos/upgrade/v1beta1/authority", grpc: UPGRADE + "Authority", request: upgrade.QueryAuthorityRequest, response: upgrade.QueryAuthorityResponse },
];

/** The gateway routes of the Query methods `methods` serves. */
export function queryRoutes(methods: MethodTable, resolve: AnyResolver): RestRoute[] {
  return gatewayRoutes(methods, resolve, GATEWAY_ROUTES);
}
