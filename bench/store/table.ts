/** The store bench's figures as a table: one row a figure, one column a store size. */
import { IAVL_V1_BLOCK_OF_100_MS } from "./blocks.js";
import { KEY_BYTES, VALUE_BYTES } from "./shape.js";
import type { ProofKindFigures } from "./proofs.js";
import type { SizeFigures } from "./size.js";
import type { SnapshotBenchResult } from "../snapshot.js";
import { UPDATE_SHARE } from "./workload.js";

const MiB = 1024 * 1024;
const thousands = (n: number) => Math.round(n).toLocaleString("en-US");
const mib = (bytes: number) => `${thousands(bytes / MiB)} MiB`;
const perKey = (bytes: number, keys: number) => `${thousands(bytes / keys)} B`;
const fixed = (n: number, digits = 1) => n.toFixed(digits);

function proofRows(label: string, of: (s: SizeFigures) => ProofKindFigures): [string, (s: SizeFigures) => string][] {
  return [
    [`${label}: made/s`, (s) => thousands(of(s).madePerSecond)],
    ["  verified/s", (s) => thousands(of(s).verifiedPerSecond)],
  ];
}

function rows(sizes: SizeFigures[]): [string, (s: SizeFigures) => string][] {
  const blockRows = sizes[0]!.writeBlocks.flatMap((b, i): [string, (s: SizeFigures) => string][] => [
    [`blocks of ${thousands(b.writesPerBlock)} writes: writes/s`, (s) => thousands(s.writeBlocks[i]!.writesPerSecond)],
    [`  commit ms, mean / max (${b.blocks} blocks)`, (s) => `${fixed(s.writeBlocks[i]!.commitMsMean)} / ${fixed(s.writeBlocks[i]!.commitMsMax)}`],
  ]);
  return [
    ["build in one commit: seconds", (s) => fixed(s.build.seconds)],
    ["  peak anonymous memory", (s) => mib(s.build.peakAnonBytes)],
    ["disk: data file per key (file)", (s) => `${perKey(s.disk.fileBytes, s.keys)} (${mib(s.disk.fileBytes)})`],
    ["disk: live pages per key", (s) => perKey(s.disk.liveBytes, s.keys)],
    ["block of 100 reads/writes + commit: ms", (s) => `${fixed(s.anchor.blockMsMedian)} median`],
    ["  ms per write (IAVL v1 in Go: 0.24)", (s) => fixed(s.anchor.msPerWrite, 3)],
    ...blockRows,
    ["the same after those blocks: ms", (s) => `${fixed(s.anchorAfterBlocks.blockMsMedian)} median`],
    ["  ms per write", (s) => fixed(s.anchorAfterBlocks.msPerWrite, 3)],
    ...proofRows("existence proofs", (s) => s.proofs.existence),
    ["  inner ops per proof (mean)", (s) => fixed(s.proofs.meanPathLength)],
    ...proofRows("non-existence proofs", (s) => s.proofs.nonExistence),
    ...proofRows("proofs to the app hash", (s) => s.proofs.appHash),
    ["  all proofs verified", (s) => ([s.proofs.existence, s.proofs.nonExistence, s.proofs.appHash].every((p) => p.allVerified) ? "yes" : "NO")],
    ["disk after the blocks: file per key", (s) => `${perKey(s.diskAfterBlocks.fileBytes, s.diskAfterBlocks.keys)} (${s.diskAfterBlocks.versions} versions)`],
    ["blocks and proofs: peak anonymous memory", (s) => mib(s.peakAnonBytes)],
    ["peak RSS (LMDB's mapped file pages too)", (s) => mib(s.peakRssBytes)],
  ];
}

export function storeTable(sizes: SizeFigures[], snapshot: SnapshotBenchResult): string[] {
  const labelWidth = 44;
  const columnWidth = 24;
  const pad = (text: string) => " ".repeat(Math.max(0, columnWidth - text.length)) + text;
  const lines = [
    `RootMultiStore on LMDB in a temp dir; ${KEY_BYTES}-byte keys, ${VALUE_BYTES}-byte values (bank balances);`,
    `write blocks: ${UPDATE_SHARE * 100}% updates of random keys, ${100 - UPDATE_SHARE * 100}% new keys; each block's workingHash and durable commit timed`,
    "",
    `${"".padEnd(labelWidth)}${sizes.map((s) => pad(`${thousands(s.keys)} keys`)).join("")}`,
    ...rows(sizes).map(([label, cell]) => `${label.padEnd(labelWidth)}${sizes.map((s) => pad(cell(s))).join("")}`),
    "",
    `anchor: IAVL v1 in Go does a block of 100 reads/writes plus commit in ~${IAVL_V1_BLOCK_OF_100_MS} ms on 4 vCPU`,
    `snapshot of ${thousands(snapshot.keys)} keys (${snapshot.chunks} chunks, ${mib(snapshot.snapshotBytes)}): created in ${fixed(snapshot.createSeconds)} s, ` +
      `restored in ${fixed(snapshot.restoreSeconds)} s (peak RSS ${mib(snapshot.createPeakRss)} / ${mib(snapshot.restorePeakRss)})`,
  ];
  return lines;
}
