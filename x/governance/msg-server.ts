/** The cosmos.gov.v1 Msg service: thin handlers that check, call the keeper and emit events. */
import { requireAuthority } from "../../sdk/types/authority.js";
import { ProposalStatus, VoteOption, type WeightedVoteOption } from "cosmjs-types/cosmos/gov/v1/gov";
import {
  MsgCancelProposal,
  MsgCancelProposalResponse,
  MsgDeposit,
  MsgDepositResponse,
  MsgSubmitProposal,
  MsgSubmitProposalResponse,
  MsgUpdateParams,
  MsgUpdateParamsResponse,
  MsgVote,
  MsgVoteResponse,
  MsgVoteWeighted,
  MsgVoteWeightedResponse,
} from "cosmjs-types/cosmos/gov/v1/tx";
import type { Any } from "cosmjs-types/google/protobuf/any";
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { Coins } from "../../sdk/types/coins.js";
import type { Context } from "../../sdk/types/context.js";
import { ErrInvalidCoins } from "../../sdk/types/sdk-errors.js";
import { DEC_ONE, formatDec, parseDec } from "../../sdk/types/dec.js";
import type { GovKeeper } from "./keeper.js";
import { validateParams } from "./params.js";
import { toNanos } from "../../sdk/types/time.js";
import {
  ErrInvalidDepositDenom,
  ErrInvalidProposal,
  ErrInvalidProposalContent,
  ErrInvalidProposer,
  ErrInvalidSigner,
  ErrInvalidVote,
  ErrMetadataTooLong,
  ErrMinDepositTooSmall,
  ErrSummaryTooLong,
  ErrUnroutableProposalMsg,
  ErrVotingPeriodEnded,
  EVENTS,
  GOVERNANCE_MODULE,
  MAX_METADATA_LENGTH,
  MAX_SUMMARY_LENGTH,
  MAX_TITLE_LENGTH,
} from "./types.js";

function depositCoins(coins: readonly { denom: string; amount: string }[], what: string): Coins {
  const parsed = Coins.fromProto(coins);
  if (parsed.list.length !== coins.length) throw ErrInvalidCoins.wrap(`${what} must not contain zero amounts`);
  return parsed;
}

function checkMetadata(metadata: string): void {
  if (metadata.length > MAX_METADATA_LENGTH) throw ErrMetadataTooLong.wrap(`metadata is ${metadata.length} characters, at most ${MAX_METADATA_LENGTH}`);
}

/** Vote options: each known, each once, weights positive and summing to exactly 1. */
function checkOptions(options: WeightedVoteOption[]): void {
  if (options.length === 0) throw ErrInvalidVote.wrap("no vote options given");
  const seen = new Set<VoteOption>();
  let sum = 0n;
  for (const o of options) {
    if (!isVoteOption(o.option)) throw ErrInvalidVote.wrap(`unknown vote option ${o.option}`);
    if (seen.has(o.option)) throw ErrInvalidVote.wrap(`duplicate vote option ${o.option}`);
    seen.add(o.option);
    const weight = parseDec(o.weight, "vote weight");
    if (weight <= 0n || weight > DEC_ONE) throw ErrInvalidVote.wrap(`vote weight ${o.weight} must be in (0, 1]`);
    sum += weight;
  }
  if (sum !== DEC_ONE) throw ErrInvalidVote.wrap(`vote weights must sum to 1, got ${formatDec(sum)}`);
}

function isVoteOption(option: VoteOption): boolean {
  return option >= VoteOption.VOTE_OPTION_YES && option <= VoteOption.VOTE_OPTION_NO_WITH_VETO;
}

/** Weights in the canonical 18-digit form, so stored votes do not depend on how they were typed. */
function canonical(options: WeightedVoteOption[]): WeightedVoteOption[] {
  return options.map((o) => ({ option: o.option, weight: formatDec(parseDec(o.weight)) }));
}

/**
 * Checks a proposal's messages against the router: each must be routable, pass its own stateless
 * checks, and be signed by the gov authority alone.
 */
export function checkProposalMessages(router: MsgRouter, authority: string, messages: Any[]): void {
  for (const [index, any] of messages.entries()) {
    const route = router.route(any.typeUrl);
    if (!route) throw ErrUnroutableProposalMsg.wrap(`message ${index}: ${any.typeUrl} is not a message type this chain handles`);
    const msg = route.type.decode(any.value);
    const signers = route.signers(msg);
    if (signers.length !== 1 || signers[0] !== authority) {
      throw ErrInvalidSigner.wrap(`message ${index} (${any.typeUrl}) is signed by ${signers.join(",") || "nobody"}, but must be signed by the gov authority ${authority} alone`);
    }
    route.validateBasic?.(msg);
  }
}

export function registerGovMsgs(router: MsgRouter, keeper: GovKeeper): void {
  keeper.router = router;
  router.register({
    module: GOVERNANCE_MODULE,
    type: MsgSubmitProposal,
    responseType: MsgSubmitProposalResponse,
    signers: (msg) => [msg.proposer],
    validateBasic(msg) {
      fromAccAddress(msg.proposer);
      depositCoins(msg.initialDeposit, "initial deposit");
      checkMetadata(msg.metadata);
      if (msg.title.trim() === "") throw ErrInvalidProposalContent.wrap("proposal title cannot be empty");
      if (msg.title.length > MAX_TITLE_LENGTH) throw ErrInvalidProposalContent.wrap(`title is ${msg.title.length} characters, at most ${MAX_TITLE_LENGTH}`);
      if (msg.summary.trim() === "") throw ErrInvalidProposalContent.wrap("proposal summary cannot be empty");
      if (msg.summary.length > MAX_SUMMARY_LENGTH) throw ErrSummaryTooLong.wrap(`summary is ${msg.summary.length} characters, at most ${MAX_SUMMARY_LENGTH}`);
    },
    handle(ctx, msg) {
      checkProposalMessages(router, keeper.authority, msg.messages);
      const params = keeper.getParams(ctx);
      const initial = depositCoins(msg.initialDeposit, "initial deposit");
      checkDepositDenoms(keeper, ctx, initial);
      const ratio = parseDec(params.minInitialDepositRatio, "min_initial_deposit_ratio");
      const needed = Coins.of(keeper.minDeposit(params, msg.expedited).list.map((c) => ({ denom: c.denom, amount: (c.amount * ratio) / DEC_ONE })));
      if (!initial.isAllGTE(needed)) throw ErrMinDepositTooSmall.wrap(`initial deposit ${initial.toString() || "0"} is smaller than ${needed} (min_initial_deposit_ratio ${params.minInitialDepositRatio} of the minimum deposit)`);
      const proposal = keeper.createProposal(ctx, { messages: msg.messages, metadata: msg.metadata, title: msg.title, summary: msg.summary, proposer: msg.proposer, expedited: msg.expedited });
      ctx.events.emit(EVENTS.submitProposal, {
        proposal_id: String(proposal.id),
        proposal_proposer: msg.proposer,
        proposal_messages: msg.messages.map((m) => "," + m.typeUrl).join(""),
      });
      if (!initial.isZero()) keeper.addDeposit(ctx, proposal.id, fromAccAddress(msg.proposer), initial);
      return { proposalId: proposal.id };
    },
  });
  router.register({
    module: GOVERNANCE_MODULE,
    type: MsgDeposit,
    responseType: MsgDepositResponse,
    signers: (msg) => [msg.depositor],
    validateBasic(msg) {
      fromAccAddress(msg.depositor);
      if (depositCoins(msg.amount, "deposit").isZero()) throw ErrInvalidCoins.wrap("deposit amount must be positive");
    },
    handle(ctx, msg) {
      const amount = depositCoins(msg.amount, "deposit");
      checkDepositDenoms(keeper, ctx, amount);
      checkMinDepositRatio(keeper, ctx, amount);
      keeper.addDeposit(ctx, msg.proposalId, fromAccAddress(msg.depositor), amount);
      return {};
    },
  });
  router.register({
    module: GOVERNANCE_MODULE,
    type: MsgVote,
    responseType: MsgVoteResponse,
    signers: (msg) => [msg.voter],
    validateBasic(msg) {
      fromAccAddress(msg.voter);
      checkMetadata(msg.metadata);
      if (!isVoteOption(msg.option)) throw ErrInvalidVote.wrap(`unknown vote option ${msg.option}; expected yes, abstain, no or no_with_veto`);
    },
    handle(ctx, msg) {
      keeper.vote(ctx, msg.proposalId, fromAccAddress(msg.voter), [{ option: msg.option, weight: formatDec(DEC_ONE) }], msg.metadata);
      return {};
    },
  });
  router.register({
    module: GOVERNANCE_MODULE,
    type: MsgVoteWeighted,
    responseType: MsgVoteWeightedResponse,
    signers: (msg) => [msg.voter],
    validateBasic(msg) {
      fromAccAddress(msg.voter);
      checkMetadata(msg.metadata);
      checkOptions(msg.options);
    },
    handle(ctx, msg) {
      keeper.vote(ctx, msg.proposalId, fromAccAddress(msg.voter), canonical(msg.options), msg.metadata);
      return {};
    },
  });
  router.register({
    module: GOVERNANCE_MODULE,
    type: MsgUpdateParams,
    responseType: MsgUpdateParamsResponse,
    signers: (msg) => [msg.authority],
    validateBasic(msg) {
      validateParams(msg.params);
    },
    handle(ctx, msg) {
      requireAuthority(keeper.authority, msg.authority);
      keeper.params.set(ctx, msg.params);
      return {};
    },
  });
  router.register({
    module: GOVERNANCE_MODULE,
    type: MsgCancelProposal,
    responseType: MsgCancelProposalResponse,
    signers: (msg) => [msg.proposer],
    validateBasic(msg) {
      fromAccAddress(msg.proposer);
    },
    handle(ctx, msg) {
      const proposal = keeper.getProposal(ctx, msg.proposalId);
      if (proposal.proposer !== msg.proposer) throw ErrInvalidProposer.wrap(`only the proposer ${proposal.proposer} can cancel proposal ${proposal.id}`);
      if (proposal.status !== ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD && proposal.status !== ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD) {
        throw ErrInvalidProposal.wrap(`proposal ${proposal.id} should be in the deposit or voting period`);
      }
      if (proposal.votingEndTime && toNanos(proposal.votingEndTime) < toNanos(ctx.block.time)) {
        throw ErrVotingPeriodEnded.wrap(`voting period of proposal ${proposal.id} already ended`);
      }
      const params = keeper.getParams(ctx);
      keeper.chargeDeposits(ctx, proposal.id, params.proposalCancelDest, params.proposalCancelRatio);
      keeper.deleteVotes(ctx, proposal.id);
      keeper.deleteProposal(ctx, proposal);
      ctx.events.emit(EVENTS.cancelProposal, { sender: msg.proposer, proposal_id: String(proposal.id) });
      return { proposalId: proposal.id, canceledTime: { seconds: ctx.block.time.seconds, nanos: ctx.block.time.nanos }, canceledHeight: ctx.block.height };
    },
  });
}

/** Deposits may only be in the denoms of the minimum deposit. */
function checkDepositDenoms(keeper: GovKeeper, ctx: Context, amount: Coins): void {
  const params = keeper.getParams(ctx);
  const allowed = new Set([...params.minDeposit, ...params.expeditedMinDeposit].map((c) => c.denom));
  for (const c of amount.list) {
    if (!allowed.has(c.denom)) throw ErrInvalidDepositDenom.wrap(`deposited ${c.denom}, but only ${[...allowed].join(", ")} is accepted`);
  }
}

/** A deposit must be at least min_deposit_ratio of the minimum deposit in some denom, against dust. */
function checkMinDepositRatio(keeper: GovKeeper, ctx: Context, amount: Coins): void {
  const params = keeper.getParams(ctx);
  const ratio = parseDec(params.minDepositRatio || "0", "min_deposit_ratio");
  if (ratio === 0n) return;
  const minimum = Coins.fromProto(params.minDeposit);
  const enough = minimum.list.some((c) => amount.amountOf(c.denom) >= (c.amount * ratio) / DEC_ONE);
  if (!enough) {
    const needed = minimum.list.map((c) => `${(c.amount * ratio) / DEC_ONE}${c.denom}`).join(" or ");
    throw ErrMinDepositTooSmall.wrap(`deposit ${amount} is smaller than ${needed} (min_deposit_ratio ${params.minDepositRatio} of the minimum deposit)`);
  }
}
