/**
 * On-disk layout of a keyring: `<home>/keyring-<backend>/` (mode 0700) holds one
 * `<name>.key.json` per key (mode 0600) and, for the `file` backend, `keyring.json` with the
 * passphrase's KDF parameters and a check value. Writes are atomic and never overwrite a key.
 */
import { randomBytes } from "node:crypto";
import { chmod, link, mkdir, readFile, readdir, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CliError } from "../cli.js";
import type { SealedBox } from "./crypto.js";

/** A key file. `mnemonic` is set by the `test` backend, `sealed` by the `file` backend. */
export interface KeyRecord {
  version: 1;
  name: string;
  type: "local";
  address: string;
  pubkey: string;
  hdPath: string;
  mnemonic?: string;
  sealed?: SealedBox;
}

const KEY_SUFFIX = ".key.json";
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isValidKeyName(name: string): boolean {
  return NAME_RE.test(name);
}

export function checkKeyName(name: string): string {
  if (!NAME_RE.test(name)) {
    throw new CliError(`invalid key name "${name}": use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit`);
  }
  return name;
}

export function keyPath(dir: string, name: string): string {
  return join(dir, checkKeyName(name) + KEY_SUFFIX);
}

export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

/** Reads a JSON file; undefined when it does not exist. */
export async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliError(`${path} is not valid JSON: restore it from a backup or delete it`);
  }
}

/**
 * Writes `value` as JSON with mode 0600 via a temporary file. With `exclusive`, fails with
 * EEXIST instead of replacing an existing file (hard link is atomic and exclusive).
 */
export async function writeJson(path: string, value: unknown, exclusive: boolean): Promise<void> {
  const tmp = `${path}.tmp-${randomBytes(6).toString("hex")}`;
  await writeFile(tmp, JSON.stringify(value, null, 2) + "\n", { mode: 0o600, flag: "wx" });
  try {
    await chmod(tmp, 0o600);
    if (exclusive) await link(tmp, path);
    else await rename(tmp, path);
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** Removes a file; false when it did not exist. */
export async function removeFile(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw err;
  }
}

/** Names of all keys in a keyring directory, sorted. */
export async function listKeyNames(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  return entries
    .filter((f) => f.endsWith(KEY_SUFFIX))
    .map((f) => f.slice(0, -KEY_SUFFIX.length))
    .filter((n) => NAME_RE.test(n))
    .sort();
}

export function isKeyRecord(x: unknown): x is KeyRecord {
  const r = x as Partial<KeyRecord> | null;
  return (
    !!r &&
    r.version === 1 &&
    typeof r.name === "string" &&
    typeof r.address === "string" &&
    typeof r.pubkey === "string" &&
    typeof r.hdPath === "string"
  );
}
