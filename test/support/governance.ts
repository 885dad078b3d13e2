/**
 * A TestChain with governance on short periods, whose members vote with stake delegated to one
 * validator, and helpers to propose, deposit, vote and read.
 */
import assert from "node:assert/strict";
import { Proposal, ProposalStatus, VoteOption } from "cosmjs-types/cosmos/gov/v1/gov";
import { QueryProposalRequest, QueryProposalResponse, QueryTallyResultRequest, QueryTallyResultResponse } from "cosmjs-types/cosmos/gov/v1/query";
import { MsgDeposit, MsgSubmitProposal, MsgVote, MsgVoteWeighted } from "cosmjs-types/cosmos/gov/v1/tx";
import type { Event, ExecTxResult } from "cosmjs-types/tendermint/abci/types";
import { fromAccAddress } from "../../sdk/types/address.js";
import { TestChain } from "./chain.js";
import { signTx, testAccount, type TestAccount } from "./signing.js";
import { consensusKey, createValidatorMsg, delegateMsg, STAKING_TEST_PARAMS, valoper } from "./staking.js";

export const GOV_TEST_PARAMS = {
  min_deposit: [{ denom: "uagora", amount: "1000" }],
  expedited_min_deposit: [{ denom: "uagora", amount: "5000" }],
  max_deposit_period: "10s",
  voting_period: "10s",
  expedited_voting_period: "5s",
  min_deposit_ratio: "0.000000000000000000",
};

export interface Member extends TestAccount {
  number: bigint;
  sequence: bigint;
}

export interface GovChainOptions {
  /** Members' liquid uagora (deposits, sends); default: as much as each one's stake. */
  balances?: bigint[];
  /** The validator operator's self-delegation (default 1uagora: next to nothing of its own). */
  selfBond?: bigint;
  /** Staking params beyond STAKING_TEST_PARAMS (e.g. max_validators). */
  staking?: Record<string, unknown>;
}

export interface EncodedMsg {
  typeUrl: string;
  value: Uint8Array;
}

export class GovChain {
  private constructor(
    public chain: TestChain,
    readonly members: Member[],
    /** The operator of the validator every member delegates to; it votes for those who do not. */
    readonly operator: Member,
  ) {}

  /** Closes the app and opens it again on the same home, as a node restarted (maybe as a new binary: `options`). */
  async reopen(options: Parameters<typeof TestChain.open>[3] = {}): Promise<void> {
    await this.chain.close();
    this.chain = TestChain.open(this.chain.home, this.chain.chainId, "", options);
  }

  /**
   * Members 0..n-1, member i with `stakes[i]` uagora delegated to the chain's one validator (its
   * voting power) and liquid uagora besides; `params` override GOV_TEST_PARAMS. The validator is
   * created and the delegations made in block 1, through the staking messages; it is bonded when
   * its tokens reach one unit of consensus power (10^6 uagora).
   */
  static async open(stakes: bigint[], params: Record<string, unknown> = {}, options: GovChainOptions = {}): Promise<GovChain> {
    const balances = options.balances ?? stakes;
    const selfBond = options.selfBond ?? 1n;
    const members: Member[] = [];
    for (const [i] of stakes.entries()) members.push({ ...(await testAccount(100 + i)), number: BigInt(i), sequence: 0n });
    const operator: Member = { ...(await testAccount(99)), number: BigInt(stakes.length), sequence: 0n };
    const everyone = [...members, operator];
    const funds = [...members.map((_, i) => stakes[i]! + balances[i]!), selfBond];
    const chain = TestChain.open();
    chain.initChain({
      auth: { accounts: everyone.map((m) => ({ "@type": "/cosmos.auth.v1beta1.BaseAccount", address: m.address, account_number: String(m.number), sequence: "0" })) },
      bank: { balances: everyone.map((m, i) => ({ address: m.address, coins: [{ denom: "uagora", amount: funds[i]!.toString() }] })) },
      staking: { params: { ...STAKING_TEST_PARAMS, ...options.staking } },
      governance: { params: { ...GOV_TEST_PARAMS, ...params } },
    });
    const gov = new GovChain(chain, members, operator);
    const validator = valoper(operator.address);
    const txs = [await gov.sign(operator, [createValidatorMsg(operator.address, selfBond, consensusKey(0))])];
    for (const [i, member] of members.entries()) if (stakes[i]! > 0n) txs.push(await gov.sign(member, [delegateMsg(member.address, validator, stakes[i]!)]));
    const results = chain.block(txs).results;
    results.forEach((r, i) => assert.equal(r.code, 0, `staking setup tx ${i} failed: ${r.log}`));
    for (const m of everyone) gov.syncSequence(m);
    return gov;
  }

  /** The validator's operator address (agoravaloper...). */
  get validator(): string {
    return valoper(this.operator.address);
  }

  private sign(from: Member, msgs: EncodedMsg[]): Promise<Uint8Array> {
    return signTx(from, msgs, { chainId: this.chain.chainId, accountNumber: from.number, sequence: from.sequence, fee: [] });
  }

  /** Reads `member`'s sequence from state: a tx refused before its fee (stateless checks) does not use one up. */
  private syncSequence(member: Member): void {
    member.sequence = this.chain.app.accounts.getAccount(this.chain.app.base.queryContext(), fromAccAddress(member.address))!.sequence;
  }

  get authority(): string {
    return this.chain.app.gov.authority;
  }

  /** One block with one fee-less tx from `from`; returns its result. */
  async tx(from: Member, msgs: EncodedMsg[]): Promise<ExecTxResult> {
    const result = this.chain.block([await this.sign(from, msgs)]).results[0]!;
    this.syncSequence(from);
    return result;
  }

  /** Submits a proposal carrying `messages`; returns its id (throws with the log when refused). */
  async propose(from: Member, messages: EncodedMsg[], deposit: bigint, opts: { expedited?: boolean } = {}): Promise<bigint> {
    const msg = MsgSubmitProposal.fromPartial({
      messages,
      initialDeposit: deposit > 0n ? [{ denom: "uagora", amount: deposit.toString() }] : [],
      proposer: from.address,
      title: "A proposal",
      summary: "What it changes and why",
      expedited: opts.expedited ?? false,
    });
    const result = await this.tx(from, [{ typeUrl: MsgSubmitProposal.typeUrl, value: MsgSubmitProposal.encode(msg).finish() }]);
    if (result.code !== 0) throw new Error(`proposal refused (${result.codespace} ${result.code}): ${result.log}`);
    return this.lastProposalId();
  }

  lastProposalId(): bigint {
    return this.chain.app.gov.peekProposalId(this.chain.app.base.queryContext()) - 1n;
  }

  deposit(from: Member, id: bigint, amount: bigint): Promise<ExecTxResult> {
    const msg = MsgDeposit.fromPartial({ proposalId: id, depositor: from.address, amount: [{ denom: "uagora", amount: amount.toString() }] });
    return this.tx(from, [{ typeUrl: MsgDeposit.typeUrl, value: MsgDeposit.encode(msg).finish() }]);
  }

  vote(from: Member, id: bigint, option: VoteOption): Promise<ExecTxResult> {
    const msg = MsgVote.fromPartial({ proposalId: id, voter: from.address, option });
    return this.tx(from, [{ typeUrl: MsgVote.typeUrl, value: MsgVote.encode(msg).finish() }]);
  }

  weightedVote(from: Member, id: bigint, options: [VoteOption, string][]): Promise<ExecTxResult> {
    const msg = MsgVoteWeighted.fromPartial({ proposalId: id, voter: from.address, options: options.map(([option, weight]) => ({ option, weight })) });
    return this.tx(from, [{ typeUrl: MsgVoteWeighted.typeUrl, value: MsgVoteWeighted.encode(msg).finish() }]);
  }

  /** Empty blocks (one second apart) until `seconds` have passed; returns the end-block events. */
  advance(seconds: number): Event[] {
    const events: Event[] = [];
    for (let i = 0; i < seconds; i++) events.push(...this.chain.block([]).events);
    return events;
  }

  proposal(id: bigint): Proposal {
    const res = this.chain.query("/cosmos.gov.v1.Query/Proposal", QueryProposalRequest.encode({ proposalId: id }).finish());
    if (res.code !== 0) throw new Error(`proposal query failed (${res.code}): ${res.log}`);
    return QueryProposalResponse.decode(res.value).proposal!;
  }

  /** The proposal's status, or "deleted" once it is gone (dropped or cancelled). */
  status(id: bigint): string {
    const res = this.chain.query("/cosmos.gov.v1.Query/Proposal", QueryProposalRequest.encode({ proposalId: id }).finish());
    return res.code === 0 ? ProposalStatus[QueryProposalResponse.decode(res.value).proposal!.status] : "deleted";
  }

  tally(id: bigint) {
    const res = this.chain.query("/cosmos.gov.v1.Query/TallyResult", QueryTallyResultRequest.encode({ proposalId: id }).finish());
    if (res.code !== 0) throw new Error(`tally query failed (${res.code}): ${res.log}`);
    return QueryTallyResultResponse.decode(res.value).tally!;
  }

  supply(): bigint {
    return this.chain.app.bank.getSupply(this.chain.app.base.queryContext(), "uagora");
  }

  destroy(): Promise<void> {
    return this.chain.destroy();
  }
}
