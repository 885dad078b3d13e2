/** `agorad tx gov submit-proposal|deposit|vote|weighted-vote` and `agorad query gov ...`. */
import type { Command } from "commander";
import { DEFAULT_NODE, globalOptions, printResult } from "../cli.js";
import { keyringFromFlags } from "../keys/options.js";
import { addBroadcastOptions, NODE_HELP, reportTx, type SendFlags } from "./commands.js";
import { deposit, queryParams, queryProposal, queryProposals, queryTally, queryVote, submitProposal, vote, weightedVote } from "./gov.js";
import type { BroadcastOptions } from "./tx.js";

function broadcast(from: string, flags: SendFlags, cmd: Command): BroadcastOptions {
  const { fees, gas, gasAdjustment, gasPrices, chainId, node, memo } = flags;
  return { from, fees, gas, gasAdjustment, gasPrices, chainId, node, memo, keyring: keyringFromFlags(globalOptions(cmd).home, flags) };
}

export function registerGovTxCommands(tx: Command): void {
  const gov = tx.command("gov").description("governance transactions (cosmos.gov.v1)");
  addBroadcastOptions(gov.command("submit-proposal <proposal_file>"))
    .description('submit a proposal from a JSON file: {"messages": [{"@type": "...", ...}], "metadata", "deposit", "title", "summary", "expedited"}')
    .requiredOption("--from <key_or_address>", "the proposer's key")
    .action(async (file: string, flags: SendFlags & { from: string }, cmd: Command) => reportTx(cmd, await submitProposal({ ...broadcast(flags.from, flags, cmd), file })));
  addBroadcastOptions(gov.command("deposit <proposal_id> <amount>"))
    .description("add a deposit to a proposal, e.g. `agorad tx gov deposit 1 10000000uagora --from alice`")
    .requiredOption("--from <key_or_address>", "the depositor's key")
    .action(async (proposalId: string, amount: string, flags: SendFlags & { from: string }, cmd: Command) =>
      reportTx(cmd, await deposit({ ...broadcast(flags.from, flags, cmd), proposalId, amount })),
    );
  addBroadcastOptions(gov.command("vote <proposal_id> <option>"))
    .description("vote yes, no, abstain or no_with_veto on a proposal in its voting period")
    .requiredOption("--from <key_or_address>", "the voter's key")
    .action(async (proposalId: string, option: string, flags: SendFlags & { from: string }, cmd: Command) =>
      reportTx(cmd, await vote({ ...broadcast(flags.from, flags, cmd), proposalId, option })),
    );
  addBroadcastOptions(gov.command("weighted-vote <proposal_id> <options>"))
    .description("split a vote, e.g. `agorad tx gov weighted-vote 1 yes=0.6,no=0.4 --from alice` (weights sum to 1)")
    .requiredOption("--from <key_or_address>", "the voter's key")
    .action(async (proposalId: string, options: string, flags: SendFlags & { from: string }, cmd: Command) =>
      reportTx(cmd, await weightedVote({ ...broadcast(flags.from, flags, cmd), proposalId, options })),
    );
}

export function registerGovQueryCommands(query: Command): void {
  const gov = query.command("gov").description("governance queries (cosmos.gov.v1)");
  const print = (cmd: Command, value: unknown) => printResult(globalOptions(cmd), value);
  gov
    .command("proposal <proposal_id>")
    .description("one proposal: status, messages, deposits, times, final tally")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (proposalId: string, flags: { node: string }, cmd: Command) => print(cmd, await queryProposal({ node: flags.node, proposalId })));
  gov
    .command("proposals")
    .description("all proposals")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (flags: { node: string }, cmd: Command) => print(cmd, await queryProposals({ node: flags.node })));
  gov
    .command("tally <proposal_id>")
    .description("the tally: live during voting, final afterwards")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (proposalId: string, flags: { node: string }, cmd: Command) => print(cmd, await queryTally({ node: flags.node, proposalId })));
  gov
    .command("params")
    .description("governance parameters")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (flags: { node: string }, cmd: Command) => print(cmd, await queryParams({ node: flags.node })));
  gov
    .command("vote <proposal_id> <voter>")
    .description("a voter's vote on a proposal")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (proposalId: string, voter: string, flags: { node: string }, cmd: Command) => print(cmd, await queryVote({ node: flags.node, proposalId, voter })));
}
