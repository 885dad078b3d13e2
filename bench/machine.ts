/** The machine a bench ran on, and the process's resident memory. */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";

export function machine(): string {
  const model = /^model name\s*:\s*(.*)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown cpu";
  return `${model}, ${availableParallelism()} cores, node ${process.version}`;
}

/** Peak resident set size so far, in bytes (VmHWM). */
export function peakRss(): number {
  return statusBytes("VmHWM");
}

/** Resident set size now, in bytes (VmRSS). */
export function rss(): number {
  return statusBytes("VmRSS");
}

function statusBytes(field: string): number {
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(readFileSync("/proc/self/status", "utf8"))?.[1];
  return Number(kb ?? 0) * 1024;
}
