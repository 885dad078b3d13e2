/** The auth section of genesis, in the Cosmos SDK's JSON shape. */
import { BaseAccount, ModuleAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { lazyMap } from "../../sdk/codec/lazy-list.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import type { Context } from "../../sdk/types/context.js";
import { pubKeyFromAny } from "./account-codec.js";
import type { AccountKeeper } from "./keeper.js";
import { DEFAULT_AUTH_PARAMS, SECP256K1_PUBKEY_TYPE, type Account } from "./types.js";

/** A public key as the SDK's genesis JSON shows it. */
interface JsonPubKey {
  "@type": string;
  key: string;
}

interface JsonAccount {
  "@type": string;
  address?: string;
  account_number?: string;
  sequence?: string;
  pub_key?: JsonPubKey | null;
  base_account?: { address: string; pub_key?: JsonPubKey | null; account_number?: string; sequence?: string };
  name?: string;
  permissions?: string[];
}

export interface AuthGenesis {
  params?: Record<string, string>;
  /** An iterable so that a large genesis streams its accounts (see ModuleManager.initGenesis). */
  accounts?: Iterable<JsonAccount>;
}

export function defaultAuthGenesis(): AuthGenesis {
  return {
    params: {
      max_memo_characters: DEFAULT_AUTH_PARAMS.maxMemoCharacters.toString(),
      tx_sig_limit: DEFAULT_AUTH_PARAMS.txSigLimit.toString(),
      tx_size_cost_per_byte: DEFAULT_AUTH_PARAMS.txSizeCostPerByte.toString(),
      sig_verify_cost_ed25519: DEFAULT_AUTH_PARAMS.sigVerifyCostEd25519.toString(),
      sig_verify_cost_secp256k1: DEFAULT_AUTH_PARAMS.sigVerifyCostSecp256k1.toString(),
    },
    accounts: [],
  };
}

export function initAuthGenesis(ctx: Context, keeper: AccountKeeper, genesis: AuthGenesis): void {
  const p = genesis.params ?? {};
  const param = (name: string, fallback: bigint) => (p[name] !== undefined ? BigInt(p[name]!) : fallback);
  keeper.params.set(ctx, {
    maxMemoCharacters: param("max_memo_characters", DEFAULT_AUTH_PARAMS.maxMemoCharacters),
    txSigLimit: param("tx_sig_limit", DEFAULT_AUTH_PARAMS.txSigLimit),
    txSizeCostPerByte: param("tx_size_cost_per_byte", DEFAULT_AUTH_PARAMS.txSizeCostPerByte),
    sigVerifyCostEd25519: param("sig_verify_cost_ed25519", DEFAULT_AUTH_PARAMS.sigVerifyCostEd25519),
    sigVerifyCostSecp256k1: param("sig_verify_cost_secp256k1", DEFAULT_AUTH_PARAMS.sigVerifyCostSecp256k1),
  });
  let next = 0n;
  for (const json of genesis.accounts ?? []) {
    const account = accountFromJson(json);
    if (keeper.hasAccount(ctx, account.address)) throw new Error(`genesis lists account ${json.address ?? json.base_account?.address} twice`);
    keeper.setAccount(ctx, account);
    if (account.accountNumber >= next) next = account.accountNumber + 1n;
  }
  keeper.nextAccountNumber.set(ctx, next);
}

function accountFromJson(json: JsonAccount): Account {
  const base = json["@type"] === ModuleAccount.typeUrl ? json.base_account : json;
  if (json["@type"] !== BaseAccount.typeUrl && json["@type"] !== ModuleAccount.typeUrl) {
    throw new Error(`genesis account type ${json["@type"]} is not supported`);
  }
  if (!base?.address) throw new Error(`genesis account of type ${json["@type"]} has no address`);
  const account: Account = {
    address: fromAccAddress(base.address),
    pubKey: base.pub_key ? pubKeyFromAny({ typeUrl: base.pub_key["@type"], value: PubKey.encode({ key: Buffer.from(base.pub_key.key, "base64") }).finish() }) : undefined,
    accountNumber: BigInt(base.account_number ?? "0"),
    sequence: BigInt(base.sequence ?? "0"),
  };
  if (json["@type"] === ModuleAccount.typeUrl) account.module = { name: json.name ?? "", permissions: json.permissions ?? [] };
  return account;
}

export function exportAuthGenesis(ctx: Context, keeper: AccountKeeper): AuthGenesis {
  const params = keeper.getParams(ctx);
  return {
    params: {
      max_memo_characters: params.maxMemoCharacters.toString(),
      tx_sig_limit: params.txSigLimit.toString(),
      tx_size_cost_per_byte: params.txSizeCostPerByte.toString(),
      sig_verify_cost_ed25519: params.sigVerifyCostEd25519.toString(),
      sig_verify_cost_secp256k1: params.sigVerifyCostSecp256k1.toString(),
    },
    // Read from the store while the export is written: a million accounts are never all in memory.
    accounts: lazyMap(() => keeper.accounts.entries(ctx), ([, account]) => accountToJson(account)),
  };
}

/** The SDK's snake_case shape, which accountFromJson reads back (BaseAccount.toJSON is camelCase). */
function accountToJson(account: Account): JsonAccount {
  const base = {
    address: toAccAddress(account.address),
    pub_key: account.pubKey ? { "@type": SECP256K1_PUBKEY_TYPE, key: Buffer.from(account.pubKey).toString("base64") } : null,
    account_number: account.accountNumber.toString(),
    sequence: account.sequence.toString(),
  };
  return account.module
    ? { "@type": ModuleAccount.typeUrl, base_account: base, name: account.module.name, permissions: account.module.permissions }
    : { "@type": BaseAccount.typeUrl, ...base };
}
