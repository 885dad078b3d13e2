/** `agorad tx slashing unjail` and `agorad query slashing signing-info|params`. */
import type { Command } from "commander";
import { DEFAULT_NODE, globalOptions, printResult } from "../cli.js";
import { addBroadcastOptions, broadcast, NODE_HELP, reportTx, type SendFlags } from "./commands.js";
import { querySigningInfo, querySlashingParams, unjailValidator } from "./slashing.js";

export function registerSlashingTxCommands(tx: Command): void {
  const slashing = tx.command("slashing").description("slashing module transactions (cosmos.slashing.v1beta1)");
  addBroadcastOptions(slashing.command("unjail"))
    .description("unjail your validator once its jail time has passed, e.g. `agorad tx slashing unjail --from validator`")
    .requiredOption("--from <key_or_address>", "the validator's operator key")
    .action(async (flags: SendFlags & { from: string }, cmd: Command) => reportTx(cmd, await unjailValidator(broadcast(flags.from, flags, cmd))));
}

export function registerSlashingQueryCommands(query: Command): void {
  const slashing = query.command("slashing").description("slashing module queries (cosmos.slashing.v1beta1)");
  slashing
    .command("signing-info <validator_conspub_or_address>")
    .description("a validator's liveness record, by agoravalcons address or consensus pubkey JSON (as `cometbft show-validator` prints it)")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (validator: string, flags: { node: string }, cmd: Command) => {
      const info = await querySigningInfo({ node: flags.node, validator });
      printResult(globalOptions(cmd), info, Object.entries(info).map(([k, v]) => `${k}: ${v}`).join("\n"));
    });
  slashing
    .command("params")
    .description("the slashing params")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (flags: { node: string }, cmd: Command) => {
      const params = await querySlashingParams({ node: flags.node });
      printResult(globalOptions(cmd), params, Object.entries(params).map(([k, v]) => `${k}: ${v}`).join("\n"));
    });
}
