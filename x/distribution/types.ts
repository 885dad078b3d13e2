/**
 * Distribution names, errors and default parameters. Errors keep the Cosmos SDK's `distribution`
 * codespace and codes, so wallets and explorers that know x/distribution read them unchanged.
 */
import type { Params } from "cosmjs-types/cosmos/distribution/v1beta1/distribution";
import { register } from "../../sdk/types/errors.js";

export const DISTRIBUTION_MODULE = "distribution";
export const DISTRIBUTION_STORE = "distribution";
/** The module account holding every reward not yet withdrawn and the community pool. */
export const DISTRIBUTION_ACCOUNT = "distribution";

const cs = "distribution";
export const ErrEmptyDelegatorAddr = register(cs, 2, "delegator address is empty");
export const ErrEmptyWithdrawAddr = register(cs, 3, "withdraw address is empty");
export const ErrEmptyValidatorAddr = register(cs, 4, "validator address is empty");
export const ErrEmptyDelegationDistInfo = register(cs, 5, "no delegation distribution info");
export const ErrNoValidatorDistInfo = register(cs, 6, "no validator distribution info");
export const ErrNoValidatorCommission = register(cs, 7, "no validator commission to withdraw");
export const ErrSetWithdrawAddrDisabled = register(cs, 8, "set withdraw address disabled");
export const ErrBadDistribution = register(cs, 9, "community pool does not have sufficient coins to distribute");
export const ErrInvalidProposalAmount = register(cs, 10, "invalid community pool spend proposal amount");
export const ErrEmptyProposalRecipient = register(cs, 11, "invalid community pool spend proposal recipient");
export const ErrNoValidatorExists = register(cs, 12, "validator does not exist");
export const ErrNoDelegationExists = register(cs, 13, "delegation does not exist");

/** The SDK's defaults: 2% community tax, no proposer rewards (deprecated), withdraw addresses allowed. */
export function defaultDistributionParams(): Params {
  return { communityTax: "20000000000000000", baseProposerReward: "0", bonusProposerReward: "0", withdrawAddrEnabled: true };
}

/** Event types and attribute keys as x/distribution emits them. */
export const EVENTS = {
  rewards: "rewards",
  commission: "commission",
  withdrawRewards: "withdraw_rewards",
  withdrawCommission: "withdraw_commission",
  setWithdrawAddress: "set_withdraw_address",
} as const;
