/**
 * secp256k1 signature verification through libsecp256k1 (the `secp256k1` addon): ~20x the pure
 * JS rate. Loaded from its native binding directly, so a missing build fails loudly instead of
 * silently falling back to the slow implementation the package ships.
 */
import { createRequire } from "node:module";

interface NativeSecp256k1 {
  ecdsaVerify(signature: Uint8Array, message32: Uint8Array, publicKey: Uint8Array): boolean;
  publicKeyVerify(publicKey: Uint8Array): boolean;
}

const require = createRequire(import.meta.url);

function loadNative(): NativeSecp256k1 {
  try {
    return require("secp256k1/bindings") as NativeSecp256k1;
  } catch (err) {
    throw new Error(
      `the native secp256k1 addon failed to load (${(err as Error).message}); run "npm rebuild secp256k1" with install scripts allowed`,
    );
  }
}

export const nativeSecp256k1: NativeSecp256k1 = loadNative();

/** Half the curve order: signatures with S above it are the malleable high-S twins. */
const HALF_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;

export function isLowS(signature: Uint8Array): boolean {
  const s = BigInt("0x" + Buffer.from(signature.subarray(32, 64)).toString("hex"));
  return s <= HALF_ORDER;
}

/** Verifies a 64-byte compact (r || s) low-S signature over a 32-byte digest. */
export function verifySecp256k1(signature: Uint8Array, digest: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || digest.length !== 32 || publicKey.length !== 33) return false;
  if (!isLowS(signature)) return false;
  try {
    return nativeSecp256k1.ecdsaVerify(signature, digest, publicKey);
  } catch {
    return false;
  }
}
