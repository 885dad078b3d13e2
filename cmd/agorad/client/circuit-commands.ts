/** `agorad tx circuit trip|reset` and `agorad query circuit disabled`. */
import type { Command } from "commander";
import { DEFAULT_NODE, globalOptions, printResult } from "../cli.js";
import { queryDisabledList, resetCircuit, tripCircuit } from "./circuit.js";
import { addBroadcastOptions, broadcast, NODE_HELP, reportTx, type SendFlags } from "./commands.js";

export function registerCircuitTxCommands(tx: Command): void {
  const circuit = tx.command("circuit").description("the emergency pause (cosmos.circuit.v1)");
  addBroadcastOptions(circuit.command("trip [type_url...]"))
    .description(
      "pause message types, e.g. `agorad tx circuit trip /cosmos.bank.v1beta1.MsgSend --from pauser`; with none, every type " +
        "except governance, the circuit breaker's own and role changes (those are never paused, so a pause can be undone)",
    )
    .requiredOption("--from <key_or_address>", "a holder of the pauser role")
    .action(async (typeUrls: string[], flags: SendFlags & { from: string }, cmd: Command) => reportTx(cmd, await tripCircuit({ ...broadcast(flags.from, flags, cmd), typeUrls })));
  addBroadcastOptions(circuit.command("reset [type_url...]"))
    .description("resume paused message types; with none, every paused type")
    .requiredOption("--from <key_or_address>", "a holder of the pauser role's admin role (admin unless governance set another); not the pauser itself")
    .action(async (typeUrls: string[], flags: SendFlags & { from: string }, cmd: Command) => reportTx(cmd, await resetCircuit({ ...broadcast(flags.from, flags, cmd), typeUrls })));
}

export function registerCircuitQueryCommands(query: Command): void {
  query
    .command("circuit")
    .description("circuit breaker queries (cosmos.circuit.v1)")
    .command("disabled")
    .description("the paused message types")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (flags: { node: string }, cmd: Command) => {
      const res = await queryDisabledList({ node: flags.node });
      printResult(globalOptions(cmd), res, res.disabled_list.length ? res.disabled_list.join("\n") : "(nothing paused)");
    });
}
