/** Write throughput and commit time over several blocks of one size, and the 100-write anchor. */
import type { BalanceWorkload, BlockTiming } from "./workload.js";

export interface WriteBlockFigures {
  writesPerBlock: number;
  /** Measured blocks (after the warm-up ones). */
  blocks: number;
  /** Writes over the time of writing them and committing. */
  writesPerSecond: number;
  commitMsMean: number;
  commitMsMax: number;
}

/** IAVL v1 (Go) on 4 vCPU: a block of 100 reads/writes plus its commit. */
export const IAVL_V1_BLOCK_OF_100_MS = 24;
export const ANCHOR_WRITES = 100;
/** Unmeasured blocks before each size's measured ones: the first blocks fill the caches. */
export const WARMUP_BLOCKS = 1;
export const ANCHOR_WARMUP_BLOCKS = 5;

export interface AnchorFigures {
  blocks: number;
  /** A block of 100 reads and writes plus workingHash and commit. */
  blockMsMedian: number;
  blockMsMean: number;
  msPerWrite: number;
  iavlV1MsPerWrite: number;
}

const ms = (nanos: bigint) => Number(nanos) / 1e6;

function measured(workload: BalanceWorkload, writes: number, blocks: number, warmup: number, readFirst: boolean): BlockTiming[] {
  for (let b = 0; b < warmup; b++) workload.block(writes, readFirst);
  return Array.from({ length: blocks }, () => workload.block(writes, readFirst));
}

export function writeBlocks(workload: BalanceWorkload, writesPerBlock: number, blocks: number, warmup = WARMUP_BLOCKS): WriteBlockFigures {
  const timings = measured(workload, writesPerBlock, blocks, warmup, false);
  const writes = timings.reduce((n, t) => n + t.writes, 0);
  const nanos = timings.reduce((n, t) => n + t.writeNanos + t.commitNanos, 0n);
  const commits = timings.map((t) => ms(t.commitNanos));
  return {
    writesPerBlock,
    blocks,
    writesPerSecond: (writes * 1e9) / Number(nanos),
    commitMsMean: commits.reduce((a, b) => a + b, 0) / blocks,
    commitMsMax: Math.max(...commits),
  };
}

export function anchorBlocks(workload: BalanceWorkload, blocks: number, warmup = ANCHOR_WARMUP_BLOCKS): AnchorFigures {
  const totals = measured(workload, ANCHOR_WRITES, blocks, warmup, true).map((t) => ms(t.writeNanos + t.commitNanos));
  const sorted = [...totals].sort((a, b) => a - b);
  const mean = totals.reduce((a, b) => a + b, 0) / blocks;
  return {
    blocks,
    blockMsMedian: sorted[Math.floor(blocks / 2)]!,
    blockMsMean: mean,
    msPerWrite: mean / ANCHOR_WRITES,
    iavlV1MsPerWrite: IAVL_V1_BLOCK_OF_100_MS / ANCHOR_WRITES,
  };
}
