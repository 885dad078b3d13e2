/**
 * The distribution section of genesis, in cosmos.distribution.v1beta1 GenesisState's JSON shape
 * (decimal text amounts, snake_case). Import checks, as the SDK, that the module account holds
 * exactly the outstanding rewards and the community pool (truncated).
 */
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import type { Context } from "../../sdk/types/context.js";
import { decFromWire, formatDec, parseDec } from "../../sdk/types/dec.js";
import { fromValoper, toValoper } from "../staking/keeper.js";
import { DecCoins } from "./dec-coins.js";
import type { DistributionKeeper } from "./keeper.js";
import { paramsFromJson, paramsToJson, validateParams } from "./params.js";
import { defaultDistributionParams } from "./types.js";

type Json = Record<string, unknown>;
type DecCoinsJson = { denom: string; amount: string }[];

/** Lists are iterables: genesis sections stream their top-level arrays. */
export interface DistributionGenesis {
  params?: Json;
  fee_pool?: { community_pool?: DecCoinsJson };
  delegator_withdraw_infos?: Iterable<{ delegator_address: string; withdraw_address: string }>;
  previous_proposer?: string;
  outstanding_rewards?: Iterable<{ validator_address: string; outstanding_rewards?: DecCoinsJson }>;
  validator_accumulated_commissions?: Iterable<{ validator_address: string; accumulated?: { commission?: DecCoinsJson } }>;
  validator_historical_rewards?: Iterable<{ validator_address: string; period: string; rewards: { cumulative_reward_ratio?: DecCoinsJson; reference_count: number } }>;
  validator_current_rewards?: Iterable<{ validator_address: string; rewards: { rewards?: DecCoinsJson; period: string } }>;
  delegator_starting_infos?: Iterable<{ delegator_address: string; validator_address: string; starting_info: { previous_period: string; stake: string; height: string } }>;
  validator_slash_events?: Iterable<{ validator_address: string; height: string; period: string; validator_slash_event: { validator_period: string; fraction: string } }>;
}

export function defaultDistributionGenesis(): DistributionGenesis {
  return {
    params: paramsToJson(defaultDistributionParams()),
    fee_pool: { community_pool: [] },
    delegator_withdraw_infos: [],
    previous_proposer: "",
    outstanding_rewards: [],
    validator_accumulated_commissions: [],
    validator_historical_rewards: [],
    validator_current_rewards: [],
    delegator_starting_infos: [],
    validator_slash_events: [],
  };
}

export function initDistributionGenesis(ctx: Context, keeper: DistributionKeeper, g: DistributionGenesis): void {
  const params = paramsFromJson(g.params);
  validateParams(params);
  keeper.params.set(ctx, params);
  for (const w of g.delegator_withdraw_infos ?? []) keeper.withdrawAddresses.set(ctx, fromAccAddress(w.delegator_address), fromAccAddress(w.withdraw_address));
  const pool = DecCoins.fromJson(g.fee_pool?.community_pool, "community_pool");
  keeper.setCommunityPool(ctx, pool);
  let holdings = pool;
  for (const o of g.outstanding_rewards ?? []) {
    const rewards = DecCoins.fromJson(o.outstanding_rewards, "outstanding_rewards");
    keeper.setOutstanding(ctx, fromValoper(o.validator_address), rewards);
    holdings = holdings.add(rewards);
  }
  for (const c of g.validator_accumulated_commissions ?? []) keeper.setCommission(ctx, fromValoper(c.validator_address), DecCoins.fromJson(c.accumulated?.commission, "commission"));
  for (const h of g.validator_historical_rewards ?? []) {
    keeper.historicalRewards.set(ctx, [fromValoper(h.validator_address), BigInt(h.period)], {
      cumulativeRewardRatio: DecCoins.fromJson(h.rewards.cumulative_reward_ratio, "cumulative_reward_ratio").toProto(),
      referenceCount: Number(h.rewards.reference_count),
    });
  }
  for (const c of g.validator_current_rewards ?? []) {
    keeper.currentRewards.set(ctx, fromValoper(c.validator_address), { rewards: DecCoins.fromJson(c.rewards.rewards, "rewards").toProto(), period: BigInt(c.rewards.period) });
  }
  for (const s of g.delegator_starting_infos ?? []) {
    const info = s.starting_info;
    keeper.startingInfos.set(ctx, [fromValoper(s.validator_address), fromAccAddress(s.delegator_address)], {
      previousPeriod: BigInt(info.previous_period),
      stake: parseDec(info.stake, "stake").toString(),
      height: BigInt(info.height),
    });
  }
  for (const e of g.validator_slash_events ?? []) {
    const event = e.validator_slash_event;
    keeper.slashEvents.set(ctx, [[fromValoper(e.validator_address), BigInt(e.height)], BigInt(e.period)], {
      validatorPeriod: BigInt(event.validator_period),
      fraction: parseDec(event.fraction, "fraction").toString(),
    });
  }
  const owed = holdings.truncateDecimal().coins;
  const held = keeper.moduleBalance(ctx);
  if (held.toString() !== owed.toString()) {
    throw new Error(`distribution module balance does not match the module holdings: it holds "${held.toString()}", genesis owes "${owed.toString()}" (outstanding rewards plus the community pool, truncated)`);
  }
}

export function exportDistributionGenesis(ctx: Context, keeper: DistributionKeeper): DistributionGenesis {
  return {
    params: paramsToJson(keeper.getParams(ctx)),
    fee_pool: { community_pool: keeper.communityPool(ctx).toJson() },
    delegator_withdraw_infos: [...keeper.withdrawAddresses.entries(ctx)].map(([d, w]) => ({ delegator_address: toAccAddress(d), withdraw_address: toAccAddress(w) })),
    previous_proposer: "",
    outstanding_rewards: [...keeper.outstandingRewards.entries(ctx)].map(([v, o]) => ({ validator_address: toValoper(v), outstanding_rewards: DecCoins.fromProto(o.rewards).toJson() })),
    validator_accumulated_commissions: [...keeper.accumulatedCommission.entries(ctx)].map(([v, c]) => ({ validator_address: toValoper(v), accumulated: { commission: DecCoins.fromProto(c.commission).toJson() } })),
    validator_historical_rewards: [...keeper.historicalRewards.entries(ctx)].map(([[v, period], h]) => ({
      validator_address: toValoper(v),
      period: period.toString(),
      rewards: { cumulative_reward_ratio: DecCoins.fromProto(h.cumulativeRewardRatio).toJson(), reference_count: h.referenceCount },
    })),
    validator_current_rewards: [...keeper.currentRewards.entries(ctx)].map(([v, c]) => ({ validator_address: toValoper(v), rewards: { rewards: DecCoins.fromProto(c.rewards).toJson(), period: c.period.toString() } })),
    delegator_starting_infos: [...keeper.startingInfos.entries(ctx)].map(([[v, d], s]) => ({
      delegator_address: toAccAddress(d),
      validator_address: toValoper(v),
      starting_info: { previous_period: s.previousPeriod.toString(), stake: formatDec(decFromWire(s.stake)), height: s.height.toString() },
    })),
    validator_slash_events: [...keeper.slashEvents.entries(ctx)].map(([[[v, height], period], e]) => ({
      validator_address: toValoper(v),
      height: height.toString(),
      period: period.toString(),
      validator_slash_event: { validator_period: e.validatorPeriod.toString(), fraction: formatDec(decFromWire(e.fraction)) },
    })),
  };
}
