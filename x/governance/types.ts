/**
 * Governance names, errors and default parameters. Errors keep the Cosmos SDK's `gov` codespace
 * and codes, so wallets and explorers that know x/gov read them unchanged.
 */
import type { Params } from "cosmjs-types/cosmos/gov/v1/gov";
import { register } from "../../sdk/types/errors.js";

export const GOVERNANCE_MODULE = "governance";
export const GOVERNANCE_STORE = "governance";
/** The module account that holds deposits and is the authority of privileged messages. */
export const GOV_ACCOUNT = "gov";

const cs = "gov";
export const ErrUnknownProposal = register(cs, 2, "unknown proposal");
export const ErrInactiveProposal = register(cs, 3, "inactive proposal");
export const ErrInvalidProposalContent = register(cs, 5, "invalid proposal content");
export const ErrInvalidVote = register(cs, 7, "invalid vote option");
export const ErrInvalidGenesis = register(cs, 8, "invalid genesis state");
export const ErrUnroutableProposalMsg = register(cs, 10, "proposal message not recognized by router");
export const ErrInvalidProposalMsg = register(cs, 12, "invalid proposal message");
export const ErrInvalidSigner = register(cs, 13, "expected gov account as only signer for proposal message");
export const ErrMetadataTooLong = register(cs, 15, "metadata too long");
export const ErrMinDepositTooSmall = register(cs, 16, "minimum deposit is too small");
export const ErrInvalidProposer = register(cs, 18, "invalid proposer");
export const ErrVotingPeriodEnded = register(cs, 20, "voting period already ended");
export const ErrInvalidProposal = register(cs, 21, "invalid proposal");
export const ErrSummaryTooLong = register(cs, 22, "summary too long");
export const ErrInvalidDepositDenom = register(cs, 23, "invalid deposit denom");

export const MAX_METADATA_LENGTH = 255;
export const MAX_TITLE_LENGTH = 255;
export const MAX_SUMMARY_LENGTH = 10_200;

const DAY = 86_400n;

/** The SDK's defaults, with amounts in uagora (1 AGORA = 10^6 uagora). */
export function defaultGovParams(): Params {
  return {
    minDeposit: [{ denom: "uagora", amount: "10000000" }],
    maxDepositPeriod: { seconds: 2n * DAY, nanos: 0 },
    votingPeriod: { seconds: 2n * DAY, nanos: 0 },
    quorum: "0.334000000000000000",
    threshold: "0.500000000000000000",
    vetoThreshold: "0.334000000000000000",
    minInitialDepositRatio: "0.000000000000000000",
    proposalCancelRatio: "0.500000000000000000",
    proposalCancelDest: "",
    expeditedVotingPeriod: { seconds: DAY, nanos: 0 },
    expeditedThreshold: "0.667000000000000000",
    expeditedMinDeposit: [{ denom: "uagora", amount: "50000000" }],
    burnVoteQuorum: false,
    burnProposalDepositPrevote: false,
    burnVoteVeto: true,
    minDepositRatio: "0.010000000000000000",
  };
}

/** Event types and values as x/gov emits them. */
export const EVENTS = {
  submitProposal: "submit_proposal",
  proposalDeposit: "proposal_deposit",
  proposalVote: "proposal_vote",
  activeProposal: "active_proposal",
  inactiveProposal: "inactive_proposal",
  cancelProposal: "cancel_proposal",
  dropped: "proposal_dropped",
  passed: "proposal_passed",
  rejected: "proposal_rejected",
  failed: "proposal_failed",
  expeditedRejected: "expedited_proposal_rejected",
} as const;
