/**
 * The grpc-gateway paths of the Query services (as annotated in the Cosmos SDK's query.proto
 * files), each answered by the gRPC method the node serves, so REST reads exactly what ABCI and
 * gRPC read. Only the paths whose Query method the app registers are served.
 */
import * as auth from "cosmjs-types/cosmos/auth/v1beta1/query";
import * as bank from "cosmjs-types/cosmos/bank/v1beta1/query";
import * as circuit from "cosmjs-types/cosmos/circuit/v1/query";
import * as evidence from "cosmjs-types/cosmos/evidence/v1beta1/query";
import * as distribution from "cosmjs-types/cosmos/distribution/v1beta1/query";
import { proposalStatusFromJSON } from "cosmjs-types/cosmos/gov/v1/gov";
import * as gov from "cosmjs-types/cosmos/gov/v1/query";
import * as slashing from "cosmjs-types/cosmos/slashing/v1beta1/query";
import * as staking from "cosmjs-types/cosmos/staking/v1beta1/query";
import * as upgrade from "cosmjs-types/cosmos/upgrade/v1beta1/query";
import * as roles from "../../../generated/proto/agora/roles/v1/query.js";
import { typedMessage } from "../../codec/registry.js";
import { COMMERCE_ROUTES } from "./commerce-routes.js";
import type { MethodTable } from "../grpc/unary-methods.js";
import { invalidArgument } from "../status.js";
import { gatewayRoutes, type GatewayRoute } from "./gateway.js";
import { pageRequest, PAGINATION_PARAMS, queryValue } from "./params.js";
import type { AnyResolver } from "./proto-json.js";
import type { RestRoute } from "./route.js";
import { SOCIAL_GATEWAY_ROUTES } from "./social-routes.js";

const BANK = "/cosmos.bank.v1beta1.Query/";
const AUTH = "/cosmos.auth.v1beta1.Query/";
const CIRCUIT = "/cosmos.circuit.v1.Query/";
const DISTRIBUTION = "/cosmos.distribution.v1beta1.Query/";
const DISTRIBUTION_VALIDATOR = "/cosmos/distribution/v1beta1/validators/{validator_address}";
const DISTRIBUTION_DELEGATOR = "/cosmos/distribution/v1beta1/delegators/{delegator_address}";
const GOV = "/cosmos.gov.v1.Query/";
const PROPOSAL = "/cosmos/gov/v1/proposals/{proposal_id}";
const ROLES = "/agora.roles.v1.Query/";
const STAKING = "/cosmos.staking.v1beta1.Query/";
const VALIDATOR = "/cosmos/staking/v1beta1/validators/{validator_addr}";
const DELEGATOR = "/cosmos/staking/v1beta1/delegators/{delegator_addr}";
const role = <T>(name: string, codec: Parameters<typeof typedMessage<T>>[1]) => typedMessage<T>(`/agora.roles.v1.${name}`, codec);
const UPGRADE = "/cosmos.upgrade.v1beta1.Query/";
const SLASHING = "/cosmos.slashing.v1beta1.Query/";
const EVIDENCE = "/cosmos.evidence.v1beta1.Query/";

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
  { path: "/cosmos/gov/v1/constitution", grpc: GOV + "Constitution", request: gov.QueryConstitutionRequest, response: gov.QueryConstitutionResponse },
  {
    path: "/cosmos/gov/v1/proposals",
    grpc: GOV + "Proposals",
    request: gov.QueryProposalsRequest,
    response: gov.QueryProposalsResponse,
    params: [
      { name: "proposal_status", in: "query", type: "string" },
      { name: "voter", in: "query", type: "string" },
      { name: "depositor", in: "query", type: "string" },
      ...PAGINATION_PARAMS,
    ],
    toRequest: (request) => ({
      proposalStatus: proposalStatus(queryValue(request, "proposal_status") ?? ""),
      voter: queryValue(request, "voter") ?? "",
      depositor: queryValue(request, "depositor") ?? "",
      pagination: pageRequest(request),
    }),
  },
  { path: PROPOSAL, grpc: GOV + "Proposal", request: gov.QueryProposalRequest, response: gov.QueryProposalResponse, pathFields: ["proposal_id"], uint64Fields: ["proposal_id"] },
  { path: `${PROPOSAL}/votes`, grpc: GOV + "Votes", request: gov.QueryVotesRequest, response: gov.QueryVotesResponse, pathFields: ["proposal_id"], uint64Fields: ["proposal_id"], paginated: true },
  { path: `${PROPOSAL}/votes/{voter}`, grpc: GOV + "Vote", request: gov.QueryVoteRequest, response: gov.QueryVoteResponse, pathFields: ["proposal_id", "voter"], uint64Fields: ["proposal_id"] },
  { path: `${PROPOSAL}/deposits`, grpc: GOV + "Deposits", request: gov.QueryDepositsRequest, response: gov.QueryDepositsResponse, pathFields: ["proposal_id"], uint64Fields: ["proposal_id"], paginated: true },
  { path: `${PROPOSAL}/deposits/{depositor}`, grpc: GOV + "Deposit", request: gov.QueryDepositRequest, response: gov.QueryDepositResponse, pathFields: ["proposal_id", "depositor"], uint64Fields: ["proposal_id"] },
  { path: `${PROPOSAL}/tally`, grpc: GOV + "TallyResult", request: gov.QueryTallyResultRequest, response: gov.QueryTallyResultResponse, pathFields: ["proposal_id"], uint64Fields: ["proposal_id"] },
  { path: "/cosmos/gov/v1/params/{params_type}", grpc: GOV + "Params", request: gov.QueryParamsRequest, response: gov.QueryParamsResponse, pathFields: ["params_type"] },
  { path: "/cosmos/staking/v1beta1/validators", grpc: STAKING + "Validators", request: staking.QueryValidatorsRequest, response: staking.QueryValidatorsResponse, queryFields: ["status"], paginated: true },
  { path: VALIDATOR, grpc: STAKING + "Validator", request: staking.QueryValidatorRequest, response: staking.QueryValidatorResponse, pathFields: ["validator_addr"] },
  { path: `${VALIDATOR}/delegations`, grpc: STAKING + "ValidatorDelegations", request: staking.QueryValidatorDelegationsRequest, response: staking.QueryValidatorDelegationsResponse, pathFields: ["validator_addr"], paginated: true },
  { path: `${VALIDATOR}/delegations/{delegator_addr}`, grpc: STAKING + "Delegation", request: staking.QueryDelegationRequest, response: staking.QueryDelegationResponse, pathFields: ["validator_addr", "delegator_addr"] },
  {
    path: `${VALIDATOR}/delegations/{delegator_addr}/unbonding_delegation`,
    grpc: STAKING + "UnbondingDelegation",
    request: staking.QueryUnbondingDelegationRequest,
    response: staking.QueryUnbondingDelegationResponse,
    pathFields: ["validator_addr", "delegator_addr"],
  },
  { path: `${VALIDATOR}/unbonding_delegations`, grpc: STAKING + "ValidatorUnbondingDelegations", request: staking.QueryValidatorUnbondingDelegationsRequest, response: staking.QueryValidatorUnbondingDelegationsResponse, pathFields: ["validator_addr"], paginated: true },
  { path: "/cosmos/staking/v1beta1/delegations/{delegator_addr}", grpc: STAKING + "DelegatorDelegations", request: staking.QueryDelegatorDelegationsRequest, response: staking.QueryDelegatorDelegationsResponse, pathFields: ["delegator_addr"], paginated: true },
  { path: `${DELEGATOR}/unbonding_delegations`, grpc: STAKING + "DelegatorUnbondingDelegations", request: staking.QueryDelegatorUnbondingDelegationsRequest, response: staking.QueryDelegatorUnbondingDelegationsResponse, pathFields: ["delegator_addr"], paginated: true },
  {
    path: `${DELEGATOR}/redelegations`,
    grpc: STAKING + "Redelegations",
    request: staking.QueryRedelegationsRequest,
    response: staking.QueryRedelegationsResponse,
    pathFields: ["delegator_addr"],
    queryFields: ["src_validator_addr", "dst_validator_addr"],
    paginated: true,
  },
  { path: `${DELEGATOR}/validators`, grpc: STAKING + "DelegatorValidators", request: staking.QueryDelegatorValidatorsRequest, response: staking.QueryDelegatorValidatorsResponse, pathFields: ["delegator_addr"], paginated: true },
  { path: `${DELEGATOR}/validators/{validator_addr}`, grpc: STAKING + "DelegatorValidator", request: staking.QueryDelegatorValidatorRequest, response: staking.QueryDelegatorValidatorResponse, pathFields: ["delegator_addr", "validator_addr"] },
  { path: "/cosmos/staking/v1beta1/pool", grpc: STAKING + "Pool", request: staking.QueryPoolRequest, response: staking.QueryPoolResponse },
  { path: "/cosmos/staking/v1beta1/params", grpc: STAKING + "Params", request: staking.QueryParamsRequest, response: staking.QueryParamsResponse },
  { path: "/cosmos/slashing/v1beta1/params", grpc: SLASHING + "Params", request: slashing.QueryParamsRequest, response: slashing.QueryParamsResponse },
  { path: "/cosmos/slashing/v1beta1/signing_infos", grpc: SLASHING + "SigningInfos", request: slashing.QuerySigningInfosRequest, response: slashing.QuerySigningInfosResponse, paginated: true },
  { path: "/cosmos/slashing/v1beta1/signing_infos/{cons_address}", grpc: SLASHING + "SigningInfo", request: slashing.QuerySigningInfoRequest, response: slashing.QuerySigningInfoResponse, pathFields: ["cons_address"] },
  { path: "/cosmos/evidence/v1beta1/evidence", grpc: EVIDENCE + "AllEvidence", request: evidence.QueryAllEvidenceRequest, response: evidence.QueryAllEvidenceResponse, paginated: true },
  { path: "/cosmos/evidence/v1beta1/evidence/{hash}", grpc: EVIDENCE + "Evidence", request: evidence.QueryEvidenceRequest, response: evidence.QueryEvidenceResponse, pathFields: ["hash"] },
  { path: "/cosmos/distribution/v1beta1/params", grpc: DISTRIBUTION + "Params", request: distribution.QueryParamsRequest, response: distribution.QueryParamsResponse },
  { path: DISTRIBUTION_VALIDATOR, grpc: DISTRIBUTION + "ValidatorDistributionInfo", request: distribution.QueryValidatorDistributionInfoRequest, response: distribution.QueryValidatorDistributionInfoResponse, pathFields: ["validator_address"] },
  {
    path: `${DISTRIBUTION_VALIDATOR}/outstanding_rewards`,
    grpc: DISTRIBUTION + "ValidatorOutstandingRewards",
    request: distribution.QueryValidatorOutstandingRewardsRequest,
    response: distribution.QueryValidatorOutstandingRewardsResponse,
    pathFields: ["validator_address"],
  },
  { path: `${DISTRIBUTION_VALIDATOR}/commission`, grpc: DISTRIBUTION + "ValidatorCommission", request: distribution.QueryValidatorCommissionRequest, response: distribution.QueryValidatorCommissionResponse, pathFields: ["validator_address"] },
  {
    path: `${DISTRIBUTION_VALIDATOR}/slashes`,
    grpc: DISTRIBUTION + "ValidatorSlashes",
    request: distribution.QueryValidatorSlashesRequest,
    response: distribution.QueryValidatorSlashesResponse,
    pathFields: ["validator_address"],
    queryFields: ["starting_height", "ending_height"],
    uint64Fields: ["starting_height", "ending_height"],
    paginated: true,
  },
  {
    path: `${DISTRIBUTION_DELEGATOR}/rewards/{validator_address}`,
    grpc: DISTRIBUTION + "DelegationRewards",
    request: distribution.QueryDelegationRewardsRequest,
    response: distribution.QueryDelegationRewardsResponse,
    pathFields: ["delegator_address", "validator_address"],
  },
  { path: `${DISTRIBUTION_DELEGATOR}/rewards`, grpc: DISTRIBUTION + "DelegationTotalRewards", request: distribution.QueryDelegationTotalRewardsRequest, response: distribution.QueryDelegationTotalRewardsResponse, pathFields: ["delegator_address"] },
  { path: `${DISTRIBUTION_DELEGATOR}/validators`, grpc: DISTRIBUTION + "DelegatorValidators", request: distribution.QueryDelegatorValidatorsRequest, response: distribution.QueryDelegatorValidatorsResponse, pathFields: ["delegator_address"] },
  {
    path: `${DISTRIBUTION_DELEGATOR}/withdraw_address`,
    grpc: DISTRIBUTION + "DelegatorWithdrawAddress",
    request: distribution.QueryDelegatorWithdrawAddressRequest,
    response: distribution.QueryDelegatorWithdrawAddressResponse,
    pathFields: ["delegator_address"],
  },
  { path: "/cosmos/distribution/v1beta1/community_pool", grpc: DISTRIBUTION + "CommunityPool", request: distribution.QueryCommunityPoolRequest, response: distribution.QueryCommunityPoolResponse },
  { path: "/cosmos/circuit/v1/disable_list", grpc: CIRCUIT + "DisabledList", request: circuit.QueryDisabledListRequest, response: circuit.DisabledListResponse },
  { path: "/agora/roles/v1/roles/{role}/holders", grpc: ROLES + "RoleHolders", request: role("QueryRoleHoldersRequest", roles.QueryRoleHoldersRequest), response: role("QueryRoleHoldersResponse", roles.QueryRoleHoldersResponse), pathFields: ["role"], paginated: true },
  { path: "/agora/roles/v1/roles/{role}/holders/{address}", grpc: ROLES + "HasRole", request: role("QueryHasRoleRequest", roles.QueryHasRoleRequest), response: role("QueryHasRoleResponse", roles.QueryHasRoleResponse), pathFields: ["role", "address"] },
  { path: "/agora/roles/v1/roles/{role}/admin", grpc: ROLES + "RoleAdmin", request: role("QueryRoleAdminRequest", roles.QueryRoleAdminRequest), response: role("QueryRoleAdminResponse", roles.QueryRoleAdminResponse), pathFields: ["role"] },
  { path: "/agora/roles/v1/addresses/{address}/roles", grpc: ROLES + "RolesOf", request: role("QueryRolesOfRequest", roles.QueryRolesOfRequest), response: role("QueryRolesOfResponse", roles.QueryRolesOfResponse), pathFields: ["address"] },
  { path: "/cosmos/upgrade/v1beta1/current_plan", grpc: UPGRADE + "CurrentPlan", request: upgrade.QueryCurrentPlanRequest, response: upgrade.QueryCurrentPlanResponse },
  { path: "/cosmos/upgrade/v1beta1/applied_plan/{name}", grpc: UPGRADE + "AppliedPlan", request: upgrade.QueryAppliedPlanRequest, response: upgrade.QueryAppliedPlanResponse, pathFields: ["name"] },
  { path: "/cosmos/upgrade/v1beta1/module_versions", grpc: UPGRADE + "ModuleVersions", request: upgrade.QueryModuleVersionsRequest, response: upgrade.QueryModuleVersionsResponse, queryFields: ["module_name"] },
  { path: "/cosmos/upgrade/v1beta1/authority", grpc: UPGRADE + "Authority", request: upgrade.QueryAuthorityRequest, response: upgrade.QueryAuthorityResponse },
  ...COMMERCE_ROUTES,
  ...SOCIAL_GATEWAY_ROUTES,
];

/** A proposal status by name (PROPOSAL_STATUS_PASSED) or number, as jsonpb reads an enum. */
function proposalStatus(text: string): number {
  if (text === "") return 0;
  const status = /^\d+$/.test(text) ? Number(text) : proposalStatusFromJSON(text);
  if (status < 0 || status > 5) throw invalidArgument(`proposal_status must be a ProposalStatus such as PROPOSAL_STATUS_VOTING_PERIOD, got "${text}"`);
  return status;
}

/** The gateway routes of the Query methods `methods` serves. */
export function queryRoutes(methods: MethodTable, resolve: AnyResolver): RestRoute[] {
  return gatewayRoutes(methods, resolve, GATEWAY_ROUTES);
}
