/** The `--keyring-backend` / `--keyring-passphrase` flags shared by `keys` and `tx` commands. */
import type { Command } from "commander";
import { openKeyring, parseKeyringBackend, type Keyring } from "./keyring.js";
import { passphraseFrom } from "./prompt.js";

export interface KeyringFlags {
  keyringBackend?: string;
  keyringPassphrase?: string;
}

export function addKeyringOptions(cmd: Command): Command {
  return cmd
    .option("--keyring-backend <backend>", "file (encrypted) or test (plain, devnets only); default $AGORA_KEYRING_BACKEND or file")
    .option("--keyring-passphrase <passphrase>", "file keyring passphrase; default $AGORA_KEYRING_PASSPHRASE, else a prompt");
}

/** Opens the keyring chosen by the flags (backend: flag, else $AGORA_KEYRING_BACKEND, else file). */
export function keyringFromFlags(home: string, flags: KeyringFlags): Keyring {
  const backend = flags.keyringBackend ?? (process.env.AGORA_KEYRING_BACKEND || "file");
  return openKeyring(home, parseKeyringBackend(backend), passphraseFrom(flags.keyringPassphrase));
}
