/** `agorad keys ...` end to end through the built binary (no chain needed). */
import { fromBech32, toBech32 } from "@cosmjs/encoding";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ABANDON_MNEMONIC, lines, runCli, tmpHome } from "./testing.js";

const EXPECTED = toBech32("agora", fromBech32("cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4", 90).data);

/** Asserts a failed run: exit 1, nothing on stdout, exactly one `Error: ...` line on stderr. */
function assertOneLineError(run: ReturnType<typeof runCli>, pattern: RegExp): void {
  assert.equal(run.status, 1, run.stderr);
  assert.equal(run.stdout, "");
  const errLines = lines(run.stderr);
  assert.equal(errLines.length, 1, `expected one stderr line, got: ${run.stderr}`);
  assert.match(errLines[0] as string, /^Error: /);
  assert.match(errLines[0] as string, pattern);
}

describe("agorad keys (test backend)", () => {
  const home = tmpHome();
  const k = (...args: string[]): string[] => ["--home", home, "--output", "json", "keys", ...args, "--keyring-backend", "test"];

  it("adds a key recovered from stdin", () => {
    const run = runCli(k("add", "alice", "--recover"), { input: ABANDON_MNEMONIC + "\n" });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(Object.keys(JSON.parse(run.stdout)).sort(), ["address", "name", "pubkey", "type"]);
    assert.equal(JSON.parse(run.stdout).address, EXPECTED);
  });

  it("adds a generated key and prints its mnemonic", () => {
    const run = runCli(k("add", "bob"));
    assert.equal(run.status, 0, run.stderr);
    const key = JSON.parse(run.stdout);
    assert.match(key.address, /^agora1/);
    assert.equal(key.mnemonic.split(" ").length, 24);
  });

  it("lists and shows keys", () => {
    const list = runCli(k("list"));
    assert.equal(list.status, 0, list.stderr);
    assert.deepEqual(JSON.parse(list.stdout).map((x: { name: string }) => x.name), ["alice", "bob"]);
    const show = runCli(k("show", "alice"));
    assert.equal(JSON.parse(show.stdout).address, EXPECTED);
    const addr = runCli(["--home", home, "keys", "show", "alice", "-a", "--keyring-backend", "test"]);
    assert.equal(addr.stdout, EXPECTED + "\n");
  });

  it("fails with one clear line for an unknown key", () => {
    assertOneLineError(runCli(k("show", "nobody")), /key nobody not found/);
  });

  it("fails for a duplicate name and a bad mnemonic", () => {
    assertOneLineError(runCli(k("add", "alice")), /key alice already exists/);
    assertOneLineError(runCli(k("add", "carol", "--recover"), { input: "not a mnemonic\n" }), /invalid mnemonic/);
    assertOneLineError(runCli(k("add", "carol", "--recover")), /--recover needs a mnemonic on stdin/);
  });

  it("deletes only with -y when not on a terminal", () => {
    assertOneLineError(runCli(k("delete", "bob")), /pass -y/);
    const run = runCli(k("delete", "bob", "-y"));
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { deleted: "bob" });
    assertOneLineError(runCli(k("delete", "bob", "-y")), /key bob not found/);
  });

  it("rejects an unknown backend", () => {
    assertOneLineError(runCli(["--home", home, "keys", "list", "--keyring-backend", "kwallet"]), /unknown keyring backend "kwallet"/);
  });
});

describe("agorad keys (file backend)", () => {
  it("encrypts with the env passphrase, exports and imports", () => {
    const home = tmpHome();
    const env = { AGORA_KEYRING_PASSPHRASE: "correct horse battery" };
    const add = runCli(["--home", home, "-o", "json", "keys", "add", "alice", "--recover"], { input: ABANDON_MNEMONIC, env });
    assert.equal(add.status, 0, add.stderr);
    assert.equal(JSON.parse(add.stdout).address, EXPECTED);

    assertOneLineError(
      runCli(["--home", home, "keys", "export", "alice", "--keyring-passphrase", "wrong horse battery"]),
      /incorrect keyring passphrase/,
    );
    assertOneLineError(runCli(["--home", home, "keys", "export", "alice"]), /needs a passphrase/);

    const exp = runCli(["--home", home, "keys", "export", "alice"], { env });
    assert.equal(exp.status, 0, exp.stderr);
    assert.equal(JSON.parse(exp.stdout).encrypted, true);
    const file = join(home, "alice.export.json");
    writeFileSync(file, exp.stdout);

    const other = tmpHome();
    const imp = runCli(["--home", other, "-o", "json", "keys", "import", "alice", file], { env });
    assert.equal(imp.status, 0, imp.stderr);
    assert.equal(JSON.parse(imp.stdout).address, EXPECTED);
    assertOneLineError(runCli(["--home", other, "keys", "import", "x", join(home, "missing.json")], { env }), /cannot read/);
  });
});
