/** Finding the CometBFT binary: `AGORA_COMETBFT`, the project's bin/, then PATH. */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CliError } from "../cli.js";

const projectBin = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "bin", "cometbft");

export function cometbftBinary(): string {
  const fromEnv = process.env.AGORA_COMETBFT;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new CliError(`AGORA_COMETBFT points to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  if (existsSync(projectBin)) return projectBin;
  try {
    return execFileSync("sh", ["-c", "command -v cometbft"], { encoding: "utf8" }).trim();
  } catch {
    throw new CliError("the CometBFT binary was not found: run `make build` (installs it into bin/) or set AGORA_COMETBFT");
  }
}
