/** Account addresses: 20 bytes, ripemd160(sha256(compressed secp256k1 pubkey)), shown as bech32. */
import { fromBech32, toBech32 } from "@cosmjs/encoding";
import { ripemd160 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { keyToString } from "../store/keys.js";
import { ErrInvalidAddress } from "./sdk-errors.js";

export const ACCOUNT_PREFIX = "agora";

export function addressFromPubkey(compressedPubkey: Uint8Array): Uint8Array {
  return ripemd160(sha256(compressedPubkey));
}

/** Encodes address bytes as bech32; the chain's own prefix goes through the memo. */
export function toAccAddress(bytes: Uint8Array, prefix = ACCOUNT_PREFIX): string {
  if (prefix !== ACCOUNT_PREFIX) return toBech32(prefix, bytes);
  let address = addressMemo.stringOf.get(keyToString(bytes));
  if (address === undefined) {
    address = toBech32(prefix, bytes);
    addressMemo.remember(address, bytes.slice());
  }
  return address;
}

/**
 * Decodes a bech32 account address; throws invalid address naming the input. Returns a fresh
 * array the caller may keep.
 */
export function fromAccAddress(address: string, prefix = ACCOUNT_PREFIX): Uint8Array {
  if (prefix !== ACCOUNT_PREFIX) return decodeAddress(address, prefix);
  let bytes = addressMemo.bytesOf.get(address);
  if (!bytes) {
    bytes = decodeAddress(address, prefix);
    // A valid lower-case bech32 string is the one encoding of its bytes (uppercase also decodes).
    addressMemo.remember(address === address.toLowerCase() ? address : undefined, bytes);
  }
  return bytes.slice();
}

/**
 * Bech32 conversions, memoized: one bank send converts the same three addresses a dozen times
 * (message checks, stored accounts, events) at microseconds each. Both directions are pure, so
 * the memo cannot change a result; errors are not memoized. Small, so that a genesis of
 * millions of addresses passing through stays cheap garbage.
 */
const addressMemo = {
  capacity: 1_024,
  bytesOf: new Map<string, Uint8Array>(),
  stringOf: new Map<string, string>(),
  /** Both directions at once: an address decoded from a message is soon encoded back (events). */
  remember(address: string | undefined, bytes: Uint8Array): void {
    if (this.bytesOf.size >= this.capacity || this.stringOf.size >= this.capacity) {
      this.bytesOf.clear();
      this.stringOf.clear();
    }
    if (address === undefined) return;
    this.bytesOf.set(address, bytes);
    this.stringOf.set(keyToString(bytes), address);
  },
};

function decodeAddress(address: string, prefix: string): Uint8Array {
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
