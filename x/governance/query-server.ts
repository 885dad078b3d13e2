/** The cosmos.gov.v1 Query service over the governance keeper. */
import { ProposalStatus, type Proposal } from "cosmjs-types/cosmos/gov/v1/gov";
import * as q from "cosmjs-types/cosmos/gov/v1/query";
import type { QueryRouter } from "../../sdk/baseapp/query-router.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import type { Context } from "../../sdk/types/context.js";
import { paginate } from "../../sdk/types/pagination.js";
import { ErrInvalidRequest, ErrNotFound } from "../../sdk/types/sdk-errors.js";
import type { GovKeeper } from "./keeper.js";
import { countVotes, tallyResult } from "./tally.js";

const service = "/cosmos.gov.v1.Query/";

function requireId(id: bigint): bigint {
  if (id === 0n) throw ErrInvalidRequest.wrap("proposal id can not be 0");
  return id;
}

/** During voting the tally is counted live; after, it is the final one; before, all zeros. */
export function currentTally(ctx: Context, keeper: GovKeeper, proposal: Proposal) {
  if (proposal.status === ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD) return tallyResult(countVotes(ctx, keeper, proposal.id).scaled);
  return proposal.finalTallyResult ?? { yesCount: "0", abstainCount: "0", noCount: "0", noWithVetoCount: "0" };
}

export function registerGovQueries(router: QueryRouter, keeper: GovKeeper): void {
  router.register({
    path: service + "Constitution",
    requestType: q.QueryConstitutionRequest,
    responseType: q.QueryConstitutionResponse,
    handle: (ctx) => ({ constitution: keeper.constitution.get(ctx) ?? "" }),
  });
  router.register({
    path: service + "Proposal",
    requestType: q.QueryProposalRequest,
    responseType: q.QueryProposalResponse,
    handle: (ctx, req) => ({ proposal: keeper.getProposal(ctx, requireId(req.proposalId)) }),
  });
  router.register({
    path: service + "Proposals",
    requestType: q.QueryProposalsRequest,
    responseType: q.QueryProposalsResponse,
    handle(ctx, req) {
      const voter = req.voter ? fromAccAddress(req.voter) : undefined;
      const depositor = req.depositor ? fromAccAddress(req.depositor) : undefined;
      const matching = [...keeper.proposals.entries(ctx)]
        .map(([, p]) => p)
        .filter(
          (p) =>
            (req.proposalStatus === ProposalStatus.PROPOSAL_STATUS_UNSPECIFIED || p.status === req.proposalStatus) &&
            (!voter || keeper.votes.has(ctx, [p.id, voter])) &&
            (!depositor || keeper.deposits.has(ctx, [p.id, depositor])),
        );
      const { items, pagination } = paginate(matching, req.pagination);
      return { proposals: items, pagination };
    },
  });
  router.register({
    path: service + "Vote",
    requestType: q.QueryVoteRequest,
    responseType: q.QueryVoteResponse,
    handle(ctx, req) {
      const vote = keeper.votes.get(ctx, [requireId(req.proposalId), fromAccAddress(req.voter)]);
      if (!vote) throw ErrNotFound.wrap(`voter ${req.voter} has not voted on proposal ${req.proposalId}`);
      return { vote };
    },
  });
  router.register({
    path: service + "Votes",
    requestType: q.QueryVotesRequest,
    responseType: q.QueryVotesResponse,
    handle(ctx, req) {
      const { items, pagination } = paginate([...keeper.proposalVotes(ctx, requireId(req.proposalId))].map(([, v]) => v), req.pagination);
      return { votes: items, pagination };
    },
  });
  router.register({
    path: service + "Params",
    requestType: q.QueryParamsRequest,
    responseType: q.QueryParamsResponse,
    handle(ctx) {
      const p = keeper.getParams(ctx);
      // The deprecated per-kind params are still filled: older clients read only those.
      return {
        params: p,
        depositParams: { minDeposit: p.minDeposit, maxDepositPeriod: p.maxDepositPeriod },
        votingParams: { votingPeriod: p.votingPeriod },
        tallyParams: { quorum: p.quorum, threshold: p.threshold, vetoThreshold: p.vetoThreshold },
      };
    },
  });
  router.register({
    path: service + "Deposit",
    requestType: q.QueryDepositRequest,
    responseType: q.QueryDepositResponse,
    handle(ctx, req) {
      const deposit = keeper.deposits.get(ctx, [requireId(req.proposalId), fromAccAddress(req.depositor)]);
      if (!deposit) throw ErrNotFound.wrap(`depositor ${req.depositor} has no deposit on proposal ${req.proposalId}`);
      return { deposit };
    },
  });
  router.register({
    path: service + "Deposits",
    requestType: q.QueryDepositsRequest,
    responseType: q.QueryDepositsResponse,
    handle(ctx, req) {
      const { items, pagination } = paginate([...keeper.proposalDeposits(ctx, requireId(req.proposalId))].map(([, d]) => d), req.pagination);
      return { deposits: items, pagination };
    },
  });
  router.register({
    path: service + "TallyResult",
    requestType: q.QueryTallyResultRequest,
    responseType: q.QueryTallyResultResponse,
    handle: (ctx, req) => ({ tally: currentTally(ctx, keeper, keeper.getProposal(ctx, requireId(req.proposalId))) }),
  });
}
