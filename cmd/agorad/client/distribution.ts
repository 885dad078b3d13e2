/**
 * Rewards and the community pool from the command line: withdraw a delegation's rewards (and an
 * operator's commission), fund the pool, and read rewards, commission, the pool and the params
 * (cosmos.distribution.v1beta1). Decimal amounts print as the SDK's CLI prints them.
 */
import * as q from "cosmjs-types/cosmos/distribution/v1beta1/query";
import { MsgFundCommunityPool, MsgWithdrawDelegatorReward, MsgWithdrawValidatorCommission } from "cosmjs-types/cosmos/distribution/v1beta1/tx";
import type { DecCoin } from "cosmjs-types/cosmos/base/v1beta1/coin";
import { formatDec } from "../../../sdk/types/dec.js";
import { CliError } from "../cli.js";
import { abciQuery } from "./abci-query.js";
import { checkAddress, decodeBech32, parseCoins } from "./coins.js";
import { signAndBroadcast, type BroadcastOptions, type SendResult } from "./tx.js";

const SERVICE = "/cosmos.distribution.v1beta1.Query/";
export type DecCoinJson = { denom: string; amount: string };

/** Checks an agoravaloper1... address. */
export function checkValidatorAddress(address: string): string {
  let prefix: string;
  try {
    prefix = decodeBech32(address).prefix;
  } catch {
    throw new CliError(`invalid validator address "${address}": expected a bech32 address like agoravaloper1...`);
  }
  if (prefix !== "agoravaloper") throw new CliError(`invalid validator address "${address}": prefix must be agoravaloper, not ${prefix}`);
  return address;
}

export function decCoinsJson(list: readonly DecCoin[]): DecCoinJson[] {
  return list.map((c) => ({ denom: c.denom, amount: formatDec(BigInt(c.amount)) }));
}

export function decCoinsText(list: readonly DecCoinJson[]): string {
  return list.length ? list.map((c) => `${c.amount}${c.denom}`).join(",") : "(none)";
}

/** Withdraws the sender's rewards from `validator`; with `commission`, the validator's commission too (the sender must operate it). */
export function withdrawRewards(opts: BroadcastOptions & { validator: string; commission?: boolean }): Promise<SendResult> {
  const validatorAddress = checkValidatorAddress(opts.validator);
  return signAndBroadcast(opts, (delegatorAddress) => [
    { typeUrl: MsgWithdrawDelegatorReward.typeUrl, value: MsgWithdrawDelegatorReward.fromPartial({ delegatorAddress, validatorAddress }) },
    ...(opts.commission ? [{ typeUrl: MsgWithdrawValidatorCommission.typeUrl, value: MsgWithdrawValidatorCommission.fromPartial({ validatorAddress }) }] : []),
  ]);
}

export function fundCommunityPool(opts: BroadcastOptions & { amount: string }): Promise<SendResult> {
  const amount = parseCoins(opts.amount);
  return signAndBroadcast(opts, (depositor) => [{ typeUrl: MsgFundCommunityPool.typeUrl, value: MsgFundCommunityPool.fromPartial({ depositor, amount }) }]);
}

/** A delegator's rewards from one validator, or from each of its validators with the total. */
export async function queryRewards(opts: { node?: string; delegator: string; validator?: string }): Promise<{ rewards: { validator_address: string; reward: DecCoinJson[] }[]; total: DecCoinJson[] }> {
  const delegatorAddress = checkAddress(opts.delegator, "delegator address");
  if (opts.validator !== undefined) {
    const validatorAddress = checkValidatorAddress(opts.validator);
    const res = await abciQuery(opts.node, "query distribution rewards", SERVICE + "DelegationRewards", q.QueryDelegationRewardsRequest, { delegatorAddress, validatorAddress }, q.QueryDelegationRewardsResponse);
    return { rewards: [{ validator_address: validatorAddress, reward: decCoinsJson(res.rewards) }], total: decCoinsJson(res.rewards) };
  }
  const res = await abciQuery(opts.node, "query distribution rewards", SERVICE + "DelegationTotalRewards", q.QueryDelegationTotalRewardsRequest, { delegatorAddress }, q.QueryDelegationTotalRewardsResponse);
  return { rewards: res.rewards.map((r) => ({ validator_address: r.validatorAddress, reward: decCoinsJson(r.reward) })), total: decCoinsJson(res.total) };
}

export async function queryCommission(opts: { node?: string; validator: string }): Promise<{ commission: DecCoinJson[] }> {
  const validatorAddress = checkValidatorAddress(opts.validator);
  const res = await abciQuery(opts.node, "query distribution commission", SERVICE + "ValidatorCommission", q.QueryValidatorCommissionRequest, { validatorAddress }, q.QueryValidatorCommissionResponse);
  return { commission: decCoinsJson(res.commission.commission) };
}

export async function queryCommunityPool(opts: { node?: string }): Promise<{ pool: DecCoinJson[] }> {
  const res = await abciQuery(opts.node, "query distribution community-pool", SERVICE + "CommunityPool", q.QueryCommunityPoolRequest, {}, q.QueryCommunityPoolResponse);
  return { pool: decCoinsJson(res.pool) };
}

export async function queryDistributionParams(opts: { node?: string }): Promise<Record<string, unknown>> {
  const { params } = await abciQuery(opts.node, "query distribution params", SERVICE + "Params", q.QueryParamsRequest, {}, q.QueryParamsResponse);
  return {
    community_tax: formatDec(BigInt(params.communityTax || "0")),
    base_proposer_reward: formatDec(BigInt(params.baseProposerReward || "0")),
    bonus_proposer_reward: formatDec(BigInt(params.bonusProposerReward || "0")),
    withdraw_addr_enabled: params.withdrawAddrEnabled,
  };
}
