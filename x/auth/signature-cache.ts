/**
 * Signatures already verified in CheckTx, so FinalizeBlock does not verify the same tx twice.
 * An entry is the exact (digest, public key, signature) triple that verified, so a hit proves
 * what a second verification would prove.
 */
import { keyToString } from "../../sdk/store/keys.js";

export class SignatureCache {
  private readonly verified = new Set<string>();
  constructor(private readonly capacity = 100_000) {}

  private static key(digest: Uint8Array, publicKey: Uint8Array, signature: Uint8Array): string {
    return keyToString(digest) + keyToString(publicKey) + keyToString(signature);
  }

  remember(digest: Uint8Array, publicKey: Uint8Array, signature: Uint8Array): void {
    if (this.verified.size >= this.capacity) this.verified.clear();
    this.verified.add(SignatureCache.key(digest, publicKey, signature));
  }

  /** True (and forgets the entry) when this triple verified before. */
  take(digest: Uint8Array, publicKey: Uint8Array, signature: Uint8Array): boolean {
    return this.verified.delete(SignatureCache.key(digest, publicKey, signature));
  }
}
