/** The cosmos.distribution.v1beta1 Msg service: thin handlers that check, call the keeper and emit events. */
import { requireAuthority } from "../../sdk/types/authority.js";
import * as tx from "cosmjs-types/cosmos/distribution/v1beta1/tx";
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import { Coins } from "../../sdk/types/coins.js";
import { ErrUnauthorized } from "../../sdk/types/sdk-errors.js";
import { fromValoper } from "../staking/keeper.js";
import { allocateTokensToValidator } from "./allocation.js";
import { DecCoins } from "./dec-coins.js";
import type { DistributionKeeper } from "./keeper.js";
import { validateParams } from "./params.js";
import { initializeDelegation, withdrawDelegationRewards, withdrawValidatorCommission } from "./rewards.js";
import {
  DISTRIBUTION_ACCOUNT,
  DISTRIBUTION_MODULE,
  ErrBadDistribution,
  ErrEmptyDelegationDistInfo,
  ErrNoValidatorDistInfo,
  ErrNoValidatorExists,
  ErrSetWithdrawAddrDisabled,
  EVENTS,
} from "./types.js";

/** The account that operates a validator (same bytes as its agoravaloper address). */
function operatorAccount(validatorAddress: string): string {
  return toAccAddress(fromValoper(validatorAddress));
}

export function registerDistributionMsgs(router: MsgRouter, keeper: DistributionKeeper): void {
  const checkAuthority = (authority: string) => requireAuthority(keeper.authority, authority);

  router.register({
    module: DISTRIBUTION_MODULE,
    type: tx.MsgSetWithdrawAddress,
    responseType: tx.MsgSetWithdrawAddressResponse,
    signers: (msg) => [msg.delegatorAddress],
    validateBasic(msg) {
      fromAccAddress(msg.delegatorAddress);
      fromAccAddress(msg.withdrawAddress);
    },
    handle(ctx, msg) {
      const withdraw = fromAccAddress(msg.withdrawAddress);
      if (keeper.bank.isBlocked(withdraw)) throw ErrUnauthorized.wrap(`${msg.withdrawAddress} is not allowed to receive external funds`);
      if (!keeper.getParams(ctx).withdrawAddrEnabled) throw ErrSetWithdrawAddrDisabled.wrap("");
      keeper.withdrawAddresses.set(ctx, fromAccAddress(msg.delegatorAddress), withdraw);
      ctx.events.emit(EVENTS.setWithdrawAddress, { withdraw_address: msg.withdrawAddress });
      return {};
    },
  });

  router.register({
    module: DISTRIBUTION_MODULE,
    type: tx.MsgWithdrawDelegatorReward,
    responseType: tx.MsgWithdrawDelegatorRewardResponse,
    signers: (msg) => [msg.delegatorAddress],
    validateBasic(msg) {
      fromAccAddress(msg.delegatorAddress);
      fromValoper(msg.validatorAddress);
    },
    handle(ctx, msg) {
      const validator = fromValoper(msg.validatorAddress);
      const delegator = fromAccAddress(msg.delegatorAddress);
      const v = keeper.staking.getValidator(ctx, validator);
      if (!v) throw ErrNoValidatorDistInfo.wrap(`no validator ${msg.validatorAddress}`);
      const d = keeper.staking.getDelegation(ctx, delegator, validator);
      if (!d) throw ErrEmptyDelegationDistInfo.wrap(`${msg.delegatorAddress} has no delegation to ${msg.validatorAddress}`);
      const amount = withdrawDelegationRewards(ctx, keeper, v, d);
      initializeDelegation(ctx, keeper, delegator, validator);
      return { amount: amount.toProto() };
    },
  });

  router.register({
    module: DISTRIBUTION_MODULE,
    type: tx.MsgWithdrawValidatorCommission,
    responseType: tx.MsgWithdrawValidatorCommissionResponse,
    signers: (msg) => [operatorAccount(msg.validatorAddress)],
    validateBasic(msg) {
      fromValoper(msg.validatorAddress);
    },
    handle: (ctx, msg) => ({ amount: withdrawValidatorCommission(ctx, keeper, fromValoper(msg.validatorAddress)).toProto() }),
  });

  router.register({
    module: DISTRIBUTION_MODULE,
    type: tx.MsgFundCommunityPool,
    responseType: tx.MsgFundCommunityPoolResponse,
    signers: (msg) => [msg.depositor],
    validateBasic(msg) {
      fromAccAddress(msg.depositor);
      Coins.positive(msg.amount, "amount");
    },
    handle(ctx, msg) {
      keeper.fundCommunityPool(ctx, Coins.fromProto(msg.amount), fromAccAddress(msg.depositor));
      return {};
    },
  });

  router.register({
    module: DISTRIBUTION_MODULE,
    type: tx.MsgCommunityPoolSpend,
    responseType: tx.MsgCommunityPoolSpendResponse,
    signers: (msg) => [msg.authority],
    validateBasic(msg) {
      fromAccAddress(msg.authority);
      fromAccAddress(msg.recipient);
      Coins.positive(msg.amount, "amount");
    },
    handle(ctx, msg) {
      checkAuthority(msg.authority);
      const recipient = fromAccAddress(msg.recipient);
      if (keeper.bank.isBlocked(recipient)) throw ErrUnauthorized.wrap(`${msg.recipient} is not allowed to receive external funds`);
      const amount = Coins.fromProto(msg.amount);
      const pool = keeper.communityPool(ctx);
      const spent = DecCoins.fromCoins(amount);
      if (spent.isAnyGreaterThan(pool)) throw ErrBadDistribution.wrap(`the pool holds ${pool.toString() || "nothing"}, asked for ${amount.toString()}`);
      keeper.setCommunityPool(ctx, pool.sub(spent));
      keeper.bank.sendCoinsFromModuleToAccount(ctx, DISTRIBUTION_ACCOUNT, recipient, amount);
      ctx.logger.info({ amount: amount.toString(), recipient: msg.recipient }, "transferred from the community pool");
      return {};
    },
  });

  router.register({
    module: DISTRIBUTION_MODULE,
    type: tx.MsgUpdateParams,
    responseType: tx.MsgUpdateParamsResponse,
    signers: (msg) => [msg.authority],
    validateBasic(msg) {
      fromAccAddress(msg.authority);
      validateParams(msg.params);
    },
    handle(ctx, msg) {
      checkAuthority(msg.authority);
      keeper.params.set(ctx, msg.params);
      return {};
    },
  });

  router.register({
    module: DISTRIBUTION_MODULE,
    type: tx.MsgDepositValidatorRewardsPool,
    responseType: tx.MsgDepositValidatorRewardsPoolResponse,
    signers: (msg) => [msg.depositor],
    validateBasic(msg) {
      fromAccAddress(msg.depositor);
      fromValoper(msg.validatorAddress);
      Coins.positive(msg.amount, "amount");
    },
    handle(ctx, msg) {
      const v = keeper.staking.getValidator(ctx, fromValoper(msg.validatorAddress));
      if (!v) throw ErrNoValidatorExists.wrap(msg.validatorAddress);
      const amount = Coins.fromProto(msg.amount);
      keeper.bank.sendCoinsFromAccountToModule(ctx, fromAccAddress(msg.depositor), DISTRIBUTION_ACCOUNT, amount);
      allocateTokensToValidator(ctx, keeper, v, DecCoins.fromCoins(amount));
      return {};
    },
  });
}

