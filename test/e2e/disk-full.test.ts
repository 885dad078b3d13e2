/**
 * A node whose state database's disk fills: the app's database lives on a small tmpfs (linked
 * from the home); once the disk is full the node must stop with one clear line and, after
 * space is freed, start again from its last committed height and go on making blocks.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, statfsSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { Devnet } from "../support/devnet.js";

test("a full disk stops the node with a clear error; after freeing space it restarts from its last height", async () => {
  const devnet = await Devnet.create();
  const disk = join(devnet.home, "app-disk");
  mkdirSync(disk);
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", disk]);
  try {
    mkdirSync(join(devnet.home, "data"), { recursive: true });
    const database = join(devnet.home, "data", "application.lmdb");
    symlinkSync(join(disk, "application.lmdb"), database);
    await devnet.start();
    const before = await devnet.height();

    // Fill the disk but for a few pages.
    const free = (() => {
      const fs = statfsSync(disk);
      return fs.bfree * fs.bsize;
    })();
    const filler = join(disk, "filler");
    writeFileSync(filler, Buffer.alloc(Math.max(0, free - 16 * 1024)));

    const { code, log } = await devnet.waitForExit(120_000);
    assert.equal(code, 1, log);
    assert.match(log, new RegExp(`Error: Commit failed: the disk holding ${database.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is full: free space and restart the node`));

    rmSync(filler);
    await devnet.start();
    const after = await devnet.height();
    assert.ok(after > before, `the chain went on from ${before} to ${after}`);
  } finally {
    await devnet.stop();
    execFileSync("umount", ["-l", disk]);
    await devnet.destroy();
  }
});
