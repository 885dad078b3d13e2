/** The cosmos.staking.v1beta1 Query service over the staking keeper. */
import { bondStatusFromJSON, type Delegation, type Redelegation, type Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import * as q from "cosmjs-types/cosmos/staking/v1beta1/query";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import type { StoreSource } from "../../sdk/collections/collections.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { paginate } from "../../sdk/types/pagination.js";
import { ErrInvalidRequest, ErrNotFound } from "../../sdk/types/sdk-errors.js";
import { decFromWire, decTruncate } from "../../sdk/types/dec.js";
import { fromValoper, type StakingKeeper } from "./keeper.js";
import { tokensFromShares } from "./shares.js";
import { BONDED_POOL, NOT_BONDED_POOL } from "./types.js";

const service = "/cosmos.staking.v1beta1.Query/";

function requireAddress(address: string, what: string): void {
  if (address === "") throw ErrInvalidRequest.wrap(`${what} address cannot be empty`);
}

function validatorOrNotFound(ctx: StoreSource, keeper: StakingKeeper, address: string): Validator {
  requireAddress(address, "validator");
  const v = keeper.getValidator(ctx, fromValoper(address));
  if (!v) throw ErrNotFound.wrap(`validator ${address} not found`);
  return v;
}

/** A delegation with what its shares are worth now. */
export function delegationResponse(ctx: StoreSource, keeper: StakingKeeper, d: Delegation) {
  const v = keeper.mustGetValidator(ctx, fromValoper(d.validatorAddress));
  return { delegation: d, balance: { denom: keeper.bondDenom(ctx), amount: decTruncate(tokensFromShares(v, decFromWire(d.shares))).toString() } };
}

function redelegationResponse(ctx: StoreSource, keeper: StakingKeeper, r: Redelegation) {
  const dst = keeper.getValidator(ctx, fromValoper(r.validatorDstAddress));
  return {
    redelegation: r,
    entries: r.entries.map((e) => ({ redelegationEntry: e, balance: dst ? decTruncate(tokensFromShares(dst, decFromWire(e.sharesDst))).toString() : "0" })),
  };
}

export function registerStakingQueries(router: QueryRouter, keeper: StakingKeeper): void {
  router.register({
    path: service + "Validators",
    requestType: q.QueryValidatorsRequest,
    responseType: q.QueryValidatorsResponse,
    handle(ctx, req) {
      const status = req.status === "" ? undefined : bondStatusFromJSON(req.status);
      if (status !== undefined && (status < 1 || status > 3)) throw ErrInvalidRequest.wrap(`invalid validator status ${req.status}: give BOND_STATUS_BONDED, BOND_STATUS_UNBONDING or BOND_STATUS_UNBONDED`);
      const all = [...keeper.validators.entries(ctx)].map(([, v]) => v).filter((v) => status === undefined || v.status === status);
      const { items, pagination } = paginate(all, req.pagination);
      return { validators: items, pagination };
    },
  });
  router.register({
    path: service + "Validator",
    requestType: q.QueryValidatorRequest,
    responseType: q.QueryValidatorResponse,
    handle: (ctx, req) => ({ validator: validatorOrNotFound(ctx, keeper, req.validatorAddr) }),
  });
  router.register({
    path: service + "ValidatorDelegations",
    requestType: q.QueryValidatorDelegationsRequest,
    responseType: q.QueryValidatorDelegationsResponse,
    handle(ctx, req) {
      const v = validatorOrNotFound(ctx, keeper, req.validatorAddr);
      const { items, pagination } = paginate([...keeper.validatorDelegations(ctx, fromValoper(v.operatorAddress))], req.pagination);
      return { delegationResponses: items.map((d) => delegationResponse(ctx, keeper, d)), pagination };
    },
  });
  router.register({
    path: service + "ValidatorUnbondingDelegations",
    requestType: q.QueryValidatorUnbondingDelegationsRequest,
    responseType: q.QueryValidatorUnbondingDelegationsResponse,
    handle(ctx, req) {
      requireAddress(req.validatorAddr, "validator");
      const { items, pagination } = paginate([...keeper.validatorUnbondings(ctx, fromValoper(req.validatorAddr))], req.pagination);
      return { unbondingResponses: items, pagination };
    },
  });
  router.register({
    path: service + "Delegation",
    requestType: q.QueryDelegationRequest,
    responseType: q.QueryDelegationResponse,
    handle(ctx, req) {
      requireAddress(req.delegatorAddr, "delegator");
      requireAddress(req.validatorAddr, "validator");
      const d = keeper.getDelegation(ctx, fromAccAddress(req.delegatorAddr), fromValoper(req.validatorAddr));
      if (!d) throw ErrNotFound.wrap(`delegation with delegator ${req.delegatorAddr} not found for validator ${req.validatorAddr}`);
      return { delegationResponse: delegationResponse(ctx, keeper, d) };
    },
  });
  router.register({
    path: service + "UnbondingDelegation",
    requestType: q.QueryUnbondingDelegationRequest,
    responseType: q.QueryUnbondingDelegationResponse,
    handle(ctx, req) {
      requireAddress(req.delegatorAddr, "delegator");
      requireAddress(req.validatorAddr, "validator");
      const unbond = keeper.unbondingDelegations.get(ctx, [fromAccAddress(req.delegatorAddr), fromValoper(req.validatorAddr)]);
      if (!unbond) throw ErrNotFound.wrap(`unbonding delegation with delegator ${req.delegatorAddr} not found for validator ${req.validatorAddr}`);
      return { unbond };
    },
  });
  router.register({
    path: service + "DelegatorDelegations",
    requestType: q.QueryDelegatorDelegationsRequest,
    responseType: q.QueryDelegatorDelegationsResponse,
    handle(ctx, req) {
      requireAddress(req.delegatorAddr, "delegator");
      const { items, pagination } = paginate([...keeper.delegatorDelegations(ctx, fromAccAddress(req.delegatorAddr))], req.pagination);
      return { delegationResponses: items.map((d) => delegationResponse(ctx, keeper, d)), pagination };
    },
  });
  router.register({
    path: service + "DelegatorUnbondingDelegations",
    requestType: q.QueryDelegatorUnbondingDelegationsRequest,
    responseType: q.QueryDelegatorUnbondingDelegationsResponse,
    handle(ctx, req) {
      requireAddress(req.delegatorAddr, "delegator");
      const { items, pagination } = paginate([...keeper.delegatorUnbondings(ctx, fromAccAddress(req.delegatorAddr))], req.pagination);
      return { unbondingResponses: items, pagination };
    },
  });
  router.register({
    path: service + "Redelegations",
    requestType: q.QueryRedelegationsRequest,
    responseType: q.QueryRedelegationsResponse,
    handle(ctx, req) {
      const matches = (r: Redelegation) =>
        (req.delegatorAddr === "" || r.delegatorAddress === req.delegatorAddr) &&
        (req.srcValidatorAddr === "" || r.validatorSrcAddress === req.srcValidatorAddr) &&
        (req.dstValidatorAddr === "" || r.validatorDstAddress === req.dstValidatorAddr);
      if (req.delegatorAddr !== "") fromAccAddress(req.delegatorAddr);
      const all = [...keeper.redelegations.entries(ctx)].map(([, r]) => r).filter(matches);
      if (req.delegatorAddr !== "" && req.srcValidatorAddr !== "" && req.dstValidatorAddr !== "" && all.length === 0) {
        throw ErrNotFound.wrap(`redelegation not found for delegator address ${req.delegatorAddr} from validator address ${req.srcValidatorAddr}`);
      }
      const { items, pagination } = paginate(all, req.pagination);
      return { redelegationResponses: items.map((r) => redelegationResponse(ctx, keeper, r)), pagination };
    },
  });
  router.register({
    path: service + "DelegatorValidators",
    requestType: q.QueryDelegatorValidatorsRequest,
    responseType: q.QueryDelegatorValidatorsResponse,
    handle(ctx, req) {
      requireAddress(req.delegatorAddr, "delegator");
      const delegations = [...keeper.delegatorDelegations(ctx, fromAccAddress(req.delegatorAddr))];
      const { items, pagination } = paginate(delegations, req.pagination);
      return { validators: items.map((d) => keeper.mustGetValidator(ctx, fromValoper(d.validatorAddress))), pagination };
    },
  });
  router.register({
    path: service + "DelegatorValidator",
    requestType: q.QueryDelegatorValidatorRequest,
    responseType: q.QueryDelegatorValidatorResponse,
    handle(ctx, req) {
      requireAddress(req.delegatorAddr, "delegator");
      const v = validatorOrNotFound(ctx, keeper, req.validatorAddr);
      if (!keeper.getDelegation(ctx, fromAccAddress(req.delegatorAddr), fromValoper(v.operatorAddress))) {
        throw ErrNotFound.wrap(`delegation with delegator ${req.delegatorAddr} not found for validator ${req.validatorAddr}`);
      }
      return { validator: v };
    },
  });
  router.register({
    path: service + "Pool",
    requestType: q.QueryPoolRequest,
    responseType: q.QueryPoolResponse,
    handle: (ctx) => ({ pool: { notBondedTokens: keeper.poolBalance(ctx, NOT_BONDED_POOL).toString(), bondedTokens: keeper.poolBalance(ctx, BONDED_POOL).toString() } }),
  });
  router.register({
    path: service + "Params",
    requestType: q.QueryParamsRequest,
    responseType: q.QueryParamsResponse,
    handle: (ctx) => ({ params: keeper.getParams(ctx) }),
  });
}
