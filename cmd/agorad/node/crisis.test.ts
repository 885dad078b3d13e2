import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { tempDirs } from "../../../test/support/temp-dirs.js";
import { readAppConfig } from "./home.js";

const newHome = tempDirs("agora-crisis-");
const main = join(dirname(fileURLToPath(import.meta.url)), "..", "main.js");

function agorad(home: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [main, "--home", home, ...args], { encoding: "utf8", timeout: 30_000 });
  return { code: r.status, stderr: r.stderr };
}

test("init turns the invariant check off ([crisis] invariant-check-period = 0) and start refuses a period that is not a whole number", () => {
  const home = newHome();
  assert.equal(agorad(home, "init", "node0").code, 0);
  assert.equal(readAppConfig(home)["crisis.invariant-check-period"], "0");
  const appToml = join(home, "config", "app.toml");
  writeFileSync(appToml, readFileSync(appToml, "utf8").replace("invariant-check-period = 0", 'invariant-check-period = "often"'));
  const r = agorad(home, "start", "--no-comet");
  assert.equal(r.code, 1);
  assert.equal(r.stderr.trim(), 'Error: app.toml [crisis] invariant-check-period must be a whole number of blocks (0: never), got "often"');
});
