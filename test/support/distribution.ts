/**
 * Helpers for distribution tests over a StakingChain: blocks whose previous commit was signed by
 * given validators (as CometBFT reports it), fee-paying txs, and the distribution queries.
 */
import * as q from "cosmjs-types/cosmos/distribution/v1beta1/query";
import type { CommitInfo, ExecTxResult } from "cosmjs-types/tendermint/abci/types";
import { BlockIDFlag } from "cosmjs-types/tendermint/types/validator";
import { sha256 } from "@noble/hashes/sha2.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { GasMeter } from "../../sdk/types/gas.js";
import { Context } from "../../sdk/types/context.js";
import { SYNTHETIC_GENESIS_SECONDS } from "../../sdk/simulation/block-request.js";
import { DEC_ONE, formatDec } from "../../sdk/types/dec.js";
import type { EncodedMsg, Member } from "./governance.js";
import { signTx } from "./signing.js";
import { consensusKey, type StakingChain } from "./staking.js";
import { sendMsg } from "./signing.js";

/** The previous block's commit, signed by validators with these consensus key seeds and powers. */
export function signedBy(...signers: [seed: number, power: bigint][]): CommitInfo {
  return {
    round: 0,
    votes: signers.map(([seed, power]) => ({ validator: { address: sha256(consensusKey(seed)).subarray(0, 20), power }, blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT })),
  };
}

/** Signs `msgs` from `from` paying `fee` uagora, at its current sequence (advanced). */
export async function feeTx(s: StakingChain, from: Member, msgs: EncodedMsg[], fee: bigint): Promise<Uint8Array> {
  const tx = await signTx(from, msgs, { chainId: s.chain.chainId, accountNumber: from.number, sequence: from.sequence, fee: fee > 0n ? [{ denom: "uagora", amount: fee.toString() }] : [] });
  from.sequence++;
  return tx;
}

/** A tx that only pays `fee` (a 1uagora send to oneself). */
export function feeOnly(s: StakingChain, from: Member, fee: bigint): Promise<Uint8Array> {
  return feeTx(s, from, [sendMsg(from.address, from.address, "1")], fee);
}

/** One block; throws naming the first failed tx. */
export function block(s: StakingChain, txs: Uint8Array[], lastCommit?: CommitInfo): ExecTxResult[] {
  const { results, validatorUpdates } = s.chain.block(txs, lastCommit);
  s.lastUpdates = validatorUpdates;
  const failed = results.find((r) => r.code !== 0);
  if (failed) throw new Error(`tx failed (${failed.codespace} ${failed.code}): ${failed.log}`);
  return results;
}

export function distributionQuery<T>(s: StakingChain, method: string, request: { encode(m: never): { finish(): Uint8Array } }, value: unknown, response: { decode(b: Uint8Array): T }): T {
  const res = s.chain.query(`/cosmos.distribution.v1beta1.Query/${method}`, request.encode(value as never).finish());
  if (res.code !== 0) throw new Error(`${method} failed (${res.codespace} ${res.code}): ${res.log}`);
  return response.decode(res.value);
}

/** A DecCoin list as "<18-digit decimal><denom>" text, e.g. "220.500000000000000000uagora". */
export function decCoinsText(list: readonly { denom: string; amount: string }[]): string {
  return list.map((c) => `${formatDec(BigInt(c.amount))}${c.denom}`).join(",");
}

export const uagora = (whole: bigint, fraction = 0n) => `${formatDec(whole * DEC_ONE + fraction)}uagora`;

export function rewards(s: StakingChain, delegator: string, validator: string): string {
  return decCoinsText(distributionQuery(s, "DelegationRewards", q.QueryDelegationRewardsRequest, { delegatorAddress: delegator, validatorAddress: validator }, q.QueryDelegationRewardsResponse).rewards);
}

export function communityPool(s: StakingChain): string {
  return decCoinsText(distributionQuery(s, "CommunityPool", q.QueryCommunityPoolRequest, {}, q.QueryCommunityPoolResponse).pool);
}

export function commission(s: StakingChain, validator: string): string {
  return decCoinsText(distributionQuery(s, "ValidatorCommission", q.QueryValidatorCommissionRequest, { validatorAddress: validator }, q.QueryValidatorCommissionResponse).commission.commission);
}

export function outstanding(s: StakingChain, validator: string): string {
  return decCoinsText(distributionQuery(s, "ValidatorOutstandingRewards", q.QueryValidatorOutstandingRewardsRequest, { validatorAddress: validator }, q.QueryValidatorOutstandingRewardsResponse).rewards.rewards);
}

/**
 * Slashes `fraction` of the stake of the validator with consensus key `seed` in the next block,
 * before its txs, as slashing's begin block will (no slashing module yet drives it here).
 */
export function slashInNextBlock(s: StakingChain, seed: number, power: bigint, fraction: bigint, lastCommit?: CommitInfo): void {
  const app = s.chain.app;
  const height = s.chain.height + 1n;
  const ctx = new Context({ chainId: s.chain.chainId, height, time: { seconds: SYNTHETIC_GENESIS_SECONDS + height, nanos: 0 } }, app.base.store, new GasMeter(), "finalize", app.base.logger);
  app.staking.slash(ctx, sha256(consensusKey(seed)).subarray(0, 20), height, power, fraction);
  block(s, [], lastCommit);
}

export function account(s: StakingChain, address: string) {
  return s.chain.app.accounts.getAccount(s.chain.app.base.queryContext(), fromAccAddress(address));
}
