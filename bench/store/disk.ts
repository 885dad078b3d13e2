/**
 * Disk use of a store: the LMDB data file's size, and the pages its databases' trees actually
 * use. The file only grows: it also holds pages freed by later transactions (LMDB's free list),
 * which it reuses before growing again.
 */
import { statSync } from "node:fs";
import { open } from "lmdb";

export interface DiskFigures {
  fileBytes: number;
  /** Pages in use by the named databases' trees and the root tree that names them. */
  liveBytes: number;
}

interface TreeStats {
  pageSize: number;
  treeBranchPageCount: number;
  treeLeafPageCount: number;
  overflowPages: number;
}

const pagesOf = (s: TreeStats) => s.treeBranchPageCount + s.treeLeafPageCount + s.overflowPages;

/** Measures the closed store at `path` (a store open elsewhere in this process is not needed). */
export async function measureDisk(path: string): Promise<DiskFigures> {
  const env = open<Buffer, Buffer>({ path, readOnly: true, maxDbs: 128, keyEncoding: "binary", encoding: "binary" });
  try {
    const root = env.getStats() as TreeStats;
    let pages = pagesOf(root);
    // The root database's keys are the names of the named databases.
    for (const name of env.getKeys()) {
      const db = env.openDB<Buffer, Buffer>({ name: Buffer.from(name as Buffer).toString("utf8"), keyEncoding: "binary", encoding: "binary" });
      pages += pagesOf(db.getStats() as TreeStats);
    }
    return { fileBytes: statSync(path).size, liveBytes: pages * root.pageSize };
  } finally {
    await env.close();
  }
}
