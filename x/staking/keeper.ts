/**
 * The staking keeper's state and its plain reads and writes: validators with their consensus
 * address and power indexes, delegations, unbonding delegations and redelegations with their
 * maturity queues, the last validator set sent to CometBFT, and the params. The transitions live
 * beside it (validators.ts, delegation.ts, validator-set.ts, slash.ts).
 */
import { PubKey as Ed25519PubKey } from "cosmjs-types/cosmos/crypto/ed25519/keys";
import { BondStatus, Delegation, Params, Redelegation, UnbondingDelegation, Validator } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { sha256 } from "@noble/hashes/sha2.js";
import { bigintValue, bytesKey, pairKey, protoValue, uint64Key, uint64Value, presenceValue, type ValueCodec } from "../../sdk/collections/codecs.js";
import { Schema, type StoreSource } from "../../sdk/collections/collections.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import { Coins } from "../../sdk/types/coins.js";
import type { Context } from "../../sdk/types/context.js";
import type { StakingAccountKeeper, StakingBankKeeper } from "./expected-keepers.js";
import { MultiStakingHooks } from "./hooks.js";
import { jail, slash, unjail } from "./slash.js";
import { consensusPower, tokensOf } from "./shares.js";
import {
  BONDED_POOL,
  defaultStakingParams,
  ED25519_PUBKEY_TYPE,
  ErrEmptyValidatorPubKey,
  ErrNoValidatorFound,
  ErrValidatorPubKeyTypeNotSupported,
  NOT_BONDED_POOL,
  STAKING_STORE,
  VALOPER_PREFIX,
} from "./types.js";

const rawBytes: ValueCodec<Uint8Array> = { encode: (v) => v, decode: (b) => Uint8Array.from(b) };
const twoAddresses = pairKey(bytesKey, bytesKey);
const threeAddresses = pairKey(twoAddresses, bytesKey);

export function toValoper(operator: Uint8Array): string {
  return toAccAddress(operator, VALOPER_PREFIX);
}

export function fromValoper(address: string): Uint8Array {
  return fromAccAddress(address, VALOPER_PREFIX);
}

/** The 32-byte ed25519 key of a consensus pubkey Any; other key types are refused. */
export function ed25519Key(any: Any | undefined): Uint8Array {
  if (!any) throw ErrEmptyValidatorPubKey.wrap("give the validator's ed25519 consensus key");
  if (any.typeUrl !== ED25519_PUBKEY_TYPE) throw ErrValidatorPubKeyTypeNotSupported.wrap(`got ${any.typeUrl}, CometBFT accepts only ${ED25519_PUBKEY_TYPE}`);
  const key = Ed25519PubKey.decode(any.value).key;
  if (key.length !== 32) throw ErrValidatorPubKeyTypeNotSupported.wrap(`an ed25519 key is 32 bytes, got ${key.length}`);
  return key;
}

/** The consensus address CometBFT names a validator by: the first 20 bytes of sha256(pubkey). */
export function consAddressOf(v: Validator): Uint8Array {
  return sha256(ed25519Key(v.consensusPubkey)).subarray(0, 20);
}

/** Power index key: power (big-endian), then the operator's bytes inverted, so that iterating
 *  in reverse gives the highest power first and, at equal power, the lower address first. */
function powerIndexKey(v: Validator): [bigint, Uint8Array] {
  return [consensusPower(tokensOf(v)), fromValoper(v.operatorAddress).map((b) => 255 - b)];
}

export class StakingKeeper {
  private readonly schema = new Schema(STAKING_STORE);
  readonly lastValidatorPowers = this.schema.map(0x11, "last_validator_powers", bytesKey, uint64Value);
  readonly lastTotalPower = this.schema.item(0x12, "last_total_power", bigintValue);
  readonly validators = this.schema.map(0x21, "validators", bytesKey, protoValue(Validator));
  readonly validatorsByConsAddr = this.schema.map(0x22, "validators_by_cons_addr", bytesKey, rawBytes);
  readonly validatorsByPower = this.schema.map(0x23, "validators_by_power", pairKey(uint64Key, bytesKey), rawBytes);
  readonly delegations = this.schema.map(0x31, "delegations", twoAddresses, protoValue(Delegation));
  readonly unbondingDelegations = this.schema.map(0x32, "unbonding_delegations", twoAddresses, protoValue(UnbondingDelegation));
  /** (validator, delegator) of every unbonding delegation: a validator's, for queries and slashing. */
  readonly unbondingByValidator = this.schema.map(0x33, "unbonding_by_validator", twoAddresses, presenceValue);
  readonly redelegations = this.schema.map(0x34, "redelegations", threeAddresses, protoValue(Redelegation));
  /** (source, delegator, destination) and (destination, delegator, source) of every redelegation. */
  readonly redelegationsBySrc = this.schema.map(0x35, "redelegations_by_src", threeAddresses, presenceValue);
  readonly redelegationsByDst = this.schema.map(0x36, "redelegations_by_dst", threeAddresses, presenceValue);
  /** Maturity queues, keyed by completion time in nanoseconds first. */
  readonly unbondingQueue = this.schema.map(0x41, "unbonding_queue", pairKey(uint64Key, twoAddresses), presenceValue);
  readonly redelegationQueue = this.schema.map(0x42, "redelegation_queue", pairKey(uint64Key, threeAddresses), presenceValue);
  readonly validatorQueue = this.schema.map(0x43, "validator_queue", pairKey(pairKey(uint64Key, uint64Key), bytesKey), presenceValue);
  /** (validator, delegator) of every delegation, for a validator's delegations. */
  readonly delegationsByValidator = this.schema.map(0x71, "delegations_by_validator", twoAddresses, presenceValue);
  readonly params = this.schema.item(0x51, "params", protoValue(Params));
  readonly hooks = new MultiStakingHooks();

  constructor(
    readonly accounts: StakingAccountKeeper,
    readonly bank: StakingBankKeeper,
    /** Bech32 address of the gov module account: the signer of MsgUpdateParams. */
    readonly authority: string,
  ) {}

  getParams(ctx: StoreSource): Params {
    return this.params.get(ctx) ?? defaultStakingParams();
  }

  bondDenom(ctx: StoreSource): string {
    return this.getParams(ctx).bondDenom;
  }

  getValidator(ctx: StoreSource, operator: Uint8Array): Validator | undefined {
    return this.validators.get(ctx, operator);
  }

  /** The validator, or ErrNoValidatorFound naming it. */
  mustGetValidator(ctx: StoreSource, operator: Uint8Array): Validator {
    const v = this.validators.get(ctx, operator);
    if (!v) throw ErrNoValidatorFound.wrap(`no validator ${toValoper(operator)}`);
    return v;
  }

  validatorByConsAddr(ctx: StoreSource, consAddress: Uint8Array): Validator | undefined {
    const operator = this.validatorsByConsAddr.get(ctx, consAddress);
    return operator ? this.validators.get(ctx, operator) : undefined;
  }

  /** Stores a validator (the power index is the caller's: see setPowerIndex). */
  setValidator(ctx: StoreSource, v: Validator): void {
    this.validators.set(ctx, fromValoper(v.operatorAddress), v);
  }

  /** Jailed validators stay out of the power index: they cannot enter the active set. */
  setPowerIndex(ctx: StoreSource, v: Validator): void {
    if (!v.jailed) this.validatorsByPower.set(ctx, powerIndexKey(v), fromValoper(v.operatorAddress));
  }

  deletePowerIndex(ctx: StoreSource, v: Validator): void {
    this.validatorsByPower.delete(ctx, powerIndexKey(v));
  }

  /** Validators by power, highest first (ties: lower operator address first), jailed ones left out. */
  *validatorsByPowerDesc(ctx: StoreSource): Generator<Validator> {
    for (const [, operator] of this.validatorsByPower.entries(ctx, undefined, true)) yield this.validators.get(ctx, operator)!;
  }

  /**
   * Bonded validators by power, highest first, at most max_validators: the SDK's
   * IterateBondedValidatorsByPower, whose stake governance tallies.
   */
  *bondedValidatorsByPower(ctx: StoreSource): Generator<Validator> {
    const max = this.getParams(ctx).maxValidators;
    let count = 0;
    for (const v of this.validatorsByPowerDesc(ctx)) {
      if (count >= max) return;
      if (v.status !== BondStatus.BOND_STATUS_BONDED) continue;
      count++;
      yield v;
    }
  }

  getDelegation(ctx: StoreSource, delegator: Uint8Array, validator: Uint8Array): Delegation | undefined {
    return this.delegations.get(ctx, [delegator, validator]);
  }

  setDelegation(ctx: StoreSource, delegator: Uint8Array, validator: Uint8Array, d: Delegation): void {
    this.delegations.set(ctx, [delegator, validator], d);
    this.delegationsByValidator.set(ctx, [validator, delegator], true);
  }

  removeDelegation(ctx: StoreSource, delegator: Uint8Array, validator: Uint8Array): void {
    this.delegations.delete(ctx, [delegator, validator]);
    this.delegationsByValidator.delete(ctx, [validator, delegator]);
  }

  /** A delegator's delegations, in store order (what governance counts as voting power). */
  *delegatorDelegations(ctx: StoreSource, delegator: Uint8Array): Generator<Delegation> {
    for (const [, d] of this.delegations.entries(ctx, bytesKey.encodeNonTerminal(delegator))) yield d;
  }

  *validatorDelegations(ctx: StoreSource, validator: Uint8Array): Generator<Delegation> {
    for (const [[, delegator]] of this.validatorsIndex(this.delegationsByValidator, ctx, validator)) yield this.delegations.get(ctx, [delegator, validator])!;
  }

  *delegatorUnbondings(ctx: StoreSource, delegator: Uint8Array): Generator<UnbondingDelegation> {
    for (const [, u] of this.unbondingDelegations.entries(ctx, bytesKey.encodeNonTerminal(delegator))) yield u;
  }

  *validatorUnbondings(ctx: StoreSource, validator: Uint8Array): Generator<UnbondingDelegation> {
    for (const [[, delegator]] of this.validatorsIndex(this.unbondingByValidator, ctx, validator)) yield this.unbondingDelegations.get(ctx, [delegator, validator])!;
  }

  setUnbondingDelegation(ctx: StoreSource, u: UnbondingDelegation): void {
    const key: [Uint8Array, Uint8Array] = [fromAccAddress(u.delegatorAddress), fromValoper(u.validatorAddress)];
    if (u.entries.length === 0) {
      this.unbondingDelegations.delete(ctx, key);
      this.unbondingByValidator.delete(ctx, [key[1], key[0]]);
      return;
    }
    this.unbondingDelegations.set(ctx, key, u);
    this.unbondingByValidator.set(ctx, [key[1], key[0]], true);
  }

  setRedelegation(ctx: StoreSource, r: Redelegation): void {
    const delegator = fromAccAddress(r.delegatorAddress);
    const src = fromValoper(r.validatorSrcAddress);
    const dst = fromValoper(r.validatorDstAddress);
    if (r.entries.length === 0) {
      this.redelegations.delete(ctx, [[delegator, src], dst]);
      this.redelegationsBySrc.delete(ctx, [[src, delegator], dst]);
      this.redelegationsByDst.delete(ctx, [[dst, delegator], src]);
      return;
    }
    this.redelegations.set(ctx, [[delegator, src], dst], r);
    this.redelegationsBySrc.set(ctx, [[src, delegator], dst], true);
    this.redelegationsByDst.set(ctx, [[dst, delegator], src], true);
  }

  *redelegationsFromValidator(ctx: StoreSource, src: Uint8Array): Generator<Redelegation> {
    for (const [[[, delegator], dst]] of this.redelegationsBySrc.entries(ctx, bytesKey.encodeNonTerminal(src))) {
      yield this.redelegations.get(ctx, [[delegator, src], dst])!;
    }
  }

  /** Whether `delegator` has a maturing redelegation into `validator` (no transitive redelegation). */
  hasReceivingRedelegation(ctx: StoreSource, delegator: Uint8Array, validator: Uint8Array): boolean {
    const under = twoAddresses.encodeNonTerminal([validator, delegator]);
    for (const _ of this.redelegationsByDst.entries(ctx, under)) return true;
    return false;
  }

  private *validatorsIndex(index: typeof this.delegationsByValidator, ctx: StoreSource, validator: Uint8Array) {
    yield* index.entries(ctx, bytesKey.encodeNonTerminal(validator));
  }

  poolAddress(pool: typeof BONDED_POOL | typeof NOT_BONDED_POOL): Uint8Array {
    return this.accounts.moduleAddress(pool);
  }

  /** Tokens held by a pool in the bond denom. */
  poolBalance(ctx: StoreSource, pool: typeof BONDED_POOL | typeof NOT_BONDED_POOL): bigint {
    return this.bank.getBalance(ctx, this.poolAddress(pool), this.bondDenom(ctx));
  }

  /** Total bonded stake (governance's total voting power). */
  totalBondedTokens(ctx: StoreSource): bigint {
    return this.poolBalance(ctx, BONDED_POOL);
  }

  /** Moves bond-denom tokens between the two pools (a validator bonding or unbonding). */
  movePoolTokens(ctx: Context, from: typeof BONDED_POOL | typeof NOT_BONDED_POOL, amount: bigint): void {
    if (amount === 0n) return;
    const to = from === BONDED_POOL ? NOT_BONDED_POOL : BONDED_POOL;
    this.bank.sendCoinsFromModuleToModule(ctx, from, to, this.bondCoins(ctx, amount));
  }

  /** Slashing's entry points (the SDK's ValidatorSet): see slash.ts. */
  slash(ctx: Context, consAddress: Uint8Array, infractionHeight: bigint, power: bigint, slashFactor: bigint): bigint {
    return slash(ctx, this, consAddress, infractionHeight, power, slashFactor);
  }

  jail(ctx: Context, consAddress: Uint8Array): void {
    jail(ctx, this, consAddress);
  }

  unjail(ctx: Context, consAddress: Uint8Array): void {
    unjail(ctx, this, consAddress);
  }

  bondCoins(ctx: StoreSource, amount: bigint): Coins {
    return Coins.of([{ denom: this.bondDenom(ctx), amount }]);
  }
}
