/**
 * Bech32 account addresses, memoized. One bank send converts the same three addresses a dozen
 * times (message checks, stored accounts, events) and each bech32 pass costs microseconds. Both
 * directions are pure functions, so the memo cannot change a result; it is bounded, and
 * errors are not memoized (they are rethrown by the underlying functions with their message).
 */
import { ACCOUNT_PREFIX, fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import { keyToString } from "../../sdk/store/keys.js";

/**
 * Enough for the addresses of the last few hundred txs, which each convert the same ones many
 * times; small, so that a genesis of millions of addresses passing through stays cheap garbage.
 */
const CAPACITY = 1_024;
const bytesOf = new Map<string, Uint8Array>();
const stringOf = new Map<string, string>();

/** `fromAccAddress` for the chain's own prefix; returns a fresh array the caller may keep. */
export function addressBytes(address: string): Uint8Array {
  let bytes = bytesOf.get(address);
  if (!bytes) {
    bytes = fromAccAddress(address, ACCOUNT_PREFIX);
    // A valid lower-case bech32 string is the one encoding of its bytes (uppercase also decodes).
    remember(address === address.toLowerCase() ? address : undefined, bytes);
  }
  return bytes.slice();
}

/** `toAccAddress` for the chain's own prefix. */
export function addressString(bytes: Uint8Array): string {
  let address = stringOf.get(keyToString(bytes));
  if (address === undefined) {
    address = toAccAddress(bytes, ACCOUNT_PREFIX);
    remember(address, bytes.slice());
  }
  return address;
}

/** Both directions at once: an address decoded from a message is soon encoded back (events). */
function remember(address: string | undefined, bytes: Uint8Array): void {
  if (bytesOf.size >= CAPACITY || stringOf.size >= CAPACITY) {
    bytesOf.clear();
    stringOf.clear();
  }
  if (address === undefined) return;
  bytesOf.set(address, bytes);
  stringOf.set(keyToString(bytes), address);
}
