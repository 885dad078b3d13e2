/**
 * Passphrase encryption for the `file` keyring and for key exports: argon2id (random 16-byte
 * salt, 64 MiB, 3 passes) turns the passphrase into a 32-byte key; XChaCha20-Poly1305 with a
 * random 24-byte nonce seals the secret. A wrong passphrase fails the Poly1305 tag check.
 */
import { Random, Xchacha20poly1305Ietf, xchacha20NonceLength } from "@cosmjs/crypto";
import { fromBase64, fromUtf8, toBase64, toUtf8 } from "@cosmjs/encoding";
import { argon2id } from "@noble/hashes/argon2.js";

/** Parameters of the argon2id key derivation, stored next to what it protects. */
export interface KdfParams {
  algorithm: "argon2id";
  /** base64, 16 bytes */
  salt: string;
  /** passes */
  t: number;
  /** memory in KiB */
  m: number;
  /** parallelism */
  p: number;
}

/** An encrypted payload: base64 nonce and ciphertext (with its 16-byte tag). */
export interface SealedBox {
  cipher: "xchacha20poly1305";
  nonce: string;
  ciphertext: string;
}

/** RFC 9106's second recommended setting (64 MiB, t=3), single lane. */
export function newKdfParams(): KdfParams {
  return { algorithm: "argon2id", salt: toBase64(Random.getBytes(16)), t: 3, m: 64 * 1024, p: 1 };
}

/** Checks stored KDF parameters before spending memory and time on them. */
export function isKdfParams(x: unknown): x is KdfParams {
  const k = x as Partial<KdfParams> | null;
  return (
    !!k &&
    k.algorithm === "argon2id" &&
    typeof k.salt === "string" &&
    [k.t, k.m, k.p].every((n) => Number.isInteger(n) && (n as number) > 0) &&
    (k.m as number) <= 1024 * 1024
  );
}

export function isSealedBox(x: unknown): x is SealedBox {
  const s = x as Partial<SealedBox> | null;
  return !!s && s.cipher === "xchacha20poly1305" && typeof s.nonce === "string" && typeof s.ciphertext === "string";
}

/** Derives the 32-byte encryption key for `passphrase`. */
export function deriveKey(passphrase: string, params: KdfParams): Uint8Array {
  return argon2id(toUtf8(passphrase), fromBase64(params.salt), { t: params.t, m: params.m, p: params.p, dkLen: 32 });
}

export async function seal(key: Uint8Array, plaintext: string): Promise<SealedBox> {
  const nonce = Random.getBytes(xchacha20NonceLength);
  const ciphertext = await Xchacha20poly1305Ietf.encrypt(toUtf8(plaintext), key, nonce);
  return { cipher: "xchacha20poly1305", nonce: toBase64(nonce), ciphertext: toBase64(ciphertext) };
}

/** Decrypts a box; returns undefined when the key is wrong (or the box was tampered with). */
export async function unseal(key: Uint8Array, box: SealedBox): Promise<string | undefined> {
  try {
    return fromUtf8(await Xchacha20poly1305Ietf.decrypt(fromBase64(box.ciphertext), key, fromBase64(box.nonce)));
  } catch {
    return undefined;
  }
}
