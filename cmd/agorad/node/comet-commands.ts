/**
 * `agorad comet show-validator | show-address`: the node's consensus key as the Cosmos SDK prints
 * it, the pubkey ready for create-validator's validator.json.
 */
import type { Command } from "commander";
import { sha256 } from "@noble/hashes/sha2.js";
import { toAccAddress } from "../../../sdk/types/address.js";
import { ED25519_PUBKEY_TYPE, VALCONS_PREFIX } from "../../../x/staking/types.js";
import { globalOptions, printResult } from "../cli.js";
import { consensusPubkey } from "./gentx.js";

/** The node's consensus pubkey as an Any in JSON: `{"@type": "/cosmos.crypto.ed25519.PubKey", "key": "<base64>"}`. */
export function showValidator(home: string): { "@type": string; key: string } {
  return { "@type": ED25519_PUBKEY_TYPE, key: Buffer.from(consensusPubkey(home)).toString("base64") };
}

/** The node's validator consensus address (agoravalcons1...): the first 20 bytes of the key's SHA-256, as CometBFT's. */
export function showConsensusAddress(home: string): string {
  return toAccAddress(sha256(consensusPubkey(home)).subarray(0, 20), VALCONS_PREFIX);
}

export function registerCometCommands(program: Command): void {
  const comet = program.command("comet").description("the node's CometBFT identity");
  comet
    .command("show-validator")
    .description("print the node's consensus public key, as create-validator's validator.json takes it")
    .action((_flags: unknown, cmd: Command) => {
      const { home } = globalOptions(cmd);
      const pubkey = showValidator(home);
      // One line in both outputs, as the SDK prints it, so it pastes into validator.json.
      printResult({ home, output: "json" }, pubkey);
    });
  comet
    .command("show-address")
    .description("print the node's validator consensus address (agoravalcons1...)")
    .action((_flags: unknown, cmd: Command) => {
      const options = globalOptions(cmd);
      const address = showConsensusAddress(options.home);
      printResult(options, { address }, address);
    });
}
