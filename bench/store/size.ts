/**
 * One store size of the store bench, in its own process so that its peak memory is its own:
 * `node size.js '<StorePlan as JSON>'` prints its figures as one JSON line on stdout (progress
 * on stderr). The store lives in a temp dir removed at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RootMultiStore } from "../../sdk/store/multistore.js";
import { peakRss } from "../machine.js";
import { anchorBlocks, writeBlocks, type AnchorFigures, type WriteBlockFigures } from "./blocks.js";
import { buildStore } from "./build.js";
import { measureDisk, type DiskFigures } from "./disk.js";
import { AnonMemoryPeak } from "./memory.js";
import type { StorePlan } from "./plan.js";
import { measureProofs, type ProofFigures } from "./proofs.js";
import { BENCH_STORES } from "./shape.js";
import { BalanceWorkload } from "./workload.js";

export interface SizeFigures {
  keys: number;
  build: { seconds: number; peakAnonBytes: number };
  /** The store as built: one version. */
  disk: DiskFigures;
  /** Blocks of 100 reads/writes on the store as built, as IAVL's benchmark runs them. */
  anchor: AnchorFigures;
  writeBlocks: WriteBlockFigures[];
  /** The same again after the write blocks (a grown file, history, LMDB's free pages). */
  anchorAfterBlocks: AnchorFigures;
  proofs: ProofFigures;
  /** After every measured block (no version is pruned yet: the old tree nodes stay). */
  diskAfterBlocks: DiskFigures & { keys: number; versions: number };
  /** Peak anonymous memory after the build: blocks, proofs (see memory.ts). */
  peakAnonBytes: number;
  /** Peak RSS of the whole run, LMDB's mapped file pages included. */
  peakRssBytes: number;
}

export async function runSize(plan: StorePlan, dir: string): Promise<SizeFigures> {
  const log = (line: string) => process.stderr.write(`[store bench, ${plan.keys.toLocaleString("en-US")} keys] ${line}\n`);
  const path = join(dir, "state.lmdb");
  const memory = new AnonMemoryPeak();
  log("building");
  const built = buildStore(path, plan.keys);
  const build = { seconds: built.seconds, peakAnonBytes: memory.bytes };
  await built.store.close();
  const disk = await measureDisk(path);

  memory.reset();
  const store = RootMultiStore.open(path, BENCH_STORES);
  const workload = new BalanceWorkload(store, plan.keys);
  log("blocks of 100 reads/writes");
  const anchor = anchorBlocks(workload, plan.anchorBlocks);
  const blocks: WriteBlockFigures[] = [];
  for (const { writes, blocks: count } of plan.writeBlocks) {
    log(`blocks of ${writes} writes`);
    blocks.push(writeBlocks(workload, writes, count));
  }
  log("blocks of 100 reads/writes, again");
  const anchorAfterBlocks = anchorBlocks(workload, plan.anchorBlocks);
  log("proofs");
  const proofs = measureProofs(workload, plan.proofs);
  const { keys } = workload;
  const versions = Number(store.lastCommitId().version);
  await store.close();
  const peakAnonBytes = memory.bytes;
  await memory.stop();
  const diskAfterBlocks = { ...(await measureDisk(path)), keys, versions };
  return { keys: plan.keys, build, disk, anchor, writeBlocks: blocks, anchorAfterBlocks, proofs, diskAfterBlocks, peakAnonBytes, peakRssBytes: peakRss() };
}

if (process.argv[1]?.endsWith("size.js") && process.argv[2]) {
  const dir = mkdtempSync(join(tmpdir(), "agora-store-bench-"));
  try {
    console.log(JSON.stringify(await runSize(JSON.parse(process.argv[2]) as StorePlan, dir)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
