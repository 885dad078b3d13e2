/**
 * The key export format (`keys export` / `keys import`): a JSON document
 * `{type:"agora-key-export", version:1, address, pubkey, hdPath, encrypted, ...}`.
 * Encrypted exports (`encrypted:true`) carry `kdf` + `sealed`: the mnemonic sealed with
 * argon2id/XChaCha20-Poly1305 under the export passphrase (fresh salt per export).
 * Plain exports (`encrypted:false`, only from the `test` backend without a passphrase) carry `mnemonic`.
 */
import { CliError } from "../cli.js";
import { deriveKey, isKdfParams, isSealedBox, newKdfParams, seal, unseal, type KdfParams, type SealedBox } from "./crypto.js";

export const EXPORT_TYPE = "agora-key-export" as const;

export interface KeyExport {
  type: typeof EXPORT_TYPE;
  version: 1;
  address: string;
  pubkey: string;
  hdPath: string;
  encrypted: boolean;
  kdf?: KdfParams;
  sealed?: SealedBox;
  mnemonic?: string;
}

interface ExportSource {
  address: string;
  pubkey: string;
  hdPath: string;
  mnemonic: string;
}

/** Serialises a key; encrypted when `passphrase` is given. */
export async function encodeExport(key: ExportSource, passphrase: string | undefined): Promise<string> {
  const base = { type: EXPORT_TYPE, version: 1 as const, address: key.address, pubkey: key.pubkey, hdPath: key.hdPath };
  let doc: KeyExport;
  if (passphrase === undefined) {
    doc = { ...base, encrypted: false, mnemonic: key.mnemonic };
  } else {
    const kdf = newKdfParams();
    doc = { ...base, encrypted: true, kdf, sealed: await seal(deriveKey(passphrase, kdf), key.mnemonic) };
  }
  return JSON.stringify(doc, null, 2);
}

/** Parses an export without decrypting it. */
export function parseExport(data: string): KeyExport {
  let doc: Partial<KeyExport>;
  try {
    doc = JSON.parse(data) as Partial<KeyExport>;
  } catch {
    throw new CliError("not a key export: expected the JSON written by `agorad keys export`");
  }
  if (doc?.type !== EXPORT_TYPE || doc.version !== 1 || typeof doc.hdPath !== "string" || typeof doc.address !== "string") {
    throw new CliError("not a key export: expected the JSON written by `agorad keys export` (type agora-key-export, version 1)");
  }
  if (doc.encrypted ? !isKdfParams(doc.kdf) || !isSealedBox(doc.sealed) : typeof doc.mnemonic !== "string") {
    throw new CliError("key export is damaged: its encryption fields or mnemonic are missing");
  }
  return doc as KeyExport;
}

/** The mnemonic inside an export; `passphrase` is required when it is encrypted. */
export async function decodeExport(doc: KeyExport, passphrase: string | undefined): Promise<string> {
  if (!doc.encrypted) return doc.mnemonic as string;
  if (passphrase === undefined) {
    throw new CliError("this key export is encrypted: pass the passphrase it was exported with (--export-passphrase)");
  }
  const mnemonic = await unseal(deriveKey(passphrase, doc.kdf as KdfParams), doc.sealed as SealedBox);
  if (mnemonic === undefined) throw new CliError("wrong passphrase for this key export: use the passphrase it was exported with");
  return mnemonic;
}
