/** Timing helpers for the ZK bench: median of repeated runs, after warm-up. */

export async function medianMs(runs: number, f: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Runs f `warmup` times unmeasured, then returns the median of `runs`. */
export async function benchMs(warmup: number, runs: number, f: () => unknown): Promise<number> {
  for (let i = 0; i < warmup; i++) await f();
  return medianMs(runs, f);
}
