/**
 * The cosmos.distribution.v1beta1 Query service. Rewards are reckoned as a withdrawal would
 * (the validator's period ended), on a throwaway branch of the queried state.
 */
import * as q from "cosmjs-types/cosmos/distribution/v1beta1/query";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import { branch } from "../../sdk/store/multistore.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import type { Context } from "../../sdk/types/context.js";
import { paginate } from "../../sdk/types/pagination.js";
import { ErrInvalidRequest } from "../../sdk/types/sdk-errors.js";
import { fromValoper } from "../staking/keeper.js";
import { DecCoins } from "./dec-coins.js";
import type { DistributionKeeper } from "./keeper.js";
import { incrementValidatorPeriod } from "./periods.js";
import { calculateDelegationRewards } from "./rewards.js";
import { ErrNoDelegationExists, ErrNoValidatorExists } from "./types.js";

const service = "/cosmos.distribution.v1beta1.Query/";

function address(text: string, what: string): Uint8Array {
  if (text === "") throw ErrInvalidRequest.wrap(`empty ${what} address`);
  return what === "validator" ? fromValoper(text) : fromAccAddress(text);
}

/** The validator's operator bytes, or ErrNoValidatorExists naming it. */
function existingValidator(ctx: Context, keeper: DistributionKeeper, text: string): Uint8Array {
  const validator = address(text, "validator");
  if (!keeper.staking.getValidator(ctx, validator)) throw ErrNoValidatorExists.wrap(text);
  return validator;
}

/** What `delegator` would withdraw from `validator` now; throws when it has no delegation there. */
export function pendingRewards(ctx: Context, keeper: DistributionKeeper, delegator: Uint8Array, validator: Uint8Array): DecCoins {
  const scratch = ctx.withStore(branch(ctx.multiStore));
  const d = keeper.staking.getDelegation(scratch, delegator, validator);
  if (!d) throw ErrNoDelegationExists.wrap(`${toAccAddress(delegator)} has no delegation to ${toAccAddress(validator, "agoravaloper")}`);
  const endingPeriod = incrementValidatorPeriod(scratch, keeper, validator);
  return calculateDelegationRewards(scratch, keeper, keeper.staking.getValidator(scratch, validator)!, d, endingPeriod);
}

export function registerDistributionQueries(router: QueryRouter, keeper: DistributionKeeper): void {
  router.register({
    path: service + "Params",
    requestType: q.QueryParamsRequest,
    responseType: q.QueryParamsResponse,
    handle: (ctx) => ({ params: keeper.getParams(ctx) }),
  });
  router.register({
    path: service + "ValidatorDistributionInfo",
    requestType: q.QueryValidatorDistributionInfoRequest,
    responseType: q.QueryValidatorDistributionInfoResponse,
    handle(ctx, req) {
      const validator = existingValidator(ctx, keeper, req.validatorAddress);
      return {
        operatorAddress: toAccAddress(validator),
        selfBondRewards: pendingRewards(ctx, keeper, validator, validator).toProto(),
        commission: keeper.commission(ctx, validator).toProto(),
      };
    },
  });
  router.register({
    path: service + "ValidatorOutstandingRewards",
    requestType: q.QueryValidatorOutstandingRewardsRequest,
    responseType: q.QueryValidatorOutstandingRewardsResponse,
    handle: (ctx, req) => ({ rewards: { rewards: keeper.outstanding(ctx, existingValidator(ctx, keeper, req.validatorAddress)).toProto() } }),
  });
  router.register({
    path: service + "ValidatorCommission",
    requestType: q.QueryValidatorCommissionRequest,
    responseType: q.QueryValidatorCommissionResponse,
    handle: (ctx, req) => ({ commission: { commission: keeper.commission(ctx, existingValidator(ctx, keeper, req.validatorAddress)).toProto() } }),
  });
  router.register({
    path: service + "ValidatorSlashes",
    requestType: q.QueryValidatorSlashesRequest,
    responseType: q.QueryValidatorSlashesResponse,
    handle(ctx, req) {
      if (req.endingHeight < req.startingHeight) throw ErrInvalidRequest.wrap(`starting height ${req.startingHeight} is greater than ending height ${req.endingHeight}`);
      const validator = address(req.validatorAddress, "validator");
      const events = [...keeper.validatorSlashEvents(ctx, validator)].filter(([height]) => height >= req.startingHeight && height <= req.endingHeight).map(([, event]) => event);
      const { items, pagination } = paginate(events, req.pagination);
      return { slashes: items, pagination };
    },
  });
  router.register({
    path: service + "DelegationRewards",
    requestType: q.QueryDelegationRewardsRequest,
    responseType: q.QueryDelegationRewardsResponse,
    handle(ctx, req) {
      const validator = existingValidator(ctx, keeper, req.validatorAddress);
      return { rewards: pendingRewards(ctx, keeper, address(req.delegatorAddress, "delegator"), validator).toProto() };
    },
  });
  router.register({
    path: service + "DelegationTotalRewards",
    requestType: q.QueryDelegationTotalRewardsRequest,
    responseType: q.QueryDelegationTotalRewardsResponse,
    handle(ctx, req) {
      const delegator = address(req.delegatorAddress, "delegator");
      let total = DecCoins.EMPTY;
      const rewards = [...keeper.staking.delegatorDelegations(ctx, delegator)].map((d) => {
        const reward = pendingRewards(ctx, keeper, delegator, fromValoper(d.validatorAddress));
        total = total.add(reward);
        return { validatorAddress: d.validatorAddress, reward: reward.toProto() };
      });
      return { rewards, total: total.toProto() };
    },
  });
  router.register({
    path: service + "DelegatorValidators",
    requestType: q.QueryDelegatorValidatorsRequest,
    responseType: q.QueryDelegatorValidatorsResponse,
    handle: (ctx, req) => ({ validators: [...keeper.staking.delegatorDelegations(ctx, address(req.delegatorAddress, "delegator"))].map((d) => d.validatorAddress) }),
  });
  router.register({
    path: service + "DelegatorWithdrawAddress",
    requestType: q.QueryDelegatorWithdrawAddressRequest,
    responseType: q.QueryDelegatorWithdrawAddressResponse,
    handle: (ctx, req) => ({ withdrawAddress: toAccAddress(keeper.withdrawAddress(ctx, address(req.delegatorAddress, "delegator"))) }),
  });
  router.register({
    path: service + "CommunityPool",
    requestType: q.QueryCommunityPoolRequest,
    responseType: q.QueryCommunityPoolResponse,
    handle: (ctx) => ({ pool: keeper.communityPool(ctx).toProto() }),
  });
}
