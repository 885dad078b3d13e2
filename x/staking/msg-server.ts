/** The cosmos.staking.v1beta1 Msg service: thin handlers that check, call the keeper and emit events. */
import { requireAuthority } from "../../sdk/types/authority.js";
import { BondStatus, type Description, type Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import * as tx from "cosmjs-types/cosmos/staking/v1beta1/tx";
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import { parseAmount } from "../../sdk/types/coins.js";
import type { Context } from "../../sdk/types/context.js";
import { ErrInvalidCoins, ErrInvalidRequest } from "../../sdk/types/sdk-errors.js";
import { cancelUnbonding, delegate, redelegate, sharesForAmount, undelegate } from "./delegation.js";
import { decFromWire, decToWire } from "../../sdk/types/dec.js";
import { consAddressOf, ed25519Key, fromValoper, type StakingKeeper } from "./keeper.js";
import { validateParams } from "./params.js";
import { tokensOf } from "./shares.js";
import { blockTime, checkCommissionRates, checkDescription, newCommission } from "./validators.js";
import {
  ErrBadDenom,
  ErrCommissionLTMinRate,
  ErrMinSelfDelegationDecreased,
  ErrSelfDelegationBelowMinimum,
  ErrValidatorOwnerExists,
  ErrValidatorPubKeyExists,
  EVENTS,
  STAKING_MODULE,
} from "./types.js";

/** The SDK's sentinel for a description field an edit leaves unchanged. */
const DO_NOT_MODIFY = "[do-not-modify]";

/** The account that operates a validator (same bytes as its agoravaloper address). */
function operatorAccount(validatorAddress: string): string {
  return toAccAddress(fromValoper(validatorAddress));
}

function positiveAmount(coin: { denom: string; amount: string } | undefined, what: string): bigint {
  if (!coin) throw ErrInvalidCoins.wrap(`${what} is missing`);
  const amount = parseAmount(coin.amount);
  if (amount === 0n) throw ErrInvalidCoins.wrap(`${what} must be positive`);
  return amount;
}

function bondAmount(ctx: Context, keeper: StakingKeeper, coin: { denom: string; amount: string }, what: string): bigint {
  const denom = keeper.bondDenom(ctx);
  if (coin.denom !== denom) throw ErrBadDenom.wrap(`invalid coin denomination: got ${coin.denom}, expected ${denom}`);
  return positiveAmount(coin, what);
}

function positiveInt(text: string, what: string): bigint {
  const value = parseAmount(text);
  if (value === 0n) throw ErrInvalidRequest.wrap(`${what} must be positive`);
  return value;
}

function editedDescription(current: Description, edit: Description): Description {
  const pick = (field: keyof Description) => (edit[field] === DO_NOT_MODIFY ? current[field] : edit[field]);
  return { moniker: pick("moniker"), identity: pick("identity"), website: pick("website"), securityContact: pick("securityContact"), details: pick("details") };
}

export function registerStakingMsgs(router: MsgRouter, keeper: StakingKeeper): void {
  router.register({
    module: STAKING_MODULE,
    type: tx.MsgCreateValidator,
    responseType: tx.MsgCreateValidatorResponse,
    signers: (msg) => [operatorAccount(msg.validatorAddress)],
    validateBasic(msg) {
      const operator = operatorAccount(msg.validatorAddress);
      if (msg.delegatorAddress !== "" && msg.delegatorAddress !== operator) {
        throw ErrInvalidRequest.wrap(`delegator_address ${msg.delegatorAddress} must be the validator's own account ${operator} (or empty)`);
      }
      ed25519Key(msg.pubkey);
      positiveAmount(msg.value, "self-delegation");
      if (msg.description.moniker.trim() === "") throw ErrInvalidRequest.wrap("empty description: give the validator a moniker");
      checkDescription(msg.description);
      checkCommissionRates({ rate: decFromWire(msg.commission.rate), maxRate: decFromWire(msg.commission.maxRate), maxChangeRate: decFromWire(msg.commission.maxChangeRate) });
      positiveInt(msg.minSelfDelegation, "minimum self delegation");
    },
    handle(ctx, msg) {
      const operator = fromValoper(msg.validatorAddress);
      if (keeper.getValidator(ctx, operator)) throw ErrValidatorOwnerExists.wrap(msg.validatorAddress);
      const rate = decFromWire(msg.commission.rate);
      if (rate < decFromWire(keeper.getParams(ctx).minCommissionRate)) throw ErrCommissionLTMinRate.wrap(`rate ${msg.commission.rate}`);
      const amount = bondAmount(ctx, keeper, msg.value, "self-delegation");
      const minSelf = BigInt(msg.minSelfDelegation);
      if (amount < minSelf) throw ErrSelfDelegationBelowMinimum.wrap(`self-delegation ${amount} is below the minimum ${minSelf}`);
      const validator: Validator = {
        operatorAddress: msg.validatorAddress,
        consensusPubkey: msg.pubkey,
        jailed: false,
        status: BondStatus.BOND_STATUS_UNBONDED,
        tokens: "0",
        delegatorShares: "0",
        description: msg.description,
        unbondingHeight: 0n,
        unbondingTime: { seconds: 0n, nanos: 0 },
        commission: { commissionRates: msg.commission, updateTime: blockTime(ctx) },
        minSelfDelegation: msg.minSelfDelegation,
        unbondingOnHoldRefCount: 0n,
        unbondingIds: [],
      };
      const consAddress = consAddressOf(validator);
      if (keeper.validatorsByConsAddr.has(ctx, consAddress)) throw ErrValidatorPubKeyExists.wrap("");
      keeper.setValidator(ctx, validator);
      keeper.validatorsByConsAddr.set(ctx, consAddress, operator);
      keeper.setPowerIndex(ctx, validator);
      keeper.hooks.call("afterValidatorCreated", ctx, operator);
      delegate(ctx, keeper, operator, amount, validator, "account");
      ctx.events.emit(EVENTS.createValidator, { validator: msg.validatorAddress, amount: `${amount}${msg.value.denom}` });
      return {};
    },
  });

  router.register({
    module: STAKING_MODULE,
    type: tx.MsgEditValidator,
    responseType: tx.MsgEditValidatorResponse,
    signers: (msg) => [operatorAccount(msg.validatorAddress)],
    validateBasic(msg) {
      checkDescription(msg.description);
      if (msg.minSelfDelegation !== "") positiveInt(msg.minSelfDelegation, "minimum self delegation");
      if (msg.commissionRate !== "") {
        const rate = decFromWire(msg.commissionRate);
        if (rate < 0n || rate > 10n ** 18n) throw ErrInvalidRequest.wrap("commission rate must be between 0 and 1 (inclusive)");
      }
    },
    handle(ctx, msg) {
      const operator = fromValoper(msg.validatorAddress);
      const v = keeper.mustGetValidator(ctx, operator);
      const description = editedDescription(v.description, msg.description);
      checkDescription(description);
      let edited: Validator = { ...v, description };
      if (msg.commissionRate !== "") {
        keeper.hooks.call("beforeValidatorModified", ctx, operator);
        edited.commission = newCommission(ctx, v.commission, decFromWire(msg.commissionRate), decFromWire(keeper.getParams(ctx).minCommissionRate));
      }
      if (msg.minSelfDelegation !== "") {
        const min = BigInt(msg.minSelfDelegation);
        if (min <= BigInt(v.minSelfDelegation)) throw ErrMinSelfDelegationDecreased.wrap(`${min} is not above the current ${v.minSelfDelegation}`);
        if (min > tokensOf(v)) throw ErrSelfDelegationBelowMinimum.wrap(`the validator's tokens ${v.tokens} are below ${min}`);
        edited = { ...edited, minSelfDelegation: msg.minSelfDelegation };
      }
      keeper.setValidator(ctx, edited);
      ctx.events.emit(EVENTS.editValidator, { commission_rate: edited.commission.commissionRates.rate, min_self_delegation: edited.minSelfDelegation });
      return {};
    },
  });

  router.register({
    module: STAKING_MODULE,
    type: tx.MsgDelegate,
    responseType: tx.MsgDelegateResponse,
    signers: (msg) => [msg.delegatorAddress],
    validateBasic(msg) {
      fromAccAddress(msg.delegatorAddress);
      fromValoper(msg.validatorAddress);
      positiveAmount(msg.amount, "delegation amount");
    },
    handle(ctx, msg) {
      const v = keeper.mustGetValidator(ctx, fromValoper(msg.validatorAddress));
      const amount = bondAmount(ctx, keeper, msg.amount, "delegation amount");
      const shares = delegate(ctx, keeper, fromAccAddress(msg.delegatorAddress), amount, v, "account");
      ctx.events.emit(EVENTS.delegate, { validator: msg.validatorAddress, delegator: msg.delegatorAddress, amount: `${amount}${msg.amount.denom}`, new_shares: decToWire(shares) });
      return {};
    },
  });

  router.register({
    module: STAKING_MODULE,
    type: tx.MsgUndelegate,
    responseType: tx.MsgUndelegateResponse,
    signers: (msg) => [msg.delegatorAddress],
    validateBasic(msg) {
      fromAccAddress(msg.delegatorAddress);
      fromValoper(msg.validatorAddress);
      positiveAmount(msg.amount, "unbonding amount");
    },
    handle(ctx, msg) {
      const delegator = fromAccAddress(msg.delegatorAddress);
      const operator = fromValoper(msg.validatorAddress);
      const shares = sharesForAmount(ctx, keeper, delegator, operator, bondAmount(ctx, keeper, msg.amount, "unbonding amount"));
      const { completionTime, amount } = undelegate(ctx, keeper, delegator, operator, shares);
      ctx.events.emit(EVENTS.unbond, { validator: msg.validatorAddress, delegator: msg.delegatorAddress, amount: `${amount}${msg.amount.denom}`, completion_time: String(completionTime.seconds) });
      return { completionTime, amount: { denom: msg.amount.denom, amount: amount.toString() } };
    },
  });

  router.register({
    module: STAKING_MODULE,
    type: tx.MsgBeginRedelegate,
    responseType: tx.MsgBeginRedelegateResponse,
    signers: (msg) => [msg.delegatorAddress],
    validateBasic(msg) {
      fromAccAddress(msg.delegatorAddress);
      fromValoper(msg.validatorSrcAddress);
      fromValoper(msg.validatorDstAddress);
      positiveAmount(msg.amount, "redelegation amount");
    },
    handle(ctx, msg) {
      const delegator = fromAccAddress(msg.delegatorAddress);
      const src = fromValoper(msg.validatorSrcAddress);
      const shares = sharesForAmount(ctx, keeper, delegator, src, bondAmount(ctx, keeper, msg.amount, "redelegation amount"));
      const { completionTime, amount } = redelegate(ctx, keeper, delegator, src, fromValoper(msg.validatorDstAddress), shares);
      ctx.events.emit(EVENTS.redelegate, {
        source_validator: msg.validatorSrcAddress,
        destination_validator: msg.validatorDstAddress,
        delegator: msg.delegatorAddress,
        amount: `${amount}${msg.amount.denom}`,
        completion_time: String(completionTime.seconds),
      });
      return { completionTime };
    },
  });

  router.register({
    module: STAKING_MODULE,
    type: tx.MsgCancelUnbondingDelegation,
    responseType: tx.MsgCancelUnbondingDelegationResponse,
    signers: (msg) => [msg.delegatorAddress],
    validateBasic(msg) {
      fromAccAddress(msg.delegatorAddress);
      fromValoper(msg.validatorAddress);
      positiveAmount(msg.amount, "amount");
      if (msg.creationHeight <= 0n) throw ErrInvalidRequest.wrap("creation height must be positive");
    },
    handle(ctx, msg) {
      const amount = bondAmount(ctx, keeper, msg.amount, "amount");
      cancelUnbonding(ctx, keeper, fromAccAddress(msg.delegatorAddress), fromValoper(msg.validatorAddress), msg.creationHeight, amount);
      ctx.events.emit(EVENTS.cancelUnbondingDelegation, {
        validator: msg.validatorAddress,
        delegator: msg.delegatorAddress,
        amount: `${amount}${msg.amount.denom}`,
        creation_height: msg.creationHeight.toString(),
      });
      return {};
    },
  });

  router.register({
    module: STAKING_MODULE,
    type: tx.MsgUpdateParams,
    responseType: tx.MsgUpdateParamsResponse,
    signers: (msg) => [msg.authority],
    validateBasic(msg) {
      fromAccAddress(msg.authority);
      validateParams(msg.params);
    },
    handle(ctx, msg) {
      requireAuthority(keeper.authority, msg.authority);
      keeper.params.set(ctx, msg.params);
      return {};
    },
  });
}
