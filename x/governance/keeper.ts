/**
 * The governance keeper: proposals, their deposits and votes, the queues that end deposit and
 * voting periods, and the params. Deposits are held by the `gov` module account.
 */
import { Deposit, Params, Proposal, ProposalStatus, Vote, type WeightedVoteOption } from "cosmjs-types/cosmos/gov/v1/gov";
import type { MsgRouter } from "../../sdk/baseapp/msg-router.js";
import { bytesKey, pairKey, protoValue, stringValue, uint64Key, uint64Value } from "../../sdk/collections/codecs.js";
import { Schema, type StoreSource } from "../../sdk/collections/collections.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import { Coins } from "../../sdk/types/coins.js";
import type { Context } from "../../sdk/types/context.js";
import { DEC_ONE, parseDec } from "../../sdk/types/dec.js";
import type { GovAccountKeeper, GovBankKeeper, GovStakingKeeper } from "./expected-keepers.js";
import { addDuration, toNanos } from "../../sdk/types/time.js";
import { defaultGovParams, ErrInactiveProposal, ErrUnknownProposal, EVENTS, GOV_ACCOUNT, GOVERNANCE_STORE } from "./types.js";


/** A queue entry: (end time in nanoseconds, proposal id), so iteration is by end time. */
const queueKey = pairKey(uint64Key, uint64Key);

export interface GovKeeperOptions {
  /** Bech32 address of the gov module account: the only signer a proposal's messages may have. */
  authority: string;
  /** Bech32 prefix of validator operator addresses: a voter whose address it is votes as that validator. */
  validatorPrefix: string;
}

export class GovKeeper {
  private readonly schema = new Schema(GOVERNANCE_STORE);
  readonly proposals = this.schema.map(0x00, "proposals", uint64Key, protoValue(Proposal));
  readonly activeQueue = this.schema.map(0x01, "active_queue", queueKey, uint64Value);
  readonly inactiveQueue = this.schema.map(0x02, "inactive_queue", queueKey, uint64Value);
  readonly nextProposalId = this.schema.item(0x03, "next_proposal_id", uint64Value);
  readonly deposits = this.schema.map(0x10, "deposits", pairKey(uint64Key, bytesKey), protoValue(Deposit));
  readonly votes = this.schema.map(0x20, "votes", pairKey(uint64Key, bytesKey), protoValue(Vote));
  readonly params = this.schema.item(0x30, "params", protoValue(Params));
  readonly constitution = this.schema.item(0x31, "constitution", stringValue);
  /** Set when the module registers its messages: proposals' messages are checked and run through it. */
  router!: MsgRouter;

  constructor(
    readonly accounts: GovAccountKeeper,
    readonly bank: GovBankKeeper,
    /** Voting power is stake, read at the tally (tally.ts). */
    readonly staking: GovStakingKeeper,
    readonly options: GovKeeperOptions,
  ) {}

  get authority(): string {
    return this.options.authority;
  }

  getParams(ctx: StoreSource): Params {
    return this.params.get(ctx) ?? defaultGovParams();
  }

  peekProposalId(ctx: StoreSource): bigint {
    return this.nextProposalId.get(ctx) ?? 1n;
  }

  getProposal(ctx: StoreSource, id: bigint): Proposal {
    const proposal = this.proposals.get(ctx, id);
    if (!proposal) throw ErrUnknownProposal.wrap(`proposal ${id} does not exist`);
    return proposal;
  }

  /** Stores a new proposal in its deposit period; the caller adds the initial deposit. */
  createProposal(ctx: Context, fields: Pick<Proposal, "messages" | "metadata" | "title" | "summary" | "proposer" | "expedited">): Proposal {
    const id = this.peekProposalId(ctx);
    this.nextProposalId.set(ctx, id + 1n);
    const params = this.getParams(ctx);
    const submitTime = { seconds: ctx.block.time.seconds, nanos: ctx.block.time.nanos };
    const proposal: Proposal = Proposal.fromPartial({
      ...fields,
      id,
      status: ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD,
      submitTime,
      depositEndTime: addDuration(submitTime, params.maxDepositPeriod),
      totalDeposit: [],
      failedReason: "",
    });
    this.proposals.set(ctx, id, proposal);
    this.inactiveQueue.set(ctx, [toNanos(proposal.depositEndTime!), id], id);
    return proposal;
  }

  /** The deposit that moves a proposal of this kind to voting. */
  minDeposit(params: Params, expedited: boolean): Coins {
    return Coins.fromProto(expedited ? params.expeditedMinDeposit : params.minDeposit);
  }

  /**
   * Moves `amount` from the depositor to the gov account and records it; starts the voting period
   * when the total reaches the minimum deposit. Returns whether voting started.
   */
  addDeposit(ctx: Context, id: bigint, depositor: Uint8Array, amount: Coins): boolean {
    const proposal = this.getProposal(ctx, id);
    if (proposal.status !== ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD && proposal.status !== ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD) {
      throw ErrInactiveProposal.wrap(`proposal ${id} is not in its deposit or voting period`);
    }
    this.bank.sendCoinsFromAccountToModule(ctx, depositor, GOV_ACCOUNT, amount);
    const total = Coins.fromProto(proposal.totalDeposit).add(amount);
    proposal.totalDeposit = total.toProto();
    const previous = this.deposits.get(ctx, [id, depositor]);
    const deposited = previous ? Coins.fromProto(previous.amount).add(amount) : amount;
    this.deposits.set(ctx, [id, depositor], { proposalId: id, depositor: toAccAddress(depositor), amount: deposited.toProto() });
    ctx.events.emit(EVENTS.proposalDeposit, { amount: amount.toString(), proposal_id: String(id), depositor: toAccAddress(depositor) });
    const activates =
      proposal.status === ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD && total.isAllGTE(this.minDeposit(this.getParams(ctx), proposal.expedited));
    if (activates) this.startVoting(ctx, proposal);
    else this.proposals.set(ctx, id, proposal);
    return activates;
  }

  private startVoting(ctx: Context, proposal: Proposal): void {
    const params = this.getParams(ctx);
    this.inactiveQueue.delete(ctx, [toNanos(proposal.depositEndTime!), proposal.id]);
    proposal.status = ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD;
    proposal.votingStartTime = { seconds: ctx.block.time.seconds, nanos: ctx.block.time.nanos };
    proposal.votingEndTime = addDuration(proposal.votingStartTime, proposal.expedited ? params.expeditedVotingPeriod : params.votingPeriod);
    this.proposals.set(ctx, proposal.id, proposal);
    this.activeQueue.set(ctx, [toNanos(proposal.votingEndTime), proposal.id], proposal.id);
    ctx.events.emit(EVENTS.submitProposal, { voting_period_start: String(proposal.id) });
  }

  /** Records (or replaces) a vote; only the last vote of a voter counts. */
  vote(ctx: Context, id: bigint, voter: Uint8Array, options: WeightedVoteOption[], metadata: string): void {
    const proposal = this.getProposal(ctx, id);
    if (proposal.status !== ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD) {
      throw ErrInactiveProposal.wrap(`proposal ${id} is not in its voting period`);
    }
    this.votes.set(ctx, [id, voter], { proposalId: id, voter: toAccAddress(voter), options, metadata });
    ctx.events.emit(EVENTS.proposalVote, { voter: toAccAddress(voter), option: JSON.stringify(options.map((o) => ({ option: o.option, weight: o.weight }))), proposal_id: String(id) });
  }

  /** Deposits of one proposal, in store order. */
  *proposalDeposits(ctx: StoreSource, id: bigint): Generator<[Uint8Array, Deposit]> {
    for (const [[, depositor], deposit] of this.deposits.entries(ctx, uint64Key.encodeNonTerminal(id))) yield [depositor, deposit];
  }

  *proposalVotes(ctx: StoreSource, id: bigint): Generator<[Uint8Array, Vote]> {
    for (const [[, voter], vote] of this.votes.entries(ctx, uint64Key.encodeNonTerminal(id))) yield [voter, vote];
  }

  refundAndDeleteDeposits(ctx: Context, id: bigint): void {
    for (const [depositor, deposit] of [...this.proposalDeposits(ctx, id)]) {
      this.bank.sendCoinsFromModuleToAccount(ctx, GOV_ACCOUNT, depositor, Coins.fromProto(deposit.amount));
      this.deposits.delete(ctx, [id, depositor]);
    }
  }

  deleteAndBurnDeposits(ctx: Context, id: bigint): void {
    let total = Coins.EMPTY;
    for (const [depositor, deposit] of [...this.proposalDeposits(ctx, id)]) {
      total = total.add(Coins.fromProto(deposit.amount));
      this.deposits.delete(ctx, [id, depositor]);
    }
    if (!total.isZero()) this.bank.burnCoins(ctx, GOV_ACCOUNT, total);
  }

  /**
   * Takes `ratio` of every deposit (burned, or sent to `destination` when set) and refunds the
   * rest, as the SDK does when a proposer cancels.
   */
  chargeDeposits(ctx: Context, id: bigint, destination: string, ratio: string): void {
    const scaledRatio = parseDec(ratio, "proposal_cancel_ratio");
    let charged = Coins.EMPTY;
    for (const [depositor, deposit] of [...this.proposalDeposits(ctx, id)]) {
      const amount = Coins.fromProto(deposit.amount);
      const fee = Coins.of(amount.list.map((c) => ({ denom: c.denom, amount: (c.amount * scaledRatio) / DEC_ONE })));
      const refund = amount.sub(fee);
      if (!refund.isZero()) this.bank.sendCoinsFromModuleToAccount(ctx, GOV_ACCOUNT, depositor, refund);
      charged = charged.add(fee);
      this.deposits.delete(ctx, [id, depositor]);
    }
    if (charged.isZero()) return;
    if (destination === "") this.bank.burnCoins(ctx, GOV_ACCOUNT, charged);
    else this.bank.sendCoins(ctx, this.accounts.moduleAddress(GOV_ACCOUNT), fromAccAddress(destination), charged);
  }

  deleteVotes(ctx: StoreSource, id: bigint): void {
    for (const [voter] of [...this.proposalVotes(ctx, id)]) this.votes.delete(ctx, [id, voter]);
  }

  /** Removes a proposal and its queue entries (deposits and votes are the caller's to settle). */
  deleteProposal(ctx: StoreSource, proposal: Proposal): void {
    if (proposal.depositEndTime) this.inactiveQueue.delete(ctx, [toNanos(proposal.depositEndTime), proposal.id]);
    if (proposal.votingEndTime) this.activeQueue.delete(ctx, [toNanos(proposal.votingEndTime), proposal.id]);
    this.proposals.delete(ctx, proposal.id);
  }

  /** Sum of the deposits held for all proposals: what the gov account must hold. */
  totalDeposits(ctx: StoreSource): Coins {
    let total = Coins.EMPTY;
    for (const [, deposit] of this.deposits.entries(ctx)) total = total.add(Coins.fromProto(deposit.amount));
    return total;
  }
}
