/** From a BIP39 mnemonic and HD path to a CosmJS signer and the key's public description. */
import { EnglishMnemonic, stringToPath } from "@cosmjs/crypto";
import { toBase64 } from "@cosmjs/encoding";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { BECH32_PREFIX, CliError } from "../cli.js";

/** Cosmos coin type 118, first account, first address. */
export const DEFAULT_HD_PATH = "m/44'/118'/0'/0/0";

/** Normalises whitespace and checks words and checksum; throws a CliError naming the problem. */
export function normalizeMnemonic(mnemonic: string): string {
  const words = mnemonic.trim().toLowerCase().split(/\s+/).filter(Boolean);
  try {
    return new EnglishMnemonic(words.join(" ")).toString();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new CliError(`invalid mnemonic (${words.length} words): ${reason}; expected 12-24 BIP39 English words`);
  }
}

/** Checks an HD path like m/44'/118'/0'/0/0; throws a CliError naming the bad input. */
export function checkHdPath(hdPath: string): string {
  try {
    stringToPath(hdPath);
    return hdPath;
  } catch {
    throw new CliError(`invalid HD path "${hdPath}": expected a BIP32 path such as ${DEFAULT_HD_PATH}`);
  }
}

export async function walletFor(mnemonic: string, hdPath: string): Promise<DirectSecp256k1HdWallet> {
  return DirectSecp256k1HdWallet.fromMnemonic(mnemonic, { prefix: BECH32_PREFIX, hdPaths: [stringToPath(hdPath)] });
}

/** The bech32 address and base64 compressed secp256k1 public key of a mnemonic at a path. */
export async function describeKey(mnemonic: string, hdPath: string): Promise<{ address: string; pubkey: string }> {
  const [account] = await (await walletFor(mnemonic, hdPath)).getAccounts();
  if (!account) throw new Error("wallet derived no account");
  return { address: account.address, pubkey: toBase64(account.pubkey) };
}
