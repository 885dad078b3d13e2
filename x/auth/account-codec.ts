/** Accounts to and from the Any-packed BaseAccount/ModuleAccount the Cosmos SDK stores. */
import { BaseAccount, ModuleAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { Any } from "cosmjs-types/google/protobuf/any";
import { encodeProto } from "../../sdk/codec/encode.js";
import type { ValueCodec } from "../../sdk/collections/codecs.js";
import { ErrInvalidPubKey } from "../../sdk/types/sdk-errors.js";
import { SECP256K1_PUBKEY_TYPE, type Account } from "./types.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";

export function toBaseAccount(account: Account): BaseAccount {
  return {
    address: toAccAddress(account.address),
    pubKey: account.pubKey ? { typeUrl: SECP256K1_PUBKEY_TYPE, value: encodeProto(PubKey, { key: account.pubKey }) } : undefined,
    accountNumber: account.accountNumber,
    sequence: account.sequence,
  };
}

export function accountToAny(account: Account): Any {
  const base = toBaseAccount(account);
  if (account.module) {
    return {
      typeUrl: ModuleAccount.typeUrl,
      value: encodeProto(ModuleAccount, { baseAccount: base, name: account.module.name, permissions: account.module.permissions }),
    };
  }
  return { typeUrl: BaseAccount.typeUrl, value: encodeProto(BaseAccount, base) };
}

/** A secp256k1 public key from its Any; any other key type is rejected with a clear error. */
export function pubKeyFromAny(any: Any | undefined): Uint8Array | undefined {
  if (!any) return undefined;
  if (any.typeUrl !== SECP256K1_PUBKEY_TYPE) throw ErrInvalidPubKey.wrap(`unsupported public key type ${any.typeUrl}; sign with a secp256k1 key`);
  const key = PubKey.decode(any.value).key;
  if (key.length !== 33) throw ErrInvalidPubKey.wrap(`expected a 33-byte compressed secp256k1 key, got ${key.length} bytes`);
  return key;
}

export function accountFromAny(any: Any): Account {
  if (any.typeUrl === ModuleAccount.typeUrl) {
    const m = ModuleAccount.decode(any.value);
    return { ...fromBase(m.baseAccount!), module: { name: m.name, permissions: m.permissions } };
  }
  return fromBase(BaseAccount.decode(any.value));
}

function fromBase(base: BaseAccount): Account {
  return {
    address: fromAccAddress(base.address),
    pubKey: pubKeyFromAny(base.pubKey),
    accountNumber: base.accountNumber,
    sequence: base.sequence,
  };
}

/**
 * Decoded accounts by the stored bytes they came from. The stores hand back the same bytes for
 * the same value (see CommitStore's read cache) and a tx reads its signer's account several
 * times, so most decodes are lookups; every caller still gets its own shallow copy.
 */
const decoded = new WeakMap<Uint8Array, Account>();

export const accountValue: ValueCodec<Account> = {
  encode: (a) => encodeProto(Any, accountToAny(a)),
  decode(bytes) {
    let account = decoded.get(bytes);
    if (!account) {
      account = accountFromAny(Any.decode(bytes));
      decoded.set(bytes, account);
    }
    return { ...account };
  },
};
