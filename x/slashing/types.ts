/**
 * Slashing names, errors and default parameters. Errors keep the Cosmos SDK's `slashing`
 * codespace and codes, so wallets and explorers that know x/slashing read them unchanged.
 */
import { register } from "../../sdk/types/errors.js";

export const SLASHING_MODULE = "slashing";
export const SLASHING_STORE = "slashing";

const cs = "slashing";
export const ErrNoValidatorForAddress = register(cs, 2, "address is not associated with any known validator");
export const ErrBadValidatorAddr = register(cs, 3, "validator does not exist for that address");
export const ErrValidatorJailed = register(cs, 4, "validator still jailed; cannot be unjailed");
export const ErrValidatorNotJailed = register(cs, 5, "validator not jailed; cannot be unjailed");
export const ErrMissingSelfDelegation = register(cs, 6, "validator has no self-delegation; cannot be unjailed");
export const ErrSelfDelegationTooLowToUnjail = register(cs, 7, "validator's self delegation less than minimum; cannot be unjailed");
export const ErrNoSigningInfoFound = register(cs, 8, "no validator signing info found");

/** Blocks between a validator set change and CometBFT using it (the SDK's ValidatorUpdateDelay). */
export const VALIDATOR_UPDATE_DELAY = 1n;

/** Params as plain values: decimals are LegacyDec units (10^-18), durations nanoseconds. */
export interface SlashingParams {
  signedBlocksWindow: bigint;
  minSignedPerWindow: bigint;
  downtimeJailDurationNanos: bigint;
  slashFractionDoubleSign: bigint;
  slashFractionDowntime: bigint;
}

const DEC = 10n ** 18n;

/**
 * Agora's defaults: a 100-block window (the SDK's default too), at least half of it signed, 600 s
 * in jail for downtime, 1% slashed for downtime and 5% for double signing.
 */
export function defaultSlashingParams(): SlashingParams {
  return {
    signedBlocksWindow: 100n,
    minSignedPerWindow: DEC / 2n,
    downtimeJailDurationNanos: 600n * 1_000_000_000n,
    slashFractionDoubleSign: DEC / 20n,
    slashFractionDowntime: DEC / 100n,
  };
}

/** Event types and attribute values as x/slashing emits them. */
export const EVENTS = {
  slash: "slash",
  liveness: "liveness",
  reasonMissingSignature: "missing_signature",
  reasonDoubleSign: "double_sign",
} as const;
