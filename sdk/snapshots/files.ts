/**
 * Snapshots on disk, one directory each under the node's `data/snapshots/`:
 *
 *   <height>-<format>/0, 1, ...      the chunks
 *   <height>-<format>/snapshot.json  height, format, app hash, each chunk's sha256
 *
 * A snapshot is written into a `.tmp-` directory, every file fsynced, and then renamed into
 * place; deletion renames it away before removing it. So a kill -9 at any moment leaves only
 * whole snapshots listed, and at worst a `.tmp-` directory that the next node start removes.
 */
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { sha256, type Snapshot } from "./snapshot.js";

const MANIFEST = "snapshot.json";
const UNFINISHED = ".tmp-";

interface Manifest {
  height: string;
  format: number;
  app_hash: string;
  chunk_hashes: string[];
}

export class SnapshotStore {
  constructor(readonly dir: string) {}

  /**
   * Removes what a crash left half-written or half-deleted. Only for the one process that
   * writes snapshots, when it starts: another process's snapshot in progress looks the same.
   */
  removeUnfinished(): void {
    for (const name of this.entries()) {
      if (name.startsWith(UNFINISHED)) rmSync(join(this.dir, name), { recursive: true, force: true });
    }
  }

  /** Every complete snapshot, newest first. */
  list(): Snapshot[] {
    const snapshots: Snapshot[] = [];
    for (const name of this.entries()) {
      const m = /^(\d+)-(\d+)$/.exec(name);
      if (!m) continue;
      const snapshot = this.get(BigInt(m[1]!), Number(m[2]));
      if (snapshot) snapshots.push(snapshot);
    }
    return snapshots.sort((a, b) => (a.height === b.height ? b.format - a.format : a.height > b.height ? -1 : 1));
  }

  get(height: bigint, format: number): Snapshot | undefined {
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readFileSync(join(this.snapshotDir(height, format), MANIFEST), "utf8")) as Manifest;
    } catch {
      return undefined;
    }
    return {
      height: BigInt(manifest.height),
      format: manifest.format,
      appHash: Buffer.from(manifest.app_hash, "hex"),
      chunkHashes: manifest.chunk_hashes.map((h) => Buffer.from(h, "hex")),
    };
  }

  /** A chunk's bytes, or undefined when this node does not have it. */
  loadChunk(height: bigint, format: number, index: number): Buffer | undefined {
    const snapshot = this.get(height, format);
    if (!snapshot || !Number.isInteger(index) || index < 0 || index >= snapshot.chunkHashes.length) return undefined;
    try {
      return readFileSync(join(this.snapshotDir(height, format), String(index)));
    } catch {
      return undefined;
    }
  }

  /** Removes a snapshot; false when there was none. */
  delete(height: bigint, format: number): boolean {
    const away = join(this.dir, `${UNFINISHED}deleted-${height}-${format}-${randomBytes(4).toString("hex")}`);
    try {
      renameSync(this.snapshotDir(height, format), away);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw err;
    }
    fsyncDir(this.dir);
    rmSync(away, { recursive: true, force: true });
    return true;
  }

  /** Starts writing the snapshot of `height` in `format`; see SnapshotWriter. */
  begin(height: bigint, format: number): SnapshotWriter {
    mkdirSync(this.dir, { recursive: true });
    if (this.get(height, format)) throw new Error(`a snapshot of height ${height} in format ${format} already exists`);
    return new SnapshotWriter(this, height, format, mkdtempSync(join(this.dir, `${UNFINISHED}${height}-${format}-`)));
  }

  snapshotDir(height: bigint, format: number): string {
    return join(this.dir, `${height}-${format}`);
  }

  private entries(): string[] {
    try {
      return readdirSync(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw err;
    }
  }
}

/**
 * One snapshot being written: chunks in order, then `finish` publishes it (or `abort`). The
 * writes are asynchronous, so the node keeps answering ABCI while a large snapshot is written.
 */
export class SnapshotWriter {
  private readonly chunkHashes: Buffer[] = [];

  constructor(
    private readonly store: SnapshotStore,
    readonly height: bigint,
    readonly format: number,
    private readonly tempDir: string,
  ) {}

  /** Writes the next chunk; `chunk` may be reused by the caller once this resolves. */
  async addChunk(chunk: Uint8Array): Promise<void> {
    this.chunkHashes.push(sha256(chunk));
    await writeDurably(join(this.tempDir, String(this.chunkHashes.length - 1)), chunk);
  }

  /** Makes the snapshot visible, whole, in one rename. */
  async finish(appHash: Uint8Array): Promise<Snapshot> {
    const snapshot: Snapshot = { height: this.height, format: this.format, chunkHashes: this.chunkHashes, appHash: Buffer.from(appHash) };
    const manifest: Manifest = {
      height: this.height.toString(),
      format: this.format,
      app_hash: snapshot.appHash.toString("hex"),
      chunk_hashes: this.chunkHashes.map((h) => h.toString("hex")),
    };
    await writeDurably(join(this.tempDir, MANIFEST), Buffer.from(JSON.stringify(manifest, null, 2) + "\n"));
    fsyncDir(this.tempDir);
    try {
      await rename(this.tempDir, this.store.snapshotDir(this.height, this.format));
    } catch (err) {
      await this.abort();
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOTEMPTY" || code === "EEXIST") throw new Error(`a snapshot of height ${this.height} in format ${this.format} already exists`);
      throw err;
    }
    fsyncDir(this.store.dir);
    return snapshot;
  }

  async abort(): Promise<void> {
    await rm(this.tempDir, { recursive: true, force: true });
  }
}

async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  const file = await open(path, "wx");
  try {
    await file.writeFile(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Makes a directory's entries (a new file, a rename) durable. */
function fsyncDir(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
