/**
 * `agorad tx staking create-validator|edit-validator|delegate|unbond|redelegate` and
 * `agorad query staking validators|validator|delegation|delegations|unbonding-delegations|pool|params`.
 */
import type { Command } from "commander";
import { DEFAULT_NODE, globalOptions, printResult } from "../cli.js";
import { addBroadcastOptions, broadcast, NODE_HELP, reportTx, type SendFlags } from "./commands.js";
import {
  createValidator,
  delegate,
  editValidator,
  queryDelegation,
  queryDelegations,
  queryPool,
  queryStakingParams,
  queryUnbondingDelegations,
  queryValidator,
  queryValidators,
  redelegate,
  unbond,
} from "./staking.js";

type FromFlags = SendFlags & { from: string };

const VALIDATOR_JSON_EXAMPLE = `{
  "pubkey": {"@type": "/cosmos.crypto.ed25519.PubKey", "key": "<agorad comet show-validator>"},
  "amount": "1000000000uagora",
  "moniker": "my-validator",
  "identity": "", "website": "", "security": "", "details": "",
  "commission-rate": "0.1",
  "commission-max-rate": "0.2",
  "commission-max-change-rate": "0.01",
  "min-self-delegation": "1"
}`;

export function registerStakingTxCommands(tx: Command): void {
  const staking = tx.command("staking").description("validators and delegations (cosmos.staking.v1beta1)");
  addBroadcastOptions(staking.command("create-validator <validator_file>"))
    .description(`make the signer a validator with this node's consensus key, from a JSON file:\n${VALIDATOR_JSON_EXAMPLE}`)
    .requiredOption("--from <key_or_address>", "the operator's key (it self-delegates the amount)")
    .action(async (file: string, flags: FromFlags, cmd: Command) => reportTx(cmd, await createValidator({ ...broadcast(flags.from, flags, cmd), file })));
  addBroadcastOptions(staking.command("edit-validator"))
    .description("change the signer's validator: description fields, commission rate (within max-change-rate, once a day), a higher min self-delegation")
    .requiredOption("--from <key_or_address>", "the operator's key")
    .option("--new-moniker <name>", "the validator's new name")
    .option("--identity <text>", "identity signature (e.g. Keybase)")
    .option("--website <url>", "website")
    .option("--security-contact <email>", "security contact")
    .option("--details <text>", "description")
    .option("--commission-rate <rate>", "new commission rate, e.g. 0.12")
    .option("--min-self-delegation <amount>", "new, higher min self-delegation (uagora)")
    .action(async (flags: FromFlags & { newMoniker?: string; identity?: string; website?: string; securityContact?: string; details?: string; commissionRate?: string; minSelfDelegation?: string }, cmd: Command) =>
      reportTx(
        cmd,
        await editValidator({
          ...broadcast(flags.from, flags, cmd),
          moniker: flags.newMoniker,
          identity: flags.identity,
          website: flags.website,
          securityContact: flags.securityContact,
          details: flags.details,
          commissionRate: flags.commissionRate,
          minSelfDelegation: flags.minSelfDelegation,
        }),
      ),
    );
  addBroadcastOptions(staking.command("delegate <validator_addr> <amount>"))
    .description("delegate to a validator, e.g. `agorad tx staking delegate agoravaloper1... 1000000uagora --from alice`")
    .requiredOption("--from <key_or_address>", "the delegator's key")
    .action(async (validator: string, amount: string, flags: FromFlags, cmd: Command) => reportTx(cmd, await delegate({ ...broadcast(flags.from, flags, cmd), validator, amount })));
  addBroadcastOptions(staking.command("unbond <validator_addr> <amount>"))
    .description("undelegate from a validator; the tokens come back after the unbonding time")
    .requiredOption("--from <key_or_address>", "the delegator's key")
    .action(async (validator: string, amount: string, flags: FromFlags, cmd: Command) => reportTx(cmd, await unbond({ ...broadcast(flags.from, flags, cmd), validator, amount })));
  addBroadcastOptions(staking.command("redelegate <src_validator_addr> <dst_validator_addr> <amount>"))
    .description("move a delegation from one validator to another at once")
    .requiredOption("--from <key_or_address>", "the delegator's key")
    .action(async (source: string, destination: string, amount: string, flags: FromFlags, cmd: Command) =>
      reportTx(cmd, await redelegate({ ...broadcast(flags.from, flags, cmd), source, destination, amount })),
    );
}

interface ValidatorJson {
  operator_address: string;
  description: { moniker: string };
  status: string;
  jailed: boolean;
  tokens: string;
}

/** One line a validator: moniker, operator, status, tokens, jailed. */
function describeValidator(v: ValidatorJson): string {
  return `${v.description.moniker}  ${v.operator_address}  ${v.status.replace("BOND_STATUS_", "").toLowerCase()}  ${v.tokens}uagora${v.jailed ? "  jailed" : ""}`;
}

export function registerStakingQueryCommands(query: Command): void {
  const staking = query.command("staking").description("staking queries (cosmos.staking.v1beta1)");
  const print = (cmd: Command, value: unknown, text?: string) => printResult(globalOptions(cmd), value, text);
  staking
    .command("validators")
    .description("every validator, or those of one --status")
    .option("--status <status>", "bonded, unbonding or unbonded")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (flags: { node: string; status?: string }, cmd: Command) => {
      const res = await queryValidators({ node: flags.node, status: flags.status });
      print(cmd, res, res.validators.length ? (res.validators as unknown as ValidatorJson[]).map(describeValidator).join("\n") : "(no validators)");
    });
  staking
    .command("validator <validator_addr>")
    .description("one validator: consensus key, status, jailed, tokens, shares, description, commission")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (validator: string, flags: { node: string }, cmd: Command) => print(cmd, await queryValidator({ node: flags.node, validator })));
  staking
    .command("delegation <delegator_addr> <validator_addr>")
    .description("one delegator's delegation to one validator: shares and balance")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (delegator: string, validator: string, flags: { node: string }, cmd: Command) => print(cmd, await queryDelegation({ node: flags.node, delegator, validator })));
  staking
    .command("delegations <delegator_addr>")
    .description("every delegation of a delegator")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (delegator: string, flags: { node: string }, cmd: Command) => print(cmd, await queryDelegations({ node: flags.node, delegator })));
  staking
    .command("unbonding-delegations <delegator_addr>")
    .description("every unbonding delegation of a delegator, with its entries' completion times")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (delegator: string, flags: { node: string }, cmd: Command) => print(cmd, await queryUnbondingDelegations({ node: flags.node, delegator })));
  staking
    .command("pool")
    .description("bonded and not-bonded tokens")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (flags: { node: string }, cmd: Command) => print(cmd, await queryPool({ node: flags.node })));
  staking
    .command("params")
    .description("staking parameters")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (flags: { node: string }, cmd: Command) => print(cmd, await queryStakingParams({ node: flags.node })));
}
