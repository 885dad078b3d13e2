/** `agorad tx slashing unjail` and `agorad query slashing signing-info|params`. */
import type { Command } from "commander";
import { DEFAULT_NODE, globalOptions, printResult } from "../cli.js";
import { addBroadcastOptions, broadcast, NODE_HELP, reportTx, type SendFlags } from "./commands.js";
import { querySigningInfo, querySlashingParams, unjail } from "./slashing.js";

export function registerSlashingTxCommands(tx: Command): void {
  const slashing = tx.command("slashing").description("slashing transactions (cosmos.slashing.v1beta1)");
  addBroadcastOptions(slashing.command("unjail"))
    .description("bring the signer's validator, jailed for downtime, back once its jail period is over")
    .requiredOption("--from <key_or_address>", "the validator operator's key")
    .action(async (flags: SendFlags & { from: string }, cmd: Command) => reportTx(cmd, await unjail(broadcast(flags.from, flags, cmd))));
}

export function registerSlashingQueryCommands(query: Command): void {
  const slashing = query.command("slashing").description("slashing queries (cosmos.slashing.v1beta1)");
  const print = (cmd: Command, value: unknown) => printResult(globalOptions(cmd), value);
  slashing
    .command("signing-info <cons_address>")
    .description("a validator's signing info (missed blocks, jailed until, tombstoned), by its agoravalcons address (`agorad comet show-address`)")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (consAddress: string, flags: { node: string }, cmd: Command) => print(cmd, await querySigningInfo({ node: flags.node, consAddress })));
  slashing
    .command("params")
    .description("slashing parameters")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (flags: { node: string }, cmd: Command) => print(cmd, await querySlashingParams({ node: flags.node })));
}
