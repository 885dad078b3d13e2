/** The auth module's names, parameters and account shapes. */
import type { Params } from "cosmjs-types/cosmos/auth/v1beta1/auth";

export const AUTH_MODULE = "auth";
export const AUTH_STORE = "acc";
export const FEE_COLLECTOR = "fee_collector";

export const DEFAULT_AUTH_PARAMS: Params = {
  maxMemoCharacters: 256n,
  txSigLimit: 7n,
  txSizeCostPerByte: 10n,
  sigVerifyCostEd25519: 590n,
  sigVerifyCostSecp256k1: 1000n,
};

export const SECP256K1_PUBKEY_TYPE = "/cosmos.crypto.secp256k1.PubKey";

/** An account as the keeper hands it out; stored as an Any (BaseAccount or ModuleAccount). */
export interface Account {
  address: Uint8Array;
  /** Compressed secp256k1 public key, once the account has signed a tx. */
  pubKey: Uint8Array | undefined;
  accountNumber: bigint;
  sequence: bigint;
  module?: { name: string; permissions: string[] };
}
