/**
 * The localnet's shared genesis. Until x/staking lands, its validators are CometBFT genesis
 * validators (genesis.json `validators`, equal power), as a devnet's single validator is. With
 * staking, this is the one function to change: each node signs a gentx and the validators come
 * from `collect-gentxs` instead of being listed here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Coins } from "../../../sdk/types/coins.js";
import { addGenesisAccount } from "../node/genesis-commands.js";
import type { GenesisFile } from "../node/home.js";

/** Each genesis validator's voting power: equal, so any three of four make a quorum. */
export const VALIDATOR_POWER = "10";

export interface LocalnetValidator {
  moniker: string;
  home: string;
  /** Its operator account (bech32), funded in genesis. */
  operator: string;
}

export interface FundedAccount {
  address: string;
  coins: string;
}

/** `base` (node0's fresh genesis) with every validator in its validator set and every account funded. */
export function localnetGenesis(base: GenesisFile, validators: LocalnetValidator[], accounts: FundedAccount[]): GenesisFile {
  const genesis: GenesisFile = structuredClone(base);
  genesis.validators = validators.map((v) => {
    const key = JSON.parse(readFileSync(join(v.home, "config", "priv_validator_key.json"), "utf8")) as {
      address: string;
      pub_key: { type: string; value: string };
    };
    return { address: key.address, pub_key: key.pub_key, power: VALIDATOR_POWER, name: v.moniker };
  });
  for (const account of accounts) addGenesisAccount(genesis, account.address, Coins.parse(account.coins));
  return genesis;
}
