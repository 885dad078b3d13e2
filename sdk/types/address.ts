/** Account addresses: 20 bytes, ripemd160(sha256(compressed secp256k1 pubkey)), shown as bech32. */
import { fromBech32, toBech32 } from "@cosmjs/encoding";
import { ripemd160 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { ErrInvalidAddress } from "./sdk-errors.js";

export const ACCOUNT_PREFIX = "agora";

export function addressFromPubkey(compressedPubkey: Uint8Array): Uint8Array {
  return ripemd160(sha256(compressedPubkey));
}

export function toAccAddress(bytes: Uint8Array, prefix = ACCOUNT_PREFIX): string {
  return toBech32(prefix, bytes);
}

/** Decodes a bech32 account address; throws invalid address naming the input. */
export function fromAccAddress(address: string, prefix = ACCOUNT_PREFIX): Uint8Array {
  let decoded: { prefix: string; data: Uint8Array };
  try {
    decoded = fromBech32(address, 90);
  } catch (err) {
    throw ErrInvalidAddress.wrap(`invalid address "${address}": ${(err as Error).message}`);
  }
  if (decoded.prefix !== prefix) {
    throw ErrInvalidAddress.wrap(`invalid address "${address}": expected prefix ${prefix}, got ${decoded.prefix}`);
  }
  if (decoded.data.length !== 20 && decoded.data.length !== 32) {
    throw ErrInvalidAddress.wrap(`invalid address "${address}": expected 20 or 32 bytes, got ${decoded.data.length}`);
  }
  return decoded.data;
}

/** A module account's address: the first 20 bytes of sha256(module name), as the SDK derives it. */
export function moduleAddress(name: string): Uint8Array {
  return sha256(new TextEncoder().encode(name)).subarray(0, 20);
}
