/**
 * Governance from the command line: proposals from the SDK's proposal.json, deposits, votes, and
 * queries over ABCI answered by cosmos.gov.v1's Query service.
 */
import { readFileSync } from "node:fs";
import { QueryClient } from "@cosmjs/stargate";
import { connectComet } from "@cosmjs/tendermint-rpc";
import { Params, TallyResult, Vote, VoteOption } from "cosmjs-types/cosmos/gov/v1/gov";
import * as q from "cosmjs-types/cosmos/gov/v1/query";
import { MsgDeposit, MsgSubmitProposal, MsgVote, MsgVoteWeighted } from "cosmjs-types/cosmos/gov/v1/tx";
import { createModules } from "../../../app/app.js";
import { MsgRouter } from "../../../sdk/baseapp/msg-router.js";
import { QueryRouter } from "../../../sdk/baseapp/query-router.js";
import { TypeRegistry } from "../../../sdk/codec/registry.js";
import { proposalToJson } from "../../../x/governance/genesis.js";
import { anyFromJson, messageToJson, type JsonMessageType, type TypeLookup } from "../../../x/governance/proto-json.js";
import { CliError } from "../cli.js";
import { checkAddress, parseCoins } from "./coins.js";
import { normalizeNode, withNode } from "./node.js";
import { signAndBroadcast, type BroadcastOptions, type SendResult } from "./tx.js";

/** Every message type this chain routes, for reading proposal.json. */
function chainMessageTypes(): TypeLookup {
  const msgs = new MsgRouter(new TypeRegistry());
  createModules().modules.register(new TypeRegistry(), msgs, new QueryRouter());
  return (typeUrl) => msgs.route(typeUrl)?.type as JsonMessageType | undefined;
}

const OPTIONS: Record<string, VoteOption> = {
  yes: VoteOption.VOTE_OPTION_YES,
  abstain: VoteOption.VOTE_OPTION_ABSTAIN,
  no: VoteOption.VOTE_OPTION_NO,
  no_with_veto: VoteOption.VOTE_OPTION_NO_WITH_VETO,
};

export function parseVoteOption(text: string): VoteOption {
  const option = OPTIONS[text.toLowerCase().replace(/-/g, "_")];
  if (option === undefined) throw new CliError(`invalid vote option "${text}": expected yes, no, abstain or no_with_veto`);
  return option;
}

/** "yes=0.6,no=0.4" into weighted options (the chain checks that weights sum to 1). */
export function parseWeightedOptions(text: string): { option: VoteOption; weight: string }[] {
  return text.split(",").map((part) => {
    const [name, weight] = part.trim().split("=");
    if (!name || !weight || !/^\d+(\.\d{1,18})?$/.test(weight)) throw new CliError(`invalid weighted option "${part}": expected e.g. yes=0.6,no=0.4`);
    return { option: parseVoteOption(name), weight };
  });
}

export function parseProposalId(text: string): bigint {
  if (!/^[1-9][0-9]*$/.test(text)) throw new CliError(`invalid proposal id "${text}": expected a positive integer`);
  return BigInt(text);
}

/** The SDK's proposal.json: {"messages": [{"@type": ...}], "metadata", "deposit", "title", "summary", "expedited"}. */
export function readProposalFile(path: string, proposer: string): MsgSubmitProposal {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch (err) {
    throw new CliError(`cannot read proposal file ${path}: ${(err as Error).message}`);
  }
  const types = chainMessageTypes();
  const messages = ((json.messages ?? []) as unknown[]).map((m, i) => {
    try {
      return anyFromJson(m, types);
    } catch (err) {
      throw new CliError(`proposal file ${path}, message ${i}: ${(err as Error).message}`);
    }
  });
  return MsgSubmitProposal.fromPartial({
    messages,
    initialDeposit: json.deposit ? parseCoins(String(json.deposit)) : [],
    proposer,
    metadata: String(json.metadata ?? ""),
    title: String(json.title ?? ""),
    summary: String(json.summary ?? ""),
    expedited: Boolean(json.expedited),
  });
}

export function submitProposal(opts: BroadcastOptions & { file: string }): Promise<SendResult> {
  readProposalFile(opts.file, "");
  return signAndBroadcast(opts, (sender) => [{ typeUrl: MsgSubmitProposal.typeUrl, value: readProposalFile(opts.file, sender) }]);
}

export function deposit(opts: BroadcastOptions & { proposalId: string; amount: string }): Promise<SendResult> {
  const proposalId = parseProposalId(opts.proposalId);
  const amount = parseCoins(opts.amount);
  return signAndBroadcast(opts, (depositor) => [{ typeUrl: MsgDeposit.typeUrl, value: MsgDeposit.fromPartial({ proposalId, depositor, amount }) }]);
}

export function vote(opts: BroadcastOptions & { proposalId: string; option: string }): Promise<SendResult> {
  const proposalId = parseProposalId(opts.proposalId);
  const option = parseVoteOption(opts.option);
  return signAndBroadcast(opts, (voter) => [{ typeUrl: MsgVote.typeUrl, value: MsgVote.fromPartial({ proposalId, voter, option }) }]);
}

export function weightedVote(opts: BroadcastOptions & { proposalId: string; options: string }): Promise<SendResult> {
  const proposalId = parseProposalId(opts.proposalId);
  const options = parseWeightedOptions(opts.options);
  return signAndBroadcast(opts, (voter) => [{ typeUrl: MsgVoteWeighted.typeUrl, value: MsgVoteWeighted.fromPartial({ proposalId, voter, options }) }]);
}

/** One ABCI query of cosmos.gov.v1.Query/`method`; a chain error becomes one line. */
async function govQuery<Req, Res>(node: string | undefined, method: string, reqType: { encode(r: Req): { finish(): Uint8Array } }, request: Req, resType: { decode(b: Uint8Array): Res }): Promise<Res> {
  const url = normalizeNode(node);
  return withNode(url, async () => {
    const comet = await connectComet(url);
    try {
      const client = new QueryClient(comet);
      const res = await client.queryAbci(`/cosmos.gov.v1.Query/${method}`, reqType.encode(request).finish());
      return resType.decode(res.value);
    } catch (err) {
      throw new CliError(`query gov ${method} failed: ${(err as Error).message}`);
    } finally {
      comet.disconnect();
    }
  });
}

export async function queryProposal(opts: { node?: string; proposalId: string }): Promise<Record<string, unknown>> {
  const res = await govQuery(opts.node, "Proposal", q.QueryProposalRequest, { proposalId: parseProposalId(opts.proposalId) }, q.QueryProposalResponse);
  return proposalToJson(res.proposal!, chainMessageTypes());
}

export async function queryProposals(opts: { node?: string }): Promise<{ proposals: Record<string, unknown>[] }> {
  const res = await govQuery(opts.node, "Proposals", q.QueryProposalsRequest, q.QueryProposalsRequest.fromPartial({}), q.QueryProposalsResponse);
  const types = chainMessageTypes();
  return { proposals: res.proposals.map((p) => proposalToJson(p, types)) };
}

export async function queryTally(opts: { node?: string; proposalId: string }): Promise<Record<string, unknown>> {
  const res = await govQuery(opts.node, "TallyResult", q.QueryTallyResultRequest, { proposalId: parseProposalId(opts.proposalId) }, q.QueryTallyResultResponse);
  return messageToJson(TallyResult, res.tally);
}

export async function queryParams(opts: { node?: string }): Promise<Record<string, unknown>> {
  const res = await govQuery(opts.node, "Params", q.QueryParamsRequest, { paramsType: "" }, q.QueryParamsResponse);
  return messageToJson(Params, res.params);
}

export async function queryVote(opts: { node?: string; proposalId: string; voter: string }): Promise<Record<string, unknown>> {
  const voter = checkAddress(opts.voter, "voter address");
  const res = await govQuery(opts.node, "Vote", q.QueryVoteRequest, { proposalId: parseProposalId(opts.proposalId), voter }, q.QueryVoteResponse);
  return messageToJson(Vote, res.vote);
}
