/**
 * The snapshot row: the time to create and to restore a state-sync snapshot of a store. The
 * snapshot code lives in bench/snapshot.ts (its own branch), which exports
 * `benchSnapshot(keys: number): Promise<SnapshotFigures>` and builds its own store of `keys`
 * balances. Until that module is built the row says "not built".
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface SnapshotFigures {
  createSeconds: number;
  restoreSeconds: number;
  [figure: string]: number;
}

export const SNAPSHOT_MODULE = new URL("../snapshot.js", import.meta.url);

export type SnapshotRow = { keys: number } & ({ built: false } | { built: true; figures: SnapshotFigures });

export async function benchSnapshotHook(keys: number): Promise<SnapshotRow> {
  if (!existsSync(fileURLToPath(SNAPSHOT_MODULE))) return { keys, built: false };
  const module = (await import(SNAPSHOT_MODULE.href)) as { benchSnapshot?: (keys: number) => Promise<SnapshotFigures> };
  if (typeof module.benchSnapshot !== "function") throw new Error(`${fileURLToPath(SNAPSHOT_MODULE)} does not export benchSnapshot(keys)`);
  return { keys, built: true, figures: await module.benchSnapshot(keys) };
}
