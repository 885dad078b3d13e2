/** `agorad tx distribution withdraw-rewards|fund-community-pool` and `agorad query distribution rewards|commission|community-pool|params`. */
import type { Command } from "commander";
import { DEFAULT_NODE, globalOptions, printResult } from "../cli.js";
import { addBroadcastOptions, broadcast, NODE_HELP, reportTx, type SendFlags } from "./commands.js";
import { decCoinsText, fundCommunityPool, queryCommission, queryCommunityPool, queryDistributionParams, queryRewards, withdrawRewards } from "./distribution.js";

export function registerDistributionTxCommands(tx: Command): void {
  const distribution = tx.command("distribution").description("rewards and the community pool (cosmos.distribution.v1beta1)");
  addBroadcastOptions(distribution.command("withdraw-rewards <validator_address>"))
    .description("withdraw the sender's rewards from a validator, e.g. `agorad tx distribution withdraw-rewards agoravaloper1... --from validator --commission`")
    .requiredOption("--from <key_or_address>", "the delegator")
    .option("--commission", "also withdraw the validator's commission (the sender must be its operator)")
    .action(async (validator: string, flags: SendFlags & { from: string; commission?: boolean }, cmd: Command) =>
      reportTx(cmd, await withdrawRewards({ ...broadcast(flags.from, flags, cmd), validator, commission: flags.commission ?? false })),
    );
  addBroadcastOptions(distribution.command("fund-community-pool <amount>"))
    .description("send coins to the community pool, e.g. `agorad tx distribution fund-community-pool 1000uagora --from alice`")
    .requiredOption("--from <key_or_address>", "the depositor")
    .action(async (amount: string, flags: SendFlags & { from: string }, cmd: Command) => reportTx(cmd, await fundCommunityPool({ ...broadcast(flags.from, flags, cmd), amount })));
}

export function registerDistributionQueryCommands(query: Command): void {
  const distribution = query.command("distribution").description("rewards and community pool queries (cosmos.distribution.v1beta1)");
  distribution
    .command("rewards <delegator_address> [validator_address]")
    .description("a delegator's rewards not yet withdrawn, from one validator or from each with the total")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (delegator: string, validator: string | undefined, flags: { node: string }, cmd: Command) => {
      const res = await queryRewards({ node: flags.node, delegator, ...(validator !== undefined ? { validator } : {}) });
      const lines = res.rewards.map((r) => `${r.validator_address}: ${decCoinsText(r.reward)}`);
      printResult(globalOptions(cmd), res, [...lines, `total: ${decCoinsText(res.total)}`].join("\n"));
    });
  distribution
    .command("commission <validator_address>")
    .description("a validator's commission not yet withdrawn")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (validator: string, flags: { node: string }, cmd: Command) => {
      const res = await queryCommission({ node: flags.node, validator });
      printResult(globalOptions(cmd), res, decCoinsText(res.commission));
    });
  distribution
    .command("community-pool")
    .description("the coins in the community pool")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (flags: { node: string }, cmd: Command) => {
      const res = await queryCommunityPool({ node: flags.node });
      printResult(globalOptions(cmd), res, decCoinsText(res.pool));
    });
  distribution
    .command("params")
    .description("the distribution params")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (flags: { node: string }, cmd: Command) => {
      const res = await queryDistributionParams({ node: flags.node });
      printResult(globalOptions(cmd), res, Object.entries(res).map(([k, v]) => `${k}: ${String(v)}`).join("\n"));
    });
}
