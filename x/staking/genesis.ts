/** The staking section of genesis, in cosmos.staking.v1beta1 GenesisState's JSON shape. */
import { PubKey as Ed25519PubKey } from "cosmjs-types/cosmos/crypto/ed25519/keys";
import { BondStatus, bondStatusFromJSON, bondStatusToJSON, type Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import type { ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import { encodeProto } from "../../sdk/codec/encode.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import type { Context } from "../../sdk/types/context.js";
import { timestampFromJson, timestampToJson, toNanos } from "../../sdk/types/time.js";
import { decFromWire, formatDec, parseDec } from "../../sdk/types/dec.js";
import { consAddressOf, fromValoper, type StakingKeeper } from "./keeper.js";
import { paramsFromJson, paramsToJson, validateParams } from "./params.js";
import { bondedPoolInvariant, notBondedPoolInvariant } from "./invariants.js";
import { applyValidatorSetUpdates, validatorUpdate } from "./validator-set.js";
import { defaultStakingParams, ED25519_PUBKEY_TYPE } from "./types.js";

type Json = Record<string, unknown>;

/** Lists are iterables: genesis sections stream their top-level arrays. */
export interface StakingGenesis {
  params?: Json;
  last_total_power?: string;
  last_validator_powers?: Iterable<{ address: string; power: string }>;
  validators?: Iterable<Json>;
  delegations?: Iterable<{ delegator_address: string; validator_address: string; shares: string }>;
  unbonding_delegations?: Iterable<Json>;
  redelegations?: Iterable<Json>;
  /** Set by an export: the validator set is the one recorded, not recomputed. */
  exported?: boolean;
}

export function defaultStakingGenesis(): StakingGenesis {
  return { params: paramsToJson(defaultStakingParams()), last_total_power: "0", last_validator_powers: [], validators: [], delegations: [], unbonding_delegations: [], redelegations: [], exported: false };
}

const zeroTime = { seconds: 0n, nanos: 0 };

export function validatorToJson(v: Validator): Json {
  const rates = v.commission.commissionRates;
  return {
    operator_address: v.operatorAddress,
    consensus_pubkey: { "@type": ED25519_PUBKEY_TYPE, key: Buffer.from(Ed25519PubKey.decode(v.consensusPubkey!.value).key).toString("base64") },
    jailed: v.jailed,
    status: bondStatusToJSON(v.status),
    tokens: v.tokens,
    delegator_shares: formatDec(decFromWire(v.delegatorShares)),
    description: { moniker: v.description.moniker, identity: v.description.identity, website: v.description.website, security_contact: v.description.securityContact, details: v.description.details },
    unbonding_height: v.unbondingHeight.toString(),
    unbonding_time: timestampToJson(v.unbondingTime),
    commission: {
      commission_rates: { rate: formatDec(decFromWire(rates.rate)), max_rate: formatDec(decFromWire(rates.maxRate)), max_change_rate: formatDec(decFromWire(rates.maxChangeRate)) },
      update_time: timestampToJson(v.commission.updateTime),
    },
    min_self_delegation: v.minSelfDelegation,
    unbonding_on_hold_ref_count: "0",
    unbonding_ids: [],
  };
}

function dec(text: unknown, what: string): string {
  return parseDec(String(text ?? "0"), what).toString();
}

export function validatorFromJson(j: Json): Validator {
  const pubkey = j.consensus_pubkey as { "@type": string; key: string };
  const description = (j.description ?? {}) as Record<string, string>;
  const commission = (j.commission ?? {}) as { commission_rates?: Record<string, string>; update_time?: string };
  const rates = commission.commission_rates ?? {};
  return {
    operatorAddress: String(j.operator_address),
    consensusPubkey: { typeUrl: pubkey["@type"], value: encodeProto(Ed25519PubKey, { key: Buffer.from(pubkey.key, "base64") }) },
    jailed: Boolean(j.jailed),
    status: bondStatusFromJSON(j.status),
    tokens: String(j.tokens ?? "0"),
    delegatorShares: dec(j.delegator_shares, "delegator_shares"),
    description: { moniker: description.moniker ?? "", identity: description.identity ?? "", website: description.website ?? "", securityContact: description.security_contact ?? "", details: description.details ?? "" },
    unbondingHeight: BigInt(String(j.unbonding_height ?? "0")),
    unbondingTime: timestampFromJson(j.unbonding_time, "unbonding_time") ?? zeroTime,
    commission: {
      commissionRates: { rate: dec(rates.rate, "rate"), maxRate: dec(rates.max_rate, "max_rate"), maxChangeRate: dec(rates.max_change_rate, "max_change_rate") },
      updateTime: timestampFromJson(commission.update_time, "update_time") ?? zeroTime,
    },
    minSelfDelegation: String(j.min_self_delegation ?? "1"),
    unbondingOnHoldRefCount: 0n,
    unbondingIds: [],
  };
}

function entriesToJson(entries: { creationHeight: bigint; completionTime: { seconds: bigint; nanos: number }; initialBalance: string }[], last: (e: never) => Json): Json[] {
  return entries.map((e) => ({ creation_height: e.creationHeight.toString(), completion_time: timestampToJson(e.completionTime), initial_balance: e.initialBalance, ...last(e as never), unbonding_id: "0", unbonding_on_hold_ref_count: "0" }));
}

function entryFromJson(e: Json) {
  return {
    creationHeight: BigInt(String(e.creation_height ?? "0")),
    completionTime: timestampFromJson(e.completion_time, "completion_time") ?? zeroTime,
    initialBalance: String(e.initial_balance ?? "0"),
    unbondingId: 0n,
    unbondingOnHoldRefCount: 0n,
  };
}

/** Loads the section; returns the validator set CometBFT starts with when it has validators. */
export function initStakingGenesis(ctx: Context, keeper: StakingKeeper, genesis: StakingGenesis): ValidatorUpdate[] {
  const params = paramsFromJson(genesis.params);
  validateParams(params);
  keeper.params.set(ctx, params);
  for (const json of genesis.validators ?? []) {
    const v = validatorFromJson(json);
    const operator = fromValoper(v.operatorAddress);
    keeper.setValidator(ctx, v);
    keeper.validatorsByConsAddr.set(ctx, consAddressOf(v), operator);
    keeper.setPowerIndex(ctx, v);
    if (v.status === BondStatus.BOND_STATUS_UNBONDING) keeper.validatorQueue.set(ctx, [[toNanos(v.unbondingTime), v.unbondingHeight], operator], true);
    // A new chain's validators and delegations are news to the hooked modules (distribution's
    // records); an exported state carries those modules' own records, as the SDK.
    if (!genesis.exported) keeper.hooks.call("afterValidatorCreated", ctx, operator);
  }
  for (const d of genesis.delegations ?? []) {
    const [delegator, validator] = [fromAccAddress(d.delegator_address), fromValoper(d.validator_address)];
    if (!genesis.exported) keeper.hooks.call("beforeDelegationCreated", ctx, delegator, validator);
    keeper.setDelegation(ctx, delegator, validator, {
      delegatorAddress: d.delegator_address,
      validatorAddress: d.validator_address,
      shares: dec(d.shares, "shares"),
    });
    if (!genesis.exported) keeper.hooks.call("afterDelegationModified", ctx, delegator, validator);
  }
  for (const u of genesis.unbonding_delegations ?? []) {
    const entries = ((u.entries ?? []) as Json[]).map((e) => ({ ...entryFromJson(e), balance: String(e.balance ?? "0") }));
    const delegator = String(u.delegator_address);
    const validator = String(u.validator_address);
    keeper.setUnbondingDelegation(ctx, { delegatorAddress: delegator, validatorAddress: validator, entries });
    for (const e of entries) keeper.unbondingQueue.set(ctx, [toNanos(e.completionTime), [fromAccAddress(delegator), fromValoper(validator)]], true);
  }
  for (const r of genesis.redelegations ?? []) {
    const entries = ((r.entries ?? []) as Json[]).map((e) => ({ ...entryFromJson(e), sharesDst: dec(e.shares_dst, "shares_dst") }));
    const red = { delegatorAddress: String(r.delegator_address), validatorSrcAddress: String(r.validator_src_address), validatorDstAddress: String(r.validator_dst_address), entries };
    keeper.setRedelegation(ctx, red);
    const key: [[Uint8Array, Uint8Array], Uint8Array] = [[fromAccAddress(red.delegatorAddress), fromValoper(red.validatorSrcAddress)], fromValoper(red.validatorDstAddress)];
    for (const e of entries) keeper.redelegationQueue.set(ctx, [toNanos(e.completionTime), key], true);
  }
  for (const check of [bondedPoolInvariant(ctx, keeper), notBondedPoolInvariant(ctx, keeper)]) {
    if (check.broken) throw new Error(`invalid staking genesis: ${check.message}`);
  }
  if (!genesis.exported) return applyValidatorSetUpdates(ctx, keeper);
  keeper.lastTotalPower.set(ctx, BigInt(genesis.last_total_power ?? "0"));
  return [...(genesis.last_validator_powers ?? [])].map(({ address, power }) => {
    const operator = fromValoper(address);
    keeper.lastValidatorPowers.set(ctx, operator, BigInt(power));
    return validatorUpdate(keeper.mustGetValidator(ctx, operator), BigInt(power));
  });
}

export function exportStakingGenesis(ctx: Context, keeper: StakingKeeper): StakingGenesis {
  return {
    params: paramsToJson(keeper.getParams(ctx)),
    last_total_power: (keeper.lastTotalPower.get(ctx) ?? 0n).toString(),
    last_validator_powers: [...keeper.lastValidatorPowers.entries(ctx)].map(([operator, power]) => ({ address: keeper.mustGetValidator(ctx, operator).operatorAddress, power: power.toString() })),
    validators: [...keeper.validators.entries(ctx)].map(([, v]) => validatorToJson(v)),
    delegations: [...keeper.delegations.entries(ctx)].map(([, d]) => ({ delegator_address: d.delegatorAddress, validator_address: d.validatorAddress, shares: formatDec(decFromWire(d.shares)) })),
    unbonding_delegations: [...keeper.unbondingDelegations.entries(ctx)].map(([, u]) => ({
      delegator_address: u.delegatorAddress,
      validator_address: u.validatorAddress,
      entries: entriesToJson(u.entries, (e: { balance: string }) => ({ balance: e.balance })),
    })),
    redelegations: [...keeper.redelegations.entries(ctx)].map(([, r]) => ({
      delegator_address: r.delegatorAddress,
      validator_src_address: r.validatorSrcAddress,
      validator_dst_address: r.validatorDstAddress,
      entries: entriesToJson(r.entries, (e: { sharesDst: string }) => ({ shares_dst: formatDec(decFromWire(e.sharesDst)) })),
    })),
    exported: true,
  };
}
