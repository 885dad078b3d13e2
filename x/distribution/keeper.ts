/**
 * The distribution keeper's state (F1 fee distribution, as the SDK's): per validator its
 * outstanding rewards, accumulated commission, current-period rewards and the cumulative reward
 * ratio of past periods; per delegation the period and stake it started from; slash events; the
 * community pool; withdraw addresses; params. Transitions live beside it (periods.ts, rewards.ts,
 * allocation.ts, hooks.ts).
 */
import {
  DelegatorStartingInfo,
  FeePool,
  Params,
  ValidatorAccumulatedCommission,
  ValidatorCurrentRewards,
  ValidatorHistoricalRewards,
  ValidatorOutstandingRewards,
  ValidatorSlashEvent,
} from "cosmjs-types/cosmos/distribution/v1beta1/distribution";
import { bytesKey, pairKey, protoValue, uint64Key, type ValueCodec } from "../../sdk/collections/codecs.js";
import { Schema, type StoreSource } from "../../sdk/collections/collections.js";
import { Coins } from "../../sdk/types/coins.js";
import type { Context } from "../../sdk/types/context.js";
import { DecCoins } from "./dec-coins.js";
import type { DistributionAccountKeeper, DistributionBankKeeper, DistributionStakingKeeper } from "./expected-keepers.js";
import { defaultDistributionParams, DISTRIBUTION_ACCOUNT, DISTRIBUTION_STORE } from "./types.js";

const rawBytes: ValueCodec<Uint8Array> = { encode: (v) => v, decode: (b) => Uint8Array.from(b) };
const twoAddresses = pairKey(bytesKey, bytesKey);

export class DistributionKeeper {
  private readonly schema = new Schema(DISTRIBUTION_STORE);
  readonly feePool = this.schema.item(0x00, "fee_pool", protoValue(FeePool));
  readonly withdrawAddresses = this.schema.map(0x03, "delegator_withdraw_addr", bytesKey, rawBytes);
  readonly outstandingRewards = this.schema.map(0x02, "validator_outstanding_rewards", bytesKey, protoValue(ValidatorOutstandingRewards));
  /** (validator, delegator) → the period and stake a delegation's rewards start from. */
  readonly startingInfos = this.schema.map(0x04, "delegator_starting_info", twoAddresses, protoValue(DelegatorStartingInfo));
  /** (validator, period) → the cumulative reward ratio up to that period and its reference count. */
  readonly historicalRewards = this.schema.map(0x05, "validator_historical_rewards", pairKey(bytesKey, uint64Key), protoValue(ValidatorHistoricalRewards));
  readonly currentRewards = this.schema.map(0x06, "validator_current_rewards", bytesKey, protoValue(ValidatorCurrentRewards));
  readonly accumulatedCommission = this.schema.map(0x07, "validator_accumulated_commission", bytesKey, protoValue(ValidatorAccumulatedCommission));
  /** ((validator, height), period) → the slash event that ended that period. */
  readonly slashEvents = this.schema.map(0x08, "validator_slash_events", pairKey(pairKey(bytesKey, uint64Key), uint64Key), protoValue(ValidatorSlashEvent));
  readonly params = this.schema.item(0x09, "params", protoValue(Params));

  constructor(
    readonly accounts: DistributionAccountKeeper,
    readonly bank: DistributionBankKeeper,
    readonly staking: DistributionStakingKeeper,
    /** The module account fees are collected in ("fee_collector"). */
    readonly feeCollector: string,
    /** Bech32 address of the gov module account: the signer of MsgUpdateParams and MsgCommunityPoolSpend. */
    readonly authority: string,
  ) {}

  getParams(ctx: StoreSource): Params {
    return this.params.get(ctx) ?? defaultDistributionParams();
  }

  communityPool(ctx: StoreSource): DecCoins {
    return DecCoins.fromProto(this.feePool.get(ctx)?.communityPool ?? []);
  }

  setCommunityPool(ctx: StoreSource, pool: DecCoins): void {
    this.feePool.set(ctx, { communityPool: pool.toProto() });
  }

  addToCommunityPool(ctx: StoreSource, amount: DecCoins): void {
    if (!amount.isZero) this.setCommunityPool(ctx, this.communityPool(ctx).add(amount));
  }

  /**
   * The narrow entry point other modules (commerce's marketplace fee) use: moves `amount` from
   * `sender`'s account into the community pool, as the SDK's FundCommunityPool.
   */
  fundCommunityPool(ctx: Context, amount: Coins, sender: Uint8Array): void {
    this.bank.sendCoinsFromAccountToModule(ctx, sender, DISTRIBUTION_ACCOUNT, amount);
    this.addToCommunityPool(ctx, DecCoins.fromCoins(amount));
  }

  /** Where a delegator's rewards are paid: its withdraw address, or itself. */
  withdrawAddress(ctx: StoreSource, delegator: Uint8Array): Uint8Array {
    return this.withdrawAddresses.get(ctx, delegator) ?? delegator;
  }

  outstanding(ctx: StoreSource, validator: Uint8Array): DecCoins {
    return DecCoins.fromProto(this.outstandingRewards.get(ctx, validator)?.rewards ?? []);
  }

  setOutstanding(ctx: StoreSource, validator: Uint8Array, rewards: DecCoins): void {
    this.outstandingRewards.set(ctx, validator, { rewards: rewards.toProto() });
  }

  commission(ctx: StoreSource, validator: Uint8Array): DecCoins {
    return DecCoins.fromProto(this.accumulatedCommission.get(ctx, validator)?.commission ?? []);
  }

  setCommission(ctx: StoreSource, validator: Uint8Array, commission: DecCoins): void {
    this.accumulatedCommission.set(ctx, validator, { commission: commission.toProto() });
  }

  moduleBalance(ctx: StoreSource): Coins {
    return this.bank.getAllBalances(ctx, this.accounts.moduleAddress(DISTRIBUTION_ACCOUNT));
  }

  *validatorSlashEvents(ctx: StoreSource, validator: Uint8Array): Generator<[bigint, ValidatorSlashEvent]> {
    for (const [[[, height]], event] of this.slashEvents.entries(ctx, bytesKey.encodeNonTerminal(validator))) yield [height, event];
  }
}
