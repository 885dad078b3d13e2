/** What a store bench run measures at each store size. */

export interface StorePlan {
  keys: number;
  /** Write blocks: `blocks` measured blocks of `writes` writes each, after WARMUP_BLOCKS warm-up ones (blocks.ts). */
  writeBlocks: { writes: number; blocks: number }[];
  anchorBlocks: number;
  proofs: number;
}

export const SNAPSHOT_KEYS = 1_000_000;

const fullPlan = (keys: number): StorePlan => ({
  keys,
  writeBlocks: [
    { writes: 1_000, blocks: 20 },
    { writes: 10_000, blocks: 10 },
    { writes: 100_000, blocks: 5 },
  ],
  anchorBlocks: 50,
  proofs: 10_000,
});

/** A toy size that runs in seconds, so the bench is exercised by the tests. */
export const QUICK_PLAN: StorePlan = {
  keys: 2_000,
  writeBlocks: [
    { writes: 10, blocks: 2 },
    { writes: 100, blocks: 2 },
  ],
  anchorBlocks: 3,
  proofs: 50,
};

/**
 * Both sizes by default: on the bench machine (2 cores) the whole run takes about 7 minutes and
 * at most 2.8 GiB of anonymous memory, so 10M keys need no flag of their own.
 */
export function storePlans(options: { quick: boolean }): StorePlan[] {
  return options.quick ? [QUICK_PLAN] : [fullPlan(1_000_000), fullPlan(10_000_000)];
}
