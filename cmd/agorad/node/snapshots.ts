/**
 * `agorad snapshots list|export|restore|delete`: the node's local state snapshots (the ones it
 * serves to peers that state sync), managed by an operator. export, restore and delete work on
 * the home's files directly, so the node must be stopped for them.
 */
import type { Command } from "commander";
import { createModules, snapshotsPath, stateDatabasePath } from "../../../app/app.js";
import { SnapshotStore } from "../../../sdk/snapshots/files.js";
import { SnapshotRestore } from "../../../sdk/snapshots/restore.js";
import { snapshotHash, type Snapshot } from "../../../sdk/snapshots/snapshot.js";
import { RootMultiStore } from "../../../sdk/store/multistore.js";
import { CliError, globalOptions, printResult } from "../cli.js";
import { genesisChainId } from "./home.js";
import { openCommittedApp, requireStoppedNode } from "./stopped-node.js";

export function registerSnapshotsCommands(program: Command): void {
  const snapshots = program.command("snapshots").description("manage this node's state snapshots (for state sync)");

  snapshots
    .command("list")
    .description("list local snapshots, newest first")
    .action((_opts: unknown, command: Command) => {
      const options = globalOptions(command);
      const list = new SnapshotStore(snapshotsPath(options.home)).list().map(describe);
      const text = list.length
        ? ["height  format  chunks  hash", ...list.map((s) => `${s.height.padEnd(7)} ${String(s.format).padEnd(7)} ${String(s.chunks).padEnd(7)} ${s.hash}`)].join("\n")
        : `no snapshots in ${snapshotsPath(options.home)}`;
      printResult(options, list, text);
    });

  snapshots
    .command("export")
    .description("snapshot the app state at its latest height now (stop the node first)")
    .action(async (_opts: unknown, command: Command) => {
      const options = globalOptions(command);
      await requireStoppedNode(options.home, "exporting a snapshot");
      const app = openCommittedApp(options.home, genesisChainId(options.home));
      let snapshot: Snapshot;
      try {
        snapshot = await app.snapshots.create();
      } catch (err) {
        throw new CliError(`cannot export a snapshot: ${(err as Error).message}`);
      } finally {
        await app.snapshots.close();
        await app.base.store.close();
      }
      const d = describe(snapshot);
      printResult(options, d, `exported snapshot of height ${d.height} (format ${d.format}, ${d.chunks} chunks) to ${snapshotsPath(options.home)}`);
    });

  snapshots
    .command("restore <height> <format>")
    .description("restore the app state from a local snapshot into this home's empty app database (stop the node first)")
    .action(async (heightArg: string, formatArg: string, _opts: unknown, command: Command) => {
      const options = globalOptions(command);
      const [height, format] = snapshotId(heightArg, formatArg);
      const files = new SnapshotStore(snapshotsPath(options.home));
      const snapshot = files.get(height, format);
      if (!snapshot) throw new CliError(`no snapshot of height ${height} in format ${format} in ${files.dir}: see \`agorad snapshots list\``);
      await requireStoppedNode(options.home, "restoring a snapshot");
      const store = RootMultiStore.open(stateDatabasePath(options.home), createModules().modules.storeKeys());
      try {
        const last = store.lastCommitId().version;
        if (last !== 0n) {
          throw new CliError(`the app database ${stateDatabasePath(options.home)} already has state at height ${last}: restore into a home without app state`);
        }
        restoreFromFiles(files, snapshot, store);
      } finally {
        await store.close();
      }
      const appHash = snapshot.appHash.toString("hex").toUpperCase();
      printResult(options, { height: height.toString(), format, app_hash: appHash }, `restored the app state of height ${height} (app hash ${appHash})`);
    });

  snapshots
    .command("delete <height> <format>")
    .description("delete a local snapshot")
    .action((heightArg: string, formatArg: string, _opts: unknown, command: Command) => {
      const options = globalOptions(command);
      const [height, format] = snapshotId(heightArg, formatArg);
      const files = new SnapshotStore(snapshotsPath(options.home));
      if (!files.delete(height, format)) throw new CliError(`no snapshot of height ${height} in format ${format} in ${files.dir}: see \`agorad snapshots list\``);
      printResult(options, { height: height.toString(), format }, `deleted the snapshot of height ${height} (format ${format})`);
    });
}

function describe(snapshot: Snapshot) {
  return {
    height: snapshot.height.toString(),
    format: snapshot.format,
    chunks: snapshot.chunkHashes.length,
    hash: snapshotHash(snapshot).toString("hex").toUpperCase(),
  };
}

/** Restores chunk by chunk from the snapshot's files, checking each against its hash. */
function restoreFromFiles(files: SnapshotStore, snapshot: Snapshot, store: RootMultiStore): void {
  const restore = new SnapshotRestore(store, snapshot, snapshot.appHash);
  try {
    for (let index = 0; index < snapshot.chunkHashes.length; index++) {
      const chunk = files.loadChunk(snapshot.height, snapshot.format, index);
      if (!chunk || !restore.matches(index, chunk)) {
        throw new CliError(`chunk ${index} of the snapshot of height ${snapshot.height} is missing or corrupt: delete the snapshot and export it again`);
      }
      restore.apply(chunk);
    }
  } catch (err) {
    restore.abort();
    if (err instanceof CliError) throw err;
    throw new CliError(`cannot restore the snapshot of height ${snapshot.height}: ${(err as Error).message}`);
  }
}

function snapshotId(height: string, format: string): [bigint, number] {
  if (!/^[1-9]\d{0,18}$/.test(height)) throw new CliError(`snapshot height must be a positive whole number, got "${height}"`);
  if (!/^\d{1,9}$/.test(format)) throw new CliError(`snapshot format must be a whole number, got "${format}"`);
  return [BigInt(height), Number(format)];
}
