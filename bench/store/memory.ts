/**
 * Peak anonymous memory of this process (RssAnon: the JS heap, buffers, LMDB's dirty pages of an
 * open write transaction), sampled by a worker thread so that it sees inside long synchronous
 * commits. Peak RSS (VmHWM) would also count the pages of LMDB's memory-mapped data file that
 * reads brought in: page cache, shared and reclaimable, up to the whole file.
 */
import { Worker } from "node:worker_threads";

const SAMPLE_MS = 20;

const sampler = `
const { workerData } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
const peak = new Float64Array(workerData.peak);
const stop = new Int32Array(workerData.stop);
const sample = () => {
  const kb = /^RssAnon:\\s+(\\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
  if (kb) peak[0] = Math.max(peak[0], Number(kb[1]) * 1024);
};
while (Atomics.wait(stop, 0, 0, ${SAMPLE_MS}) === "timed-out") sample();
`;

export class AnonMemoryPeak {
  private readonly peakBytes = new Float64Array(new SharedArrayBuffer(8));
  private readonly stopFlag = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker = new Worker(sampler, { eval: true, workerData: { peak: this.peakBytes.buffer, stop: this.stopFlag.buffer } });

  /** The highest RssAnon seen so far, in bytes. */
  get bytes(): number {
    return this.peakBytes[0]!;
  }

  /** Starts a new peak from now (the next sample). */
  reset(): void {
    this.peakBytes[0] = 0;
  }

  async stop(): Promise<void> {
    Atomics.store(this.stopFlag, 0, 1);
    Atomics.notify(this.stopFlag, 0);
    await this.worker.terminate();
  }
}
