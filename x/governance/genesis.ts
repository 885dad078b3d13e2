/** The governance section of genesis, in cosmos.gov.v1 GenesisState's JSON shape. */
import { ProposalStatus, proposalStatusFromJSON, proposalStatusToJSON, voteOptionFromJSON, voteOptionToJSON, type Proposal } from "cosmjs-types/cosmos/gov/v1/gov";
import { fromAccAddress } from "../../sdk/types/address.js";
import { Coins } from "../../sdk/types/coins.js";
import type { Context } from "../../sdk/types/context.js";
import type { GovKeeper } from "./keeper.js";
import { paramsFromJson, paramsToJson, validateParams } from "./params.js";
import { anyFromJson, anyToJson, type JsonMessageType, type TypeLookup } from "./proto-json.js";
import { timestampFromJson, timestampToJson, toNanos } from "../../sdk/types/time.js";
import { depositsInvariant } from "./invariants.js";
import { defaultGovParams, ErrInvalidGenesis } from "./types.js";

type JsonCoin = { denom: string; amount: string };

export interface GovGenesis {
  starting_proposal_id?: string;
  deposits?: { proposal_id: string; depositor: string; amount: JsonCoin[] }[];
  votes?: { proposal_id: string; voter: string; options: { option: string; weight: string }[]; metadata?: string }[];
  proposals?: Record<string, unknown>[];
  params?: Record<string, unknown>;
  constitution?: string;
}

export function defaultGovGenesis(): GovGenesis {
  return { starting_proposal_id: "1", deposits: [], votes: [], proposals: [], params: paramsToJson(defaultGovParams()), constitution: "" };
}

function lookup(keeper: GovKeeper): TypeLookup {
  return (typeUrl) => keeper.router.route(typeUrl)?.type as JsonMessageType | undefined;
}

export function initGovGenesis(ctx: Context, keeper: GovKeeper, genesis: GovGenesis): void {
  const params = paramsFromJson(genesis.params);
  validateParams(params);
  keeper.params.set(ctx, params);
  keeper.constitution.set(ctx, genesis.constitution ?? "");
  keeper.nextProposalId.set(ctx, BigInt(genesis.starting_proposal_id ?? "1"));
  for (const d of genesis.deposits ?? []) {
    const amount = Coins.fromProto(d.amount);
    keeper.deposits.set(ctx, [BigInt(d.proposal_id), fromAccAddress(d.depositor)], { proposalId: BigInt(d.proposal_id), depositor: d.depositor, amount: amount.toProto() });
  }
  for (const v of genesis.votes ?? []) {
    const options = v.options.map((o) => ({ option: voteOptionFromJSON(o.option), weight: o.weight }));
    keeper.votes.set(ctx, [BigInt(v.proposal_id), fromAccAddress(v.voter)], { proposalId: BigInt(v.proposal_id), voter: v.voter, options, metadata: v.metadata ?? "" });
  }
  for (const json of genesis.proposals ?? []) {
    const proposal = proposalFromJson(json, lookup(keeper));
    keeper.proposals.set(ctx, proposal.id, proposal);
    if (proposal.status === ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD) keeper.inactiveQueue.set(ctx, [toNanos(proposal.depositEndTime!), proposal.id], proposal.id);
    if (proposal.status === ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD) keeper.activeQueue.set(ctx, [toNanos(proposal.votingEndTime!), proposal.id], proposal.id);
  }
  const check = depositsInvariant(ctx, keeper);
  if (check.broken) throw ErrInvalidGenesis.wrap(check.message);
}

export function exportGovGenesis(ctx: Context, keeper: GovKeeper): GovGenesis {
  return {
    starting_proposal_id: keeper.peekProposalId(ctx).toString(),
    deposits: [...keeper.deposits.entries(ctx)].map(([, d]) => ({ proposal_id: d.proposalId.toString(), depositor: d.depositor, amount: d.amount })),
    votes: [...keeper.votes.entries(ctx)].map(([, v]) => ({
      proposal_id: v.proposalId.toString(),
      voter: v.voter,
      options: v.options.map((o) => ({ option: voteOptionToJSON(o.option), weight: o.weight })),
      metadata: v.metadata,
    })),
    proposals: [...keeper.proposals.entries(ctx)].map(([, p]) => proposalToJson(p, lookup(keeper))),
    params: paramsToJson(keeper.getParams(ctx)),
    constitution: keeper.constitution.get(ctx) ?? "",
  };
}

/** A proposal as the SDK's JSON (queries' REST answers and genesis) writes it. */
export function proposalToJson(p: Proposal, types: TypeLookup): Record<string, unknown> {
  const t = p.finalTallyResult;
  return {
    id: p.id.toString(),
    messages: p.messages.map((m) => anyToJson(m, types)),
    status: proposalStatusToJSON(p.status),
    final_tally_result: t ? { yes_count: t.yesCount, abstain_count: t.abstainCount, no_count: t.noCount, no_with_veto_count: t.noWithVetoCount } : null,
    submit_time: timestampToJson(p.submitTime),
    deposit_end_time: timestampToJson(p.depositEndTime),
    total_deposit: p.totalDeposit,
    voting_start_time: timestampToJson(p.votingStartTime),
    voting_end_time: timestampToJson(p.votingEndTime),
    metadata: p.metadata,
    title: p.title,
    summary: p.summary,
    proposer: p.proposer,
    expedited: p.expedited,
    failed_reason: p.failedReason,
  };
}

export function proposalFromJson(json: Record<string, unknown>, types: TypeLookup): Proposal {
  const s = (key: string) => (json[key] ?? "") as string;
  const t = json.final_tally_result as Record<string, string> | null | undefined;
  return {
    id: BigInt(s("id")),
    messages: ((json.messages ?? []) as unknown[]).map((m) => anyFromJson(m, types)),
    status: proposalStatusFromJSON(json.status),
    finalTallyResult: t ? { yesCount: t.yes_count ?? "0", abstainCount: t.abstain_count ?? "0", noCount: t.no_count ?? "0", noWithVetoCount: t.no_with_veto_count ?? "0" } : undefined,
    submitTime: timestampFromJson(json.submit_time, "submit_time"),
    depositEndTime: timestampFromJson(json.deposit_end_time, "deposit_end_time"),
    totalDeposit: ((json.total_deposit ?? []) as JsonCoin[]).map((c) => ({ denom: c.denom, amount: String(c.amount) })),
    votingStartTime: timestampFromJson(json.voting_start_time, "voting_start_time"),
    votingEndTime: timestampFromJson(json.voting_end_time, "voting_end_time"),
    metadata: s("metadata"),
    title: s("title"),
    summary: s("summary"),
    proposer: s("proposer"),
    expedited: Boolean(json.expedited),
    failedReason: s("failed_reason"),
  };
}
