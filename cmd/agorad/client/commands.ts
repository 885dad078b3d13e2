/** `agorad tx bank send|staking|slashing|distribution|gov|roles|circuit ...`, `agorad query bank|auth|staking|slashing|distribution|gov|roles|circuit ...` and `agorad status`. */
import type { Command } from "commander";
import { DEFAULT_CHAIN_ID, DEFAULT_NODE, globalOptions, printResult } from "../cli.js";
import { addKeyringOptions, keyringFromFlags, type KeyringFlags } from "../keys/options.js";
import { formatCoins } from "./coins.js";
import { queryAccount, queryBalances, queryStatus } from "./query.js";
import { registerGovQueryCommands, registerGovTxCommands } from "./gov-commands.js";
import { registerCircuitQueryCommands, registerCircuitTxCommands } from "./circuit-commands.js";
import { registerCommerceQueryCommands, registerCommerceTxCommands } from "./commerce-commands.js";
import { registerDistributionQueryCommands, registerDistributionTxCommands } from "./distribution-commands.js";
import { registerRolesQueryCommands, registerRolesTxCommands } from "./roles-commands.js";
import { registerSocialQueryCommands, registerSocialTxCommands } from "./social-commands.js";
import { registerSlashingQueryCommands, registerSlashingTxCommands } from "./slashing-commands.js";
import { registerStakingQueryCommands, registerStakingTxCommands } from "./staking-commands.js";
import { assertTxSuccess, DEFAULT_GAS_ADJUSTMENT, DEFAULT_GAS_PRICES, sendTokens, type BroadcastOptions, type SendResult } from "./tx.js";

export interface SendFlags extends KeyringFlags {
  fees?: string;
  gas: string;
  gasAdjustment: string;
  gasPrices?: string;
  chainId: string;
  node: string;
  memo?: string;
}

export const NODE_HELP = "CometBFT RPC endpoint";

/** The signing, fee and node flags every `tx` command takes. */
export function addBroadcastOptions(cmd: Command): Command {
  return addKeyringOptions(cmd)
    .option("--fees <coins>", "fixed fee, e.g. 2000uagora (instead of --gas-prices)")
    .option("--gas <gas>", "gas limit, or auto to simulate", "auto")
    .option("--gas-adjustment <n>", "multiplier for simulated gas", String(DEFAULT_GAS_ADJUSTMENT))
    .option("--gas-prices <price>", `price per unit of gas (default ${DEFAULT_GAS_PRICES})`)
    .option("--chain-id <id>", "expected chain id", DEFAULT_CHAIN_ID)
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .option("--memo <text>", "transaction memo");
}

/** The signer, fee and node of a `tx` command, from its flags. */
export function broadcast(from: string, flags: SendFlags, cmd: Command): BroadcastOptions {
  const { fees, gas, gasAdjustment, gasPrices, chainId, node, memo } = flags;
  return { from, fees, gas, gasAdjustment, gasPrices, chainId, node, memo, keyring: keyringFromFlags(globalOptions(cmd).home, flags) };
}

/** Prints a broadcast tx's hash, code and gas, then fails when the chain refused it. */
export function reportTx(cmd: Command, res: SendResult): void {
  const text = `txhash: ${res.txhash}\ncode: ${res.code}\nheight: ${res.height}\ngas used: ${res.gasUsed} (wanted ${res.gasWanted})`;
  printResult(globalOptions(cmd), res, text);
  assertTxSuccess(res);
}

export function registerTxCommands(program: Command): void {
  const tx = program.command("tx").description("sign and broadcast transactions");
  const bank = tx.command("bank").description("bank module transactions");
  addBroadcastOptions(bank.command("send <from_key_or_address> <to_address> <amount>"))
    .description("send coins, e.g. `agorad tx bank send alice agora1... 100uagora`")
    .action(async (from: string, to: string, amount: string, flags: SendFlags, cmd: Command) => {
      const { home } = globalOptions(cmd);
      const { fees, gas, gasAdjustment, gasPrices, chainId, node, memo } = flags;
      const keyring = keyringFromFlags(home, flags);
      reportTx(cmd, await sendTokens({ from, to, amount, fees, gas, gasAdjustment, gasPrices, chainId, node, memo, keyring }));
    });
  registerStakingTxCommands(tx);
  registerGovTxCommands(tx);
  registerRolesTxCommands(tx);
  registerSocialTxCommands(tx);
  registerCircuitTxCommands(tx);
  registerSlashingTxCommands(tx);
  registerDistributionTxCommands(tx);
  registerCommerceTxCommands(tx);
}

export function registerQueryCommands(program: Command): void {
  const query = program.command("query").alias("q").description("query chain state");

  query
    .command("bank")
    .description("bank module queries")
    .command("balances <address>")
    .description("balances of an account")
    .option("--denom <denom>", "only this denom")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (address: string, flags: { denom?: string; node: string }, cmd: Command) => {
      const res = await queryBalances({ address, denom: flags.denom, node: flags.node });
      const text = res.balances.length ? res.balances.map((c) => formatCoins([c])).join("\n") : "(no balances)";
      printResult(globalOptions(cmd), res, text);
    });

  query
    .command("auth")
    .description("auth module queries")
    .command("account <address>")
    .description("account number, sequence and public key of an account")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (address: string, flags: { node: string }, cmd: Command) => {
      const a = await queryAccount({ address, node: flags.node });
      const text = `address: ${a.address}\naccount number: ${a.accountNumber}\nsequence: ${a.sequence}\npubkey: ${a.pubkey?.value ?? "(none)"}`;
      printResult(globalOptions(cmd), a, text);
    });
  registerStakingQueryCommands(query);
  registerGovQueryCommands(query);
  registerRolesQueryCommands(query);
  registerSocialQueryCommands(query);
  registerCircuitQueryCommands(query);
  registerSlashingQueryCommands(query);
  registerDistributionQueryCommands(query);
  registerCommerceQueryCommands(query);
}

export function registerStatusCommand(program: Command): void {
  program
    .command("status")
    .description("the node's chain id, latest height and app hash, and whether it is catching up")
    .option("--node <url>", NODE_HELP, DEFAULT_NODE)
    .action(async (flags: { node: string }, cmd: Command) => {
      const s = await queryStatus({ node: flags.node });
      const text =
        `chain id: ${s.chainId}\nlatest height: ${s.latestBlockHeight}\nlatest app hash: ${s.latestAppHash}\n` +
        `latest block time: ${s.latestBlockTime}\ncatching up: ${s.catchingUp}`;
      printResult(globalOptions(cmd), s, text);
    });
}
