/** `agorad keys ...`: manage the local keyring (add, list, show, delete, export, import). */
import type { Command } from "commander";
import { readFile } from "node:fs/promises";
import { CliError, globalOptions, printResult } from "../cli.js";
import type { KeyInfo } from "./keyring.js";
import { addKeyringOptions, keyringFromFlags, type KeyringFlags } from "./options.js";
import { promptLine, readStdin } from "./prompt.js";

interface AddFlags extends KeyringFlags {
  recover?: boolean;
  hdPath?: string;
}

export function registerKeysCommands(program: Command): void {
  const keys = program.command("keys").description("manage the local keyring (<home>/keyring-<backend>/)");

  addKeyringOptions(keys.command("add <name>"))
    .description("create a key (prints its new mnemonic), or recover one with --recover")
    .option("--recover", "read the mnemonic from stdin (a prompt on a terminal) instead of generating one")
    .option("--hd-path <path>", "BIP32 derivation path", "m/44'/118'/0'/0/0")
    .action(async (name: string, flags: AddFlags, cmd: Command) => {
      const mnemonic = flags.recover ? await readMnemonic() : undefined;
      const key = await keyringFromFlags(globalOptions(cmd).home, flags).add(name, { mnemonic, hdPath: flags.hdPath });
      if (flags.recover) return printResult(globalOptions(cmd), keyInfo(key), formatKey(key));
      const warning =
        "\n**Important** write this mnemonic phrase in a safe place.\n" +
        "It is the only way to recover your account if you ever forget your password.\n\n" +
        key.mnemonic;
      printResult(globalOptions(cmd), key, formatKey(key) + "\n" + warning);
    });

  addKeyringOptions(keys.command("list"))
    .description("list all keys")
    .action(async (flags: KeyringFlags, cmd: Command) => {
      const list = await keyringFromFlags(globalOptions(cmd).home, flags).list();
      printResult(globalOptions(cmd), list, list.length ? list.map(formatKey).join("\n") : "(no keys)");
    });

  addKeyringOptions(keys.command("show <name>"))
    .description("show a key by name or address")
    .option("-a, --address", "print only the address")
    .action(async (name: string, flags: KeyringFlags & { address?: boolean }, cmd: Command) => {
      const key = await keyringFromFlags(globalOptions(cmd).home, flags).show(name);
      if (flags.address) return printResult(globalOptions(cmd), { address: key.address }, key.address);
      printResult(globalOptions(cmd), key, formatKey(key));
    });

  addKeyringOptions(keys.command("delete <name>"))
    .description("delete a key (asks for confirmation unless -y)")
    .option("-y, --yes", "skip the confirmation")
    .action(async (name: string, flags: KeyringFlags & { yes?: boolean }, cmd: Command) => {
      const keyring = keyringFromFlags(globalOptions(cmd).home, flags);
      await keyring.show(name);
      if (!flags.yes) await confirmDelete(name);
      await keyring.delete(name);
      printResult(globalOptions(cmd), { deleted: name }, `key ${name} deleted`);
    });

  addKeyringOptions(keys.command("export <name>"))
    .description("print a key as a JSON export, encrypted with the keyring passphrase (or --export-passphrase)")
    .option("--export-passphrase <passphrase>", "encrypt the export with this passphrase instead")
    .action(async (name: string, flags: KeyringFlags & { exportPassphrase?: string }, cmd: Command) => {
      const data = await keyringFromFlags(globalOptions(cmd).home, flags).export(name, flags.exportPassphrase);
      printResult(globalOptions(cmd), JSON.parse(data), data);
    });

  addKeyringOptions(keys.command("import <name> <file>"))
    .description("add a key from a `keys export` file (- for stdin)")
    .option("--export-passphrase <passphrase>", "the passphrase the export was encrypted with (default: the keyring's)")
    .action(async (name: string, file: string, flags: KeyringFlags & { exportPassphrase?: string }, cmd: Command) => {
      const data = await readExportFile(file);
      const key = await keyringFromFlags(globalOptions(cmd).home, flags).import(name, data, flags.exportPassphrase);
      printResult(globalOptions(cmd), key, formatKey(key));
    });
}

function keyInfo(k: KeyInfo): KeyInfo {
  return { name: k.name, type: k.type, address: k.address, pubkey: k.pubkey };
}

function formatKey(k: KeyInfo): string {
  return `- name: ${k.name}\n  type: ${k.type}\n  address: ${k.address}\n  pubkey: ${k.pubkey}`;
}

async function readMnemonic(): Promise<string> {
  const text = process.stdin.isTTY ? await promptLine("Enter your BIP39 mnemonic: ") : await readStdin();
  if (!text.trim()) throw new CliError("--recover needs a mnemonic on stdin, e.g. `echo \"$MNEMONIC\" | agorad keys add NAME --recover`");
  return text;
}

async function confirmDelete(name: string): Promise<void> {
  if (!process.stdin.isTTY) throw new CliError(`refusing to delete key ${name} without confirmation: pass -y`);
  const answer = await promptLine(`Key ${name} will be deleted. Continue? [y/N] `);
  if (!/^y(es)?$/i.test(answer.trim())) throw new CliError(`aborted: key ${name} was not deleted`);
}

async function readExportFile(file: string): Promise<string> {
  if (file === "-") return readStdin();
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}
