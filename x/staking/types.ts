/**
 * Staking names, errors and default parameters. Errors keep the Cosmos SDK's `staking` codespace
 * and codes, so wallets and explorers that know x/staking read them unchanged.
 */
import type { Params } from "cosmjs-types/cosmos/staking/v1beta1/staking";
import { register } from "../../sdk/types/errors.js";

export const STAKING_MODULE = "staking";
export const STAKING_STORE = "staking";
/** Module accounts holding bonded and not-bonded (unbonding, unbonded) stake, named as the SDK's. */
export const BONDED_POOL = "bonded_tokens_pool";
export const NOT_BONDED_POOL = "not_bonded_tokens_pool";
/** The permission the pools carry besides burner (the SDK's authtypes.Staking). */
export const STAKING_PERMISSION = "staking";
/** Validator operator addresses: the operator account's bytes under this prefix. */
export const VALOPER_PREFIX = "agoravaloper";
export const VALCONS_PREFIX = "agoravalcons";
/** uagora per unit of consensus power, as the SDK's DefaultPowerReduction (10^6). */
export const POWER_REDUCTION = 1_000_000n;
export const ED25519_PUBKEY_TYPE = "/cosmos.crypto.ed25519.PubKey";

const cs = "staking";
export const ErrEmptyValidatorAddr = register(cs, 2, "empty validator address");
export const ErrNoValidatorFound = register(cs, 3, "validator does not exist");
export const ErrValidatorOwnerExists = register(cs, 4, "validator already exist for this operator address; must use new validator operator address");
export const ErrValidatorPubKeyExists = register(cs, 5, "validator already exist for this pubkey; must use new validator pubkey");
export const ErrValidatorPubKeyTypeNotSupported = register(cs, 6, "validator pubkey type is not supported");
export const ErrValidatorJailed = register(cs, 7, "validator for this address is currently jailed");
export const ErrCommissionNegative = register(cs, 9, "commission must be positive");
export const ErrCommissionHuge = register(cs, 10, "commission cannot be more than 100%");
export const ErrCommissionGTMaxRate = register(cs, 11, "commission cannot be more than the max rate");
export const ErrCommissionUpdateTime = register(cs, 12, "commission cannot be changed more than once in 24h");
export const ErrCommissionChangeRateNegative = register(cs, 13, "commission change rate must be positive");
export const ErrCommissionChangeRateGTMaxRate = register(cs, 14, "commission change rate cannot be more than the max rate");
export const ErrCommissionGTMaxChangeRate = register(cs, 15, "commission cannot be changed more than max change rate");
export const ErrSelfDelegationBelowMinimum = register(cs, 16, "validator's self delegation must be greater than their minimum self delegation");
export const ErrMinSelfDelegationDecreased = register(cs, 17, "minimum self delegation cannot be decrease");
export const ErrNoDelegation = register(cs, 19, "no delegation for (address, validator) tuple");
export const ErrInsufficientShares = register(cs, 22, "insufficient delegation shares");
export const ErrNotEnoughDelegationShares = register(cs, 24, "not enough delegation shares");
export const ErrNoUnbondingDelegation = register(cs, 26, "no unbonding delegation found");
export const ErrMaxUnbondingDelegationEntries = register(cs, 27, "too many unbonding delegation entries for (delegator, validator) tuple");
export const ErrNoRedelegation = register(cs, 28, "no redelegation found");
export const ErrSelfRedelegation = register(cs, 29, "cannot redelegate to the same validator");
export const ErrTinyRedelegationAmount = register(cs, 30, "too few tokens to redelegate (truncates to zero tokens)");
export const ErrBadRedelegationDst = register(cs, 31, "redelegation destination validator not found");
export const ErrTransitiveRedelegation = register(
  cs,
  32,
  "redelegation to this validator already in progress; first redelegation to this validator must complete before next redelegation",
);
export const ErrMaxRedelegationEntries = register(cs, 33, "too many redelegation entries for (delegator, src-validator, dst-validator) tuple");
export const ErrDelegatorShareExRateInvalid = register(cs, 34, "cannot delegate to validators with invalid (zero) ex-rate");
export const ErrEmptyValidatorPubKey = register(cs, 39, "empty validator public key");
export const ErrCommissionLTMinRate = register(cs, 40, "commission cannot be less than min rate");
export const ErrInvalidSigner = register(cs, 43, "expected authority account as only signer for proposal message");
export const ErrBadRedelegationSrc = register(cs, 44, "redelegation source validator not found");
export const ErrBadDenom = register(cs, 46, "invalid coin denomination");

/** Description field limits, as the SDK's. */
export const MAX_MONIKER_LENGTH = 70;
export const MAX_IDENTITY_LENGTH = 3000;
export const MAX_WEBSITE_LENGTH = 140;
export const MAX_SECURITY_CONTACT_LENGTH = 140;
export const MAX_DETAILS_LENGTH = 280;

/** The SDK's defaults (21 days of unbonding, 100 validators, 7 entries), bonding uagora. */
export function defaultStakingParams(): Params {
  return {
    unbondingTime: { seconds: 21n * 86_400n, nanos: 0 },
    maxValidators: 100,
    maxEntries: 7,
    historicalEntries: 10_000,
    bondDenom: "uagora",
    minCommissionRate: "0",
  };
}

/** Event types and attribute keys as x/staking emits them. */
export const EVENTS = {
  createValidator: "create_validator",
  editValidator: "edit_validator",
  delegate: "delegate",
  unbond: "unbond",
  redelegate: "redelegate",
  cancelUnbondingDelegation: "cancel_unbonding_delegation",
  completeUnbonding: "complete_unbonding",
  completeRedelegation: "complete_redelegation",
} as const;
