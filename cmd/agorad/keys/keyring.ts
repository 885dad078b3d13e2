/**
 * The agorad keyring: named secp256k1 keys derived from BIP39 mnemonics, stored under
 * `<home>/keyring-<backend>/`. Backend `file` seals each mnemonic with the keyring passphrase
 * (argon2id + XChaCha20-Poly1305, see crypto.ts); backend `test` stores it in plain JSON
 * (mode 0600) and is for devnets only. Public data (address, pubkey) is stored in clear, so
 * `list`, `show` and `delete` need no passphrase; `add`, `export`, `import` and `signer` do.
 */
import { Bip39, Random } from "@cosmjs/crypto";
import type { OfflineDirectSigner } from "@cosmjs/proto-signing";
import { join } from "node:path";
import { CliError } from "../cli.js";
import { deriveKey, isKdfParams, isSealedBox, newKdfParams, seal, unseal, type KdfParams, type SealedBox } from "./crypto.js";
import { checkHdPath, DEFAULT_HD_PATH, describeKey, normalizeMnemonic, walletFor } from "./derive.js";
import { decodeExport, encodeExport, parseExport } from "./export.js";
import { checkKeyName, ensureDir, isKeyRecord, isValidKeyName, keyPath, listKeyNames, readJson, removeFile, writeJson, type KeyRecord } from "./store.js";

export const KEYRING_BACKENDS = ["file", "test"] as const;
export type KeyringBackend = (typeof KEYRING_BACKENDS)[number];

/** Public description of a key. */
export interface KeyInfo {
  name: string;
  type: "local";
  /** bech32, prefix agora */
  address: string;
  /** base64 compressed secp256k1 public key */
  pubkey: string;
}

export interface AddKeyOptions {
  /** Recover from this mnemonic; a fresh 24-word mnemonic is generated when absent. */
  mnemonic?: string;
  /** Defaults to m/44'/118'/0'/0/0. */
  hdPath?: string;
}

/** The passphrase itself, or a callback asked only when a secret is needed (e.g. a TTY prompt). */
export type PassphraseSource = string | ((mode: "unlock" | "create") => Promise<string>);

/** Error for a key name or address that is not in the keyring. */
export class KeyNotFoundError extends CliError {}

export const MIN_PASSPHRASE_LENGTH = 8;
const CHECK_PLAINTEXT = "agora-keyring-v1";

interface KeyringMeta {
  version: 1;
  kdf: KdfParams;
  check: SealedBox;
}

export function parseKeyringBackend(value: string): KeyringBackend {
  if ((KEYRING_BACKENDS as readonly string[]).includes(value)) return value as KeyringBackend;
  throw new CliError(`unknown keyring backend "${value}": use file (encrypted) or test (plain, devnets only)`);
}

/** Opens (lazily creating) the keyring of `home`. Nothing is read until a method is called. */
export function openKeyring(home: string, backend: KeyringBackend = "file", passphrase?: PassphraseSource): Keyring {
  return new Keyring(home, parseKeyringBackend(backend), passphrase);
}

export class Keyring {
  readonly dir: string;
  private unlocked?: { key: Uint8Array; passphrase: string };

  constructor(
    readonly home: string,
    readonly backend: KeyringBackend,
    private readonly passphrase?: PassphraseSource,
  ) {
    this.dir = join(home, `keyring-${backend}`);
  }

  /** Stores a new key (generated, or recovered from `opts.mnemonic`) and returns it with its mnemonic. */
  async add(name: string, opts: AddKeyOptions = {}): Promise<KeyInfo & { mnemonic: string }> {
    checkKeyName(name);
    if (await this.read(name)) throw this.duplicate(name);
    const mnemonic = opts.mnemonic !== undefined ? normalizeMnemonic(opts.mnemonic) : Bip39.encode(Random.getBytes(32)).toString();
    const hdPath = checkHdPath(opts.hdPath ?? DEFAULT_HD_PATH);
    const { address, pubkey } = await describeKey(mnemonic, hdPath);
    const same = (await this.list()).find((k) => k.address === address);
    if (same) throw new CliError(`key ${same.name} already holds address ${address}: use that key or delete it first`);
    const record: KeyRecord = { version: 1, name, type: "local", address, pubkey, hdPath };
    if (this.backend === "test") record.mnemonic = mnemonic;
    else record.sealed = await seal((await this.unlock()).key, mnemonic);
    await ensureDir(this.dir);
    try {
      await writeJson(keyPath(this.dir, name), record, true);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "EEXIST") throw this.duplicate(name);
      throw err;
    }
    return { ...info(record), mnemonic };
  }

  async list(): Promise<KeyInfo[]> {
    const records = await Promise.all((await listKeyNames(this.dir)).map((n) => this.read(n)));
    return records.filter((r): r is KeyRecord => r !== undefined).map(info);
  }

  /** A key by name, or by bech32 address. */
  async show(nameOrAddress: string): Promise<KeyInfo> {
    return info(await this.resolve(nameOrAddress));
  }

  async delete(name: string): Promise<void> {
    if (!(await removeFile(keyPath(this.dir, name)))) throw this.notFound(name);
  }

  /**
   * Serialises a key for `import` elsewhere (format in export.ts). Encrypted with
   * `exportPassphrase`, else with the keyring passphrase (`file`); plain for `test` without one.
   */
  async export(name: string, exportPassphrase?: string): Promise<string> {
    const record = await this.resolve(name);
    const mnemonic = await this.mnemonicOf(record);
    const passphrase = exportPassphrase ?? (this.backend === "file" ? (await this.unlock()).passphrase : undefined);
    return encodeExport({ ...record, mnemonic }, passphrase);
  }

  /** Adds a key from `export` output; an encrypted export needs its passphrase (default: the keyring's). */
  async import(name: string, data: string, exportPassphrase?: string): Promise<KeyInfo> {
    checkKeyName(name);
    if (await this.read(name)) throw this.duplicate(name);
    const doc = parseExport(data);
    let passphrase = exportPassphrase;
    if (passphrase === undefined && doc.encrypted && this.backend === "file") passphrase = (await this.unlock()).passphrase;
    const mnemonic = await decodeExport(doc, passphrase);
    const added = await this.add(name, { mnemonic, hdPath: doc.hdPath });
    if (added.address !== doc.address) {
      await this.delete(name);
      throw new CliError(`key export is inconsistent: its mnemonic gives ${added.address}, not ${doc.address}`);
    }
    return { name: added.name, type: "local", address: added.address, pubkey: added.pubkey };
  }

  /** A CosmJS SIGN_MODE_DIRECT signer for the key (by name or address). */
  async signer(nameOrAddress: string): Promise<OfflineDirectSigner> {
    const record = await this.resolve(nameOrAddress);
    return walletFor(await this.mnemonicOf(record), record.hdPath);
  }

  private async resolve(nameOrAddress: string): Promise<KeyRecord> {
    if (isValidKeyName(nameOrAddress)) {
      const record = await this.read(nameOrAddress);
      if (record) return record;
    }
    for (const name of await listKeyNames(this.dir)) {
      const record = await this.read(name);
      if (record?.address === nameOrAddress) return record;
    }
    throw this.notFound(nameOrAddress);
  }

  private async read(name: string): Promise<KeyRecord | undefined> {
    const path = keyPath(this.dir, name);
    const record = await readJson(path);
    if (record === undefined) return undefined;
    if (!isKeyRecord(record)) throw new CliError(`${path} is not an agorad key file: move it out of the keyring directory`);
    return record;
  }

  private async mnemonicOf(record: KeyRecord): Promise<string> {
    if (this.backend === "test") {
      if (typeof record.mnemonic !== "string") throw new CliError(`key ${record.name} has no mnemonic in the test keyring`);
      return record.mnemonic;
    }
    if (!isSealedBox(record.sealed)) throw new CliError(`key ${record.name} has no encrypted mnemonic in the file keyring`);
    const mnemonic = await unseal((await this.unlock()).key, record.sealed);
    if (mnemonic === undefined) throw new CliError(`cannot decrypt key ${record.name}: it was sealed with another passphrase`);
    return mnemonic;
  }

  /** Derives the `file` keyring's encryption key, creating keyring.json on first use. */
  private async unlock(): Promise<{ key: Uint8Array; passphrase: string }> {
    if (this.unlocked) return this.unlocked;
    const metaPath = join(this.dir, "keyring.json");
    const meta = await readJson(metaPath);
    if (meta === undefined) {
      const passphrase = await this.askPassphrase("create");
      if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
        throw new CliError(`keyring passphrase too short: use at least ${MIN_PASSPHRASE_LENGTH} characters`);
      }
      const kdf = newKdfParams();
      const key = deriveKey(passphrase, kdf);
      const created: KeyringMeta = { version: 1, kdf, check: await seal(key, CHECK_PLAINTEXT) };
      await ensureDir(this.dir);
      try {
        await writeJson(metaPath, created, true);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
        return this.unlock(); // created concurrently: unlock that one instead
      }
      return (this.unlocked = { key, passphrase });
    }
    const m = meta as Partial<KeyringMeta>;
    if (!isKdfParams(m.kdf) || !isSealedBox(m.check)) throw new CliError(`${metaPath} is damaged: restore it from a backup`);
    const passphrase = await this.askPassphrase("unlock");
    const key = deriveKey(passphrase, m.kdf);
    if ((await unseal(key, m.check)) !== CHECK_PLAINTEXT) {
      throw new CliError(`incorrect keyring passphrase for ${this.dir}`);
    }
    return (this.unlocked = { key, passphrase });
  }

  private async askPassphrase(mode: "unlock" | "create"): Promise<string> {
    if (typeof this.passphrase === "string") return this.passphrase;
    if (this.passphrase) return this.passphrase(mode);
    throw new CliError(
      "the file keyring needs a passphrase: pass --keyring-passphrase, set AGORA_KEYRING_PASSPHRASE, or use --keyring-backend test on devnets",
    );
  }

  private duplicate(name: string): CliError {
    return new CliError(`key ${name} already exists in ${this.dir}: choose another name or delete it first`);
  }

  private notFound(nameOrAddress: string): KeyNotFoundError {
    return new KeyNotFoundError(`key ${nameOrAddress} not found in the ${this.backend} keyring (${this.dir})`);
  }
}

function info(r: KeyRecord): KeyInfo {
  return { name: r.name, type: "local", address: r.address, pubkey: r.pubkey };
}
