/**
 * `agorad rollback`: undoes the last height, for an operator after a bad upgrade or a wrong app
 * hash. CometBFT's own `rollback` takes its state back one height (with --hard it also drops the
 * last block); the app's state database then goes back to the height CometBFT reports, and its app
 * hash must be the one CometBFT now holds. On restart CometBFT replays the block after it.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import type { Command } from "commander";
import { StoreVersionError, type RootMultiStore } from "../../../sdk/store/multistore.js";
import { CliError, globalOptions, printResult } from "../cli.js";
import { cometbftBinary } from "./cometbft.js";
import { configToml, genesisChainId } from "./home.js";
import { openCommittedApp, requireStoppedNode } from "./stopped-node.js";
import { getTomlValue } from "./toml.js";

/** The height and app hash CometBFT's state is at after its rollback. */
interface CometbftState {
  height: bigint;
  /** Upper-case hex, as CometBFT prints it. */
  appHash: string;
}

export function registerRollbackCommand(program: Command): void {
  program
    .command("rollback")
    .description("undo the last height in CometBFT's and the app's state (node stopped); the block is replayed on restart unless --hard")
    .option("--hard", "also remove the last block, so that it is not replayed but made again")
    .action(async (flags: { hard?: boolean }, command: Command) => {
      const { home, output } = globalOptions(command);
      await requireStoppedNode(home, "rolling back");
      const app = openCommittedApp(home, genesisChainId(home));
      const store = app.base.store;
      try {
        requireEarlierVersion(store);
        const target = rollbackCometbft(home, flags.hard ?? false);
        const undone = rollbackAppTo(store, target);
        const result = { height: target.height.toString(), hash: target.appHash, hard: flags.hard ?? false, app_heights_undone: undone };
        const how = undone === 0 ? "was already at that height" : `went back ${undone} height${undone === 1 ? "" : "s"}`;
        const lines = [`Rolled back state to height ${target.height} and hash ${target.appHash}`, `the app's state ${how}; its app hash matches CometBFT's`];
        const signed = flags.hard ? validatorSignedHeight(home) : undefined;
        if (signed !== undefined && signed > target.height) {
          // The block is made again, but this validator's double-sign protection refuses the heights it signed.
          lines.push(
            `note: this node's validator already signed up to height ${signed} and will not sign those heights again (double-sign protection): unless other validators make the blocks, the chain stops at height ${target.height + 1n}.`,
            `On a chain whose only validator is this node, \`cometbft unsafe-reset-priv-validator --home ${home}\` lets it sign them again.`,
          );
        }
        printResult({ home, output }, { ...result, ...(signed !== undefined ? { validator_signed_height: signed.toString() } : {}) }, lines.join("\n"));
      } finally {
        await store.close();
      }
    });
}

/** The last height this node's validator key signed at (CometBFT's priv_validator_state.json). */
function validatorSignedHeight(home: string): bigint | undefined {
  const configured = getTomlValue(readFileSync(configToml(home), "utf8"), "", "priv_validator_state_file") ?? "data/priv_validator_state.json";
  try {
    const state = JSON.parse(readFileSync(isAbsolute(configured) ? configured : join(home, configured), "utf8")) as { height?: string };
    return state.height === undefined ? undefined : BigInt(state.height);
  } catch {
    return undefined;
  }
}

/** Refuses before CometBFT is touched when the app has no earlier state to go back to. */
function requireEarlierVersion(store: RootMultiStore): void {
  const latest = store.lastCommitId().version;
  if (store.earliestVersion() >= latest) {
    throw new CliError(`nothing to roll back to: the app's state keeps no height before ${latest}`);
  }
}

/** Runs `cometbft rollback` on the home and reads the height and app hash it went back to. */
function rollbackCometbft(home: string, hard: boolean): CometbftState {
  const args = ["rollback", "--home", home, ...(hard ? ["--hard"] : [])];
  const run = spawnSync(cometbftBinary(), args, { encoding: "utf8" });
  if (run.error) throw new CliError(`cannot run CometBFT: ${run.error.message}`);
  if (run.status !== 0) {
    const reason = (run.stderr || run.stdout).trim().split("\n")[0]!.replace(/^ERROR:\s*/, "");
    if (/resource temporarily unavailable/.test(reason)) {
      throw new CliError(`the node is running (CometBFT's database in ${home}/data is locked): stop it before rolling back`);
    }
    throw new CliError(`CometBFT could not roll back: ${reason}`);
  }
  const printed = /to height (\d+) and hash ([0-9A-Fa-f]*)/.exec(run.stdout);
  if (!printed) throw new CliError(`CometBFT rolled back but printed no height and hash: ${run.stdout.trim()}`);
  return { height: BigInt(printed[1]!), appHash: printed[2]!.toUpperCase() };
}

/**
 * Takes the app's state back to CometBFT's height. Usually one height; none when a previous run
 * already did (it was stopped between the two rollbacks); more when CometBFT went back further.
 */
function rollbackAppTo(store: RootMultiStore, target: CometbftState): number {
  let undone = 0;
  while (store.lastCommitId().version > target.height) {
    try {
      store.rollback();
    } catch (err) {
      if (err instanceof StoreVersionError) throw new CliError(`cannot take the app's state back to CometBFT's height ${target.height}: ${err.message}`);
      throw err;
    }
    undone++;
  }
  const last = store.lastCommitId();
  if (last.version < target.height) {
    throw new CliError(`the app's state is at height ${last.version}, below CometBFT's ${target.height}: start the node and CometBFT replays the blocks in between`);
  }
  const appHash = Buffer.from(last.hash).toString("hex").toUpperCase();
  if (appHash !== target.appHash) {
    throw new CliError(`the app hash at height ${last.version} is ${appHash} but CometBFT's is ${target.appHash}: the app's state is not the chain's`);
  }
  return undone;
}
