/** `agorad genesis add-genesis-account|add-role`: funds an account or grants a role in the genesis file; gentx.ts adds the validator flow. */
import type { Command } from "commander";
import { Coins } from "../../../sdk/types/coins.js";
import { fromAccAddress } from "../../../sdk/types/address.js";
import { CliError, globalOptions, printResult } from "../cli.js";
import { parseExpiresAtHeight, parseRole } from "../client/roles.js";
import { addKeyringOptions, keyringFromFlags, type KeyringFlags } from "../keys/options.js";
import { registerGentxCommands } from "./gentx.js";
import { readGenesis, writeGenesis, type GenesisFile } from "./home.js";

export function registerGenesisCommands(program: Command): void {
  const genesis = program.command("genesis").description("edit the genesis file before the chain starts");
  addKeyringOptions(
    genesis
      .command("add-genesis-account <address_or_key> <coins>")
      .description("add a funded account to genesis (a bech32 address, or a key name in the keyring)"),
  ).action(async (who: string, coinsText: string, flags: KeyringFlags, command: Command) => {
    const { home, output } = globalOptions(command);
    const coins = Coins.parse(coinsText);
    if (coins.isZero()) throw new CliError(`no coins in "${coinsText}": give e.g. 1000000uagora`);
    const address = await resolveAddress(home, who, flags);
    const file = readGenesis(home);
    addGenesisAccount(file, address, coins);
    writeGenesis(home, file);
    printResult({ home, output }, { address, coins: coins.toProto() }, `added ${address} with ${coins} to genesis`);
  });

  addKeyringOptions(
    genesis
      .command("add-role <role> <address_or_key>")
      .description("grant a role in genesis, e.g. `agorad genesis add-role admin dev`: a devnet's admin, who can then grant pauser and the other roles")
      .option("--expires-at-height <height>", "the first height at which the grant no longer counts (default: never expires)"),
  ).action(async (role: string, who: string, flags: KeyringFlags & { expiresAtHeight?: string }, command: Command) => {
    const { home, output } = globalOptions(command);
    parseRole(role);
    const expiresAtHeight = parseExpiresAtHeight(flags.expiresAtHeight).toString();
    const address = await resolveAddress(home, who, flags);
    const file = readGenesis(home);
    const roles = (file.app_state.roles ??= {}) as { grants?: { role: string; address: string; expires_at_height?: string }[] };
    const grants = (roles.grants ??= []);
    if (grants.some((g) => g.role === role && g.address === address)) throw new CliError(`${address} already holds role ${role} in genesis`);
    grants.push({ role, address, expires_at_height: expiresAtHeight });
    writeGenesis(home, file);
    printResult({ home, output }, { role, address, expires_at_height: expiresAtHeight }, `granted ${role} to ${address} in genesis`);
  });
  registerGentxCommands(genesis);
}

/** Adds `address` with `coins` to the genesis auth accounts and bank balances; throws if it is there already. */
export function addGenesisAccount(file: GenesisFile, address: string, coins: Coins): void {
  const auth = (file.app_state.auth ??= {});
  const bank = (file.app_state.bank ??= {});
  const accounts = (auth.accounts ??= []);
  const balances = (bank.balances ??= []);
  if (accounts.some((a) => a.address === address) || balances.some((b) => b.address === address)) {
    throw new CliError(`account ${address} is already in genesis`);
  }
  const nextNumber = accounts.reduce((n, a) => Math.max(n, Number(a.account_number ?? 0) + 1), 0);
  accounts.push({ "@type": "/cosmos.auth.v1beta1.BaseAccount", address, pub_key: null, account_number: String(nextNumber), sequence: "0" });
  balances.push({ address, coins: coins.toProto() });
}

async function resolveAddress(home: string, who: string, flags: KeyringFlags): Promise<string> {
  if (who.startsWith("agora1")) {
    fromAccAddress(who);
    return who;
  }
  return (await keyringFromFlags(home, flags).show(who)).address;
}
