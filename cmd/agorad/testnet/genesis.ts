/**
 * The localnet's shared genesis, made as operators make a chain's: every account funded, then
 * each validator's gentx (its operator's MsgCreateValidator signed with its own keyring, carrying
 * its own node's consensus key, written to its config/gentx/ as `agorad genesis gentx` does), then
 * the gentxs collected (`collect-gentxs`): genesis.json lists no CometBFT validators and the app's
 * InitChain answers the set.
 */
import { Coins } from "../../../sdk/types/coins.js";
import { addGenesisAccount } from "../node/genesis-commands.js";
import { putGentxs, writeGentx } from "../node/gentx.js";
import type { GenesisFile } from "../node/home.js";
import type { Keyring } from "../keys/keyring.js";

/** Each validator's self-delegation: equal, so any three of four make a quorum (power 10000 each). */
export const SELF_DELEGATION = "10000000000uagora";

export interface LocalnetValidator {
  moniker: string;
  home: string;
  /** Its operator's keyring and key name; the operator is funded among the accounts. */
  keyring: Keyring;
  keyName: string;
}

export interface FundedAccount {
  address: string;
  coins: string;
}

/** `base` (node0's fresh genesis) with every account funded and every validator's gentx in it. */
export async function localnetGenesis(base: GenesisFile, validators: LocalnetValidator[], accounts: FundedAccount[]): Promise<GenesisFile> {
  const genesis: GenesisFile = structuredClone(base);
  for (const account of accounts) addGenesisAccount(genesis, account.address, Coins.parse(account.coins));
  const gentxs = [];
  for (const v of validators) {
    const { json } = await writeGentx({ home: v.home, genesis, keyring: v.keyring, keyName: v.keyName, amount: SELF_DELEGATION, moniker: v.moniker });
    gentxs.push(json);
  }
  putGentxs(genesis, gentxs);
  return genesis;
}
