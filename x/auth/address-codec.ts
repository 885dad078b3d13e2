/**
 * Bech32 account addresses, memoized. One bank send converts the same three addresses a dozen
 * times (message checks, stored accounts, events) and each bech32 pass costs microseconds. Both
 * directions are pure functions, so the memo cannot change a result; it is bounded, and
 * errors are not memoized (they are rethrown by the underlying functions with their message).
 */
import { ACCOUNT_PREFIX, fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import { keyToString } from "../../sdk/store/keys.js";

const CAPACITY = 50_000;
const bytesOf = new Map<string, Uint8Array>();
const stringOf = new Map<string, string>();

/** `fromAccAddress` for the chain's own prefix; returns a fresh array the caller may keep. */
export function addressBytes(address: string): Uint8Array {
  let bytes = bytesOf.get(address);
  if (!bytes) {
    bytes = fromAccAddress(address, ACCOUNT_PREFIX);
    if (bytesOf.size >= CAPACITY) bytesOf.clear();
    bytesOf.set(address, bytes);
  }
  return bytes.slice();
}

/** `toAccAddress` for the chain's own prefix. */
export function addressString(bytes: Uint8Array): string {
  const key = keyToString(bytes);
  let address = stringOf.get(key);
  if (address === undefined) {
    address = toAccAddress(bytes, ACCOUNT_PREFIX);
    if (stringOf.size >= CAPACITY) stringOf.clear();
    stringOf.set(key, address);
  }
  return address;
}
