/** Terminal input for key commands: hidden passphrase prompts, confirmations, reading stdin. */
import { createInterface } from "node:readline/promises";
import { CliError } from "../cli.js";
import { MIN_PASSPHRASE_LENGTH, type PassphraseSource } from "./keyring.js";

/** Reads one line from the terminal without echoing it. */
export function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (): void => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          finish();
          return resolve(value);
        }
        if (ch === "\u0003" || ch === "\u0004") {
          finish();
          return reject(new CliError("aborted at the passphrase prompt"));
        }
        value = ch === "\u007f" || ch === "\b" ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on("data", onData);
  });
}

/** Reads one visible line from the terminal. */
export async function promptLine(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/** Reads all of stdin (for piped mnemonics and `keys import -`). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The keyring passphrase: `--keyring-passphrase`, else $AGORA_KEYRING_PASSPHRASE, else a TTY prompt. */
export function passphraseFrom(flag: string | undefined): PassphraseSource | undefined {
  if (flag !== undefined) return flag;
  const env = process.env.AGORA_KEYRING_PASSPHRASE;
  if (env) return env;
  if (!process.stdin.isTTY) return undefined;
  return async (mode) => {
    if (mode === "unlock") return promptHidden("Enter keyring passphrase: ");
    const first = await promptHidden(`Enter a new keyring passphrase (at least ${MIN_PASSPHRASE_LENGTH} characters): `);
    if ((await promptHidden("Re-enter keyring passphrase: ")) !== first) throw new CliError("passphrases do not match: try again");
    return first;
  };
}
