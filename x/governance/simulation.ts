/**
 * Governance's simulation operations: proposals carrying other modules' authority messages (and
 * ones with a message the authority does not sign, which must be refused), deposits big enough
 * and too small, votes and weighted votes on proposals in their voting period, and votes on
 * unknown or not yet voting proposals. Each proposal's id sets how its voters lean, so over a run
 * some pass (and execute), some are rejected, vetoed, or dropped for lack of deposit.
 */
import { VoteOption, type Params } from "cosmjs-types/cosmos/gov/v1/gov";
import { MsgDeposit, MsgSubmitProposal, MsgUpdateParams, MsgVote, MsgVoteWeighted } from "cosmjs-types/cosmos/gov/v1/tx";
import { failsWith, SUCCEEDS, type SimMsg, type SimView, type WeightedOp, type WeightedProposalMsg } from "../../sdk/simulation/operation.js";
import type { Rand } from "../../sdk/simulation/rand.js";
import { Coins } from "../../sdk/types/coins.js";
import { DEC_ONE, formatDec, parseDec } from "../../sdk/types/dec.js";
import type { GovKeeper } from "./keeper.js";
import { ErrInactiveProposal, ErrInvalidSigner, ErrMinDepositTooSmall, ErrUnknownProposal } from "./types.js";

const msg = <T>(type: { typeUrl: string; encode(m: T): { finish(): Uint8Array } }, value: T): SimMsg => ({ typeUrl: type.typeUrl, value: type.encode(value).finish() });

/** Sane params with periods of a few seconds (blocks, in the simulation), varied by `rand`. */
export function simulationGovParams(rand: Rand): Params {
  const minDeposit = rand.between(1_000_000n, 20_000_000n);
  const votingPeriod = rand.between(5n, 10n);
  return {
    minDeposit: [{ denom: "uagora", amount: minDeposit.toString() }],
    maxDepositPeriod: { seconds: rand.between(3n, 6n), nanos: 0 },
    votingPeriod: { seconds: votingPeriod, nanos: 0 },
    // Turnout in a few blocks of random traffic is low: quorum from 0.15 to the SDK's 0.334.
    quorum: formatDec(rand.between((DEC_ONE * 15n) / 100n, (DEC_ONE * 334n) / 1000n)),
    threshold: "0.500000000000000000",
    vetoThreshold: "0.334000000000000000",
    minInitialDepositRatio: "0.000000000000000000",
    proposalCancelRatio: "0.500000000000000000",
    proposalCancelDest: "",
    expeditedVotingPeriod: { seconds: rand.between(2n, votingPeriod - 1n), nanos: 0 },
    expeditedThreshold: "0.667000000000000000",
    expeditedMinDeposit: [{ denom: "uagora", amount: (minDeposit * 5n).toString() }],
    burnVoteQuorum: rand.int(2) === 0,
    burnProposalDepositPrevote: rand.int(2) === 0,
    burnVoteVeto: true,
    minDepositRatio: "0.010000000000000000",
  };
}

/** Ids of proposals in one of the keeper's queues (deposit or voting period), in end-time order. */
function queued(view: SimView, queue: GovKeeper["activeQueue"]): bigint[] {
  return [...queue.entries(view.ctx)].map(([, id]) => id);
}

/** The option a voter on proposal `id` picks: ids lean yes, no, veto, abstain or nowhere in turn. */
function leaningOption(rand: Rand, id: bigint): VoteOption {
  const lean = [VoteOption.VOTE_OPTION_YES, VoteOption.VOTE_OPTION_YES, VoteOption.VOTE_OPTION_NO, VoteOption.VOTE_OPTION_NO_WITH_VETO, undefined][Number(id % 5n)];
  const any = [VoteOption.VOTE_OPTION_YES, VoteOption.VOTE_OPTION_ABSTAIN, VoteOption.VOTE_OPTION_NO, VoteOption.VOTE_OPTION_NO_WITH_VETO];
  return lean !== undefined && rand.int(5) > 0 ? lean : rand.pick(any);
}

/** Weights over 2 to 4 distinct options, the leaning one first, summing to exactly 1. */
function weightedOptions(rand: Rand, id: bigint): { option: VoteOption; weight: string }[] {
  const first = leaningOption(rand, id);
  const others = [VoteOption.VOTE_OPTION_YES, VoteOption.VOTE_OPTION_ABSTAIN, VoteOption.VOTE_OPTION_NO, VoteOption.VOTE_OPTION_NO_WITH_VETO].filter((o) => o !== first);
  const options = [first, ...others.slice(0, 1 + rand.int(3))];
  let left = DEC_ONE;
  return options.map((option, i) => {
    const weight = i === options.length - 1 ? left : i === 0 ? rand.between(left / 2n, left - BigInt(options.length)) : rand.between(1n, left - BigInt(options.length - i - 1));
    left -= weight;
    return { option, weight: formatDec(weight) };
  });
}

export function governanceSimulationOps(keeper: GovKeeper, proposalMsgs: readonly WeightedProposalMsg[]): WeightedOp[] {
  const totalWeight = proposalMsgs.reduce((sum, m) => sum + m.weight, 0);
  const pickProposalMsg = (rand: Rand): WeightedProposalMsg | undefined => {
    if (totalWeight <= 0) return undefined;
    let ticket = rand.int(totalWeight);
    for (const m of proposalMsgs) if ((ticket -= m.weight) < 0) return m;
    return undefined;
  };
  const minDeposit = (view: SimView, expedited = false) => {
    const params = keeper.getParams(view.ctx);
    const coin = keeper.minDeposit(params, expedited).list[0]!;
    return { denom: coin.denom, amount: coin.amount, params };
  };
  /** The smallest deposit min_deposit_ratio allows (at least 1). */
  const smallestDeposit = (view: SimView) => {
    const { denom, amount, params } = minDeposit(view);
    const least = (amount * parseDec(params.minDepositRatio || "0")) / DEC_ONE;
    return { denom, least: least > 0n ? least : 1n, min: amount };
  };
  const submit = (proposer: string, messages: SimMsg[], deposit: Coins, expedited: boolean) =>
    msg(MsgSubmitProposal, {
      messages,
      initialDeposit: deposit.toProto(),
      proposer,
      metadata: "",
      title: `Simulated proposal by ${proposer.slice(-6)}`,
      summary: messages.length ? `Runs ${messages.map((m) => m.typeUrl).join(", ")}` : "A text proposal",
      expedited,
    });

  return [
    {
      name: "gov/submit-proposal",
      weight: 3,
      plan(rand, view) {
        const proposer = view.pickSigner(rand);
        if (!proposer) return undefined;
        const messages: SimMsg[] = [];
        for (let n = rand.int(3); n > 0; n--) {
          const built = pickProposalMsg(rand)?.build(rand, view);
          if (built) messages.push(built);
        }
        const expedited = rand.int(5) === 0;
        const { denom, amount: min } = minDeposit(view, expedited);
        const wanted = [0n, rand.between(1n, min - 1n), rand.between(min, 2n * min)][rand.int(3)]!;
        const spendable = view.spendable(proposer, denom);
        const deposit = Coins.of([{ denom, amount: wanted < spendable ? wanted : spendable }]);
        return { signer: proposer, msgs: [submit(proposer, messages, deposit, expedited)], expect: SUCCEEDS };
      },
    },
    {
      name: "gov/submit-not-signed-by-authority",
      weight: 1,
      plan(rand, view) {
        const proposer = view.pickSigner(rand);
        if (!proposer) return undefined;
        const foreign = msg(MsgUpdateParams, { authority: proposer, params: simulationGovParams(rand) });
        return { signer: proposer, msgs: [submit(proposer, [foreign], Coins.EMPTY, false)], expect: failsWith(ErrInvalidSigner) };
      },
    },
    {
      name: "gov/deposit",
      weight: 8,
      plan(rand, view) {
        const inDeposit = queued(view, keeper.inactiveQueue);
        const ids = inDeposit.length && rand.int(4) > 0 ? inDeposit : [...inDeposit, ...queued(view, keeper.activeQueue)];
        if (ids.length === 0) return undefined;
        const depositor = view.pickSigner(rand);
        if (!depositor) return undefined;
        const { denom, least, min } = smallestDeposit(view);
        const spendable = view.spendable(depositor, denom);
        if (spendable < least) return undefined;
        const wanted = rand.between(least, min > least ? min : least);
        const amount = Coins.of([{ denom, amount: wanted < spendable ? wanted : spendable }]);
        return { signer: depositor, msgs: [msg(MsgDeposit, { proposalId: rand.pick(ids), depositor, amount: amount.toProto() })], expect: SUCCEEDS };
      },
    },
    {
      name: "gov/deposit-too-small",
      weight: 1,
      plan(rand, view) {
        const { denom, least } = smallestDeposit(view);
        const depositor = least > 1n ? view.pickSigner(rand) : undefined;
        if (!depositor) return undefined;
        const ids = [...queued(view, keeper.inactiveQueue), ...queued(view, keeper.activeQueue), keeper.peekProposalId(view.ctx)];
        const amount = [{ denom, amount: rand.between(1n, least - 1n).toString() }];
        return { signer: depositor, msgs: [msg(MsgDeposit, { proposalId: rand.pick(ids), depositor, amount })], expect: failsWith(ErrMinDepositTooSmall) };
      },
    },
    {
      name: "gov/vote",
      weight: 60,
      plan(rand, view) {
        const ids = queued(view, keeper.activeQueue);
        const voter = ids.length ? view.pickSigner(rand) : undefined;
        if (!voter) return undefined;
        const proposalId = rand.pick(ids);
        return { signer: voter, msgs: [msg(MsgVote, { proposalId, voter, option: leaningOption(rand, proposalId), metadata: "" })], expect: SUCCEEDS };
      },
    },
    {
      name: "gov/weighted-vote",
      weight: 20,
      plan(rand, view) {
        const ids = queued(view, keeper.activeQueue);
        const voter = ids.length ? view.pickSigner(rand) : undefined;
        if (!voter) return undefined;
        const proposalId = rand.pick(ids);
        return { signer: voter, msgs: [msg(MsgVoteWeighted, { proposalId, voter, options: weightedOptions(rand, proposalId), metadata: "" })], expect: SUCCEEDS };
      },
    },
    {
      name: "gov/vote-unknown-proposal",
      weight: 1,
      plan(rand, view) {
        const voter = view.pickSigner(rand);
        if (!voter) return undefined;
        // Well past the next id, so no proposal submitted in this block can have it.
        const proposalId = keeper.peekProposalId(view.ctx) + 1000n + rand.bigint(1000n);
        return { signer: voter, msgs: [msg(MsgVote, { proposalId, voter, option: VoteOption.VOTE_OPTION_YES, metadata: "" })], expect: failsWith(ErrUnknownProposal) };
      },
    },
    {
      name: "gov/vote-before-voting-period",
      weight: 1,
      plan(rand, view) {
        const ids = queued(view, keeper.inactiveQueue);
        const voter = ids.length ? view.pickSigner(rand) : undefined;
        if (!voter) return undefined;
        return { signer: voter, msgs: [msg(MsgVote, { proposalId: rand.pick(ids), voter, option: VoteOption.VOTE_OPTION_NO, metadata: "" })], expect: failsWith(ErrInactiveProposal) };
      },
    },
  ];
}

/** New params by the gov authority, as a proposal carries them. */
export function governanceProposalMsgs(keeper: GovKeeper): WeightedProposalMsg[] {
  return [{ name: "gov/update-params", weight: 1, build: (rand) => msg(MsgUpdateParams, { authority: keeper.authority, params: simulationGovParams(rand) }) }];
}
