/** The machine a bench ran on, and the process's peak resident memory. */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";

export function machine(): string {
  const model = /^model name\s*:\s*(.*)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown cpu";
  return `${model}, ${availableParallelism()} cores, node ${process.version}`;
}

/** Peak resident set size so far, in bytes (VmHWM). */
export function peakRss(): number {
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
  return Number(kb ?? 0) * 1024;
}
