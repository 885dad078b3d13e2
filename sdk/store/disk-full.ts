/**
 * A full disk, told apart from other database failures. LMDB reports a write that got no space
 * as ENOSPC (or EDQUOT over a quota), but a write cut short by a filling disk as EIO ("short
 * write, filesystem full?"): an EIO counts as a full disk when the disk is indeed (nearly) full.
 */
import { realpathSync, statfsSync } from "node:fs";
import { dirname } from "node:path";

const ENOSPC = 28;
const EDQUOT = 122;
const EIO = 5;
const NEARLY_FULL_BYTES = 64 * 1024 * 1024;

export class DiskFullError extends Error {
  override name = "DiskFullError";
  constructor(
    readonly path: string,
    options: { cause: unknown },
  ) {
    super(`the disk holding ${path} is full: free space and restart the node`, options);
  }
}

export function isDiskFull(err: unknown, path: string): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (code === ENOSPC || code === EDQUOT) return true;
  if (code !== EIO) return false;
  try {
    // The database file may be a link to another disk.
    const fs = statfsSync(dirname(realpathSync(path)));
    // Root may write into the blocks reserved for it; others only into the available ones.
    const freeBlocks = process.getuid?.() === 0 ? fs.bfree : fs.bavail;
    return freeBlocks * fs.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}
