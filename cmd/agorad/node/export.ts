/**
 * `agorad export`: the state at a height as the genesis of a chain that carries on from it. The
 * node's genesis file keeps its chain id, genesis time, consensus params and validators; app_state
 * becomes every module's exported state, and the new chain starts at the next height.
 */
import { createWriteStream, renameSync, rmSync } from "node:fs";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
import type { Command } from "commander";
import { pino } from "pino";
import type { AgoraApp } from "../../../app/app.js";
import type { JsonSections } from "../../../sdk/codec/json-sections.js";
import { writeJson } from "../../../sdk/codec/json-stream.js";
import { readOnlyMultiStore, StoreVersionError } from "../../../sdk/store/multistore.js";
import type { MultiStore } from "../../../sdk/store/types.js";
import { Context } from "../../../sdk/types/context.js";
import { GasMeter } from "../../../sdk/types/gas.js";
import { CliError, globalOptions, printResult } from "../cli.js";
import { genesisChainId, readGenesisSections } from "./home.js";
import { openCommittedApp, requireStoppedNode } from "./stopped-node.js";

interface ExportFlags {
  height?: string;
  outputDocument?: string;
}

export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description("write the state at a height as a genesis file a new chain starts from (node stopped)")
    .option("--height <height>", "height whose state to export (default: the latest)")
    .option("--output-document <file>", "write the genesis to this file instead of stdout")
    .action(async (flags: ExportFlags, command: Command) => {
      const { home, output } = globalOptions(command);
      const requested = flags.height === undefined ? undefined : parseHeight(flags.height);
      await requireStoppedNode(home, "exporting");
      const genesis = readGenesisSections(home);
      const chainId = genesisChainId(home, genesis);
      const app = openCommittedApp(home, chainId);
      try {
        const height = requested ?? app.base.store.lastCommitId().version;
        const state = stateAt(app, height);
        const document = exportedGenesis(genesis, height, app.modules.exportGenesis(exportContext(chainId, height, state)));
        if (flags.outputDocument) {
          await writeFileAtomically(flags.outputDocument, (stream) => writeGenesisJson(stream, document));
          const initialHeight = (height + 1n).toString();
          printResult({ home, output }, { height: height.toString(), initial_height: initialHeight, file: flags.outputDocument },
            `exported the state at height ${height} to ${flags.outputDocument}; a chain started from it begins at height ${initialHeight}`);
        } else {
          // A reader that stops early (`| head`) ends the export quietly, as it ends any filter.
          process.stdout.on("error", (err: NodeJS.ErrnoException) => {
            if (err.code === "EPIPE") process.exit(0);
          });
          await writeGenesisJson(process.stdout, document);
        }
      } finally {
        await app.base.store.close();
      }
    });
}

function parseHeight(text: string): bigint {
  if (!/^[1-9][0-9]*$/.test(text)) throw new CliError(`invalid height "${text}": give a block height, e.g. --height 100`);
  return BigInt(text);
}

/** Every store's committed state at `height`; a height not kept or not yet committed is refused. */
function stateAt(app: AgoraApp, height: bigint): MultiStore {
  try {
    return readOnlyMultiStore(app.base.store.viewAt(height));
  } catch (err) {
    if (err instanceof StoreVersionError) throw new CliError(`cannot export height ${height}: ${err.message}`);
    throw err;
  }
}

function exportContext(chainId: string, height: bigint, state: MultiStore): Context {
  const block = { chainId, height, time: { seconds: 0n, nanos: 0 } };
  return new Context(block, state, new GasMeter(), "query", pino({ level: "silent" }));
}

/** The genesis fields in the file's order, with the exported state and the next height. */
function exportedGenesis(genesis: JsonSections, height: bigint, appState: Record<string, unknown>): Record<string, unknown> {
  const document: Record<string, unknown> = {};
  for (const name of genesis.names()) document[name] = name === "app_state" ? undefined : genesis.parse(name);
  document.initial_height = (height + 1n).toString();
  // The new chain's app hash is the one its InitChain computes from app_state.
  document.app_hash = "";
  document.app_state = appState;
  return document;
}

async function writeGenesisJson(stream: Writable, document: Record<string, unknown>): Promise<void> {
  await writeJson(stream, document);
  if (!stream.write("\n")) await new Promise((resolve) => stream.once("drain", resolve));
}

/** Writes `path` through a temporary file, so a failed export never leaves half a genesis. */
async function writeFileAtomically(path: string, write: (stream: Writable) => Promise<void>): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const stream = createWriteStream(temporary);
  try {
    await write(stream);
    stream.end();
    await finished(stream);
    renameSync(temporary, path);
  } catch (err) {
    stream.destroy();
    rmSync(temporary, { force: true });
    const systemError = typeof (err as { code?: unknown }).code === "string";
    throw systemError ? new CliError(`cannot write ${path}: ${(err as Error).message.replace(temporary, path)}`) : err;
  }
}
