/** Keyring round trips for the `test` and `file` backends. */
import { fromBase64, fromBech32, toBech32 } from "@cosmjs/encoding";
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { openKeyring } from "./keyring.js";
import { ABANDON_MNEMONIC, tmpHome } from "./testing.js";

/** The well-known cosmos1 address of the "abandon ... about" mnemonic, re-encoded with prefix agora. */
const COSMOS_ADDRESS = "cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4";
const EXPECTED = toBech32("agora", fromBech32(COSMOS_ADDRESS, 90).data);
const PASS = "correct horse battery";

describe("test backend", () => {
  it("recovers the BIP39 test mnemonic to the expected agora address", async () => {
    assert.match(EXPECTED, /^agora1/);
    const kr = openKeyring(tmpHome(), "test");
    const key = await kr.add("alice", { mnemonic: ABANDON_MNEMONIC });
    assert.equal(key.address, EXPECTED);
    assert.equal(key.type, "local");
    assert.equal(fromBase64(key.pubkey).length, 33);
    assert.equal(key.mnemonic, ABANDON_MNEMONIC);
    const [account] = await (await kr.signer("alice")).getAccounts();
    assert.equal(account?.address, EXPECTED);
    assert.deepEqual(await kr.show(EXPECTED), await kr.show("alice"));
  });

  it("stores keys as JSON with mode 0600 in a 0700 directory", async () => {
    const home = tmpHome();
    await openKeyring(home, "test").add("alice", { mnemonic: ABANDON_MNEMONIC });
    const dir = join(home, "keyring-test");
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.equal(statSync(join(dir, "alice.key.json")).mode & 0o777, 0o600);
    assert.equal(JSON.parse(readFileSync(join(dir, "alice.key.json"), "utf8")).mnemonic, ABANDON_MNEMONIC);
  });

  it("generates 24-word mnemonics that recover to the same key", async () => {
    const key = await openKeyring(tmpHome(), "test").add("gen");
    assert.equal(key.mnemonic.split(" ").length, 24);
    const again = await openKeyring(tmpHome(), "test").add("gen", { mnemonic: key.mnemonic });
    assert.equal(again.address, key.address);
  });

  it("lists, deletes and rejects duplicates and unknown names", async () => {
    const kr = openKeyring(tmpHome(), "test");
    assert.deepEqual(await kr.list(), []);
    await kr.add("bob");
    await kr.add("alice", { mnemonic: ABANDON_MNEMONIC });
    assert.deepEqual((await kr.list()).map((k) => k.name), ["alice", "bob"]);
    await assert.rejects(kr.add("alice"), /key alice already exists/);
    await assert.rejects(kr.add("carol", { mnemonic: ABANDON_MNEMONIC }), /key alice already holds address/);
    await kr.delete("bob");
    assert.deepEqual((await kr.list()).map((k) => k.name), ["alice"]);
    await assert.rejects(kr.delete("bob"), /key bob not found/);
    await assert.rejects(kr.show("nobody"), /key nobody not found/);
    await assert.rejects(kr.signer("nobody"), /key nobody not found/);
  });

  it("rejects bad names, mnemonics and HD paths", async () => {
    const kr = openKeyring(tmpHome(), "test");
    await assert.rejects(kr.add("../evil"), /invalid key name "\.\.\/evil"/);
    await assert.rejects(kr.add("x", { mnemonic: "abandon abandon abandon" }), /invalid mnemonic/);
    await assert.rejects(kr.add("x", { hdPath: "44/118" }), /invalid HD path "44\/118"/);
    assert.throws(() => openKeyring(tmpHome(), "os" as "test"), /unknown keyring backend "os"/);
  });

  it("honours a custom HD path", async () => {
    const kr = openKeyring(tmpHome(), "test");
    const a = await kr.add("a", { mnemonic: ABANDON_MNEMONIC, hdPath: "m/44'/118'/0'/0/1" });
    assert.notEqual(a.address, EXPECTED);
    const [acc] = await (await kr.signer("a")).getAccounts();
    assert.equal(acc?.address, a.address);
  });
});

describe("file backend", () => {
  it("encrypts mnemonics, unlocks with the right passphrase and rejects a wrong one", async () => {
    const home = tmpHome();
    const key = await openKeyring(home, "file", PASS).add("alice", { mnemonic: ABANDON_MNEMONIC });
    assert.equal(key.address, EXPECTED);
    const raw = readFileSync(join(home, "keyring-file", "alice.key.json"), "utf8");
    assert.ok(!raw.includes("abandon"), "mnemonic must not be stored in clear");
    assert.equal(statSync(join(home, "keyring-file", "alice.key.json")).mode & 0o777, 0o600);

    const [acc] = await (await openKeyring(home, "file", PASS).signer("alice")).getAccounts();
    assert.equal(acc?.address, EXPECTED);
    await assert.rejects(openKeyring(home, "file", "wrong passphrase").signer("alice"), /incorrect keyring passphrase/);
    await assert.rejects(openKeyring(home, "file", "wrong passphrase").add("bob"), /incorrect keyring passphrase/);
    await assert.rejects(openKeyring(home, "file").signer("alice"), /needs a passphrase: pass --keyring-passphrase/);
    // public data needs no passphrase
    assert.deepEqual((await openKeyring(home, "file").list()).map((k) => k.address), [EXPECTED]);
  });

  it("asks a passphrase callback once, only when a secret is needed", async () => {
    const home = tmpHome();
    const modes: string[] = [];
    const kr = openKeyring(home, "file", async (mode) => (modes.push(mode), PASS));
    await kr.list();
    assert.equal(modes.length, 0);
    await kr.add("a");
    await kr.add("b");
    assert.deepEqual(modes, ["create"]);
    await openKeyring(home, "file", async (mode) => (modes.push(mode), PASS)).signer("a");
    assert.deepEqual(modes, ["create", "unlock"]);
  });

  it("refuses a short passphrase for a new keyring", async () => {
    await assert.rejects(openKeyring(tmpHome(), "file", "short").add("a"), /passphrase too short/);
  });

  it("exports encrypted and imports into another keyring", async () => {
    const src = openKeyring(tmpHome(), "file", PASS);
    await src.add("alice", { mnemonic: ABANDON_MNEMONIC });
    const data = await src.export("alice");
    assert.ok(!data.includes("abandon"));
    assert.equal(JSON.parse(data).encrypted, true);

    await assert.rejects(openKeyring(tmpHome(), "test").import("alice", data), /export is encrypted/);
    await assert.rejects(openKeyring(tmpHome(), "test").import("alice", data, "not it at all"), /wrong passphrase for this key export/);
    const imported = await openKeyring(tmpHome(), "test").import("alice2", data, PASS);
    assert.equal(imported.address, EXPECTED);
    // same passphrase on the destination file keyring: no export passphrase needed
    assert.equal((await openKeyring(tmpHome(), "file", PASS).import("alice", data)).address, EXPECTED);
  });

  it("test-backend exports are plain unless given a passphrase, and imports check the address", async () => {
    const src = openKeyring(tmpHome(), "test");
    await src.add("alice", { mnemonic: ABANDON_MNEMONIC });
    const plain = JSON.parse(await src.export("alice"));
    assert.equal(plain.encrypted, false);
    assert.equal(plain.mnemonic, ABANDON_MNEMONIC);
    const dst = openKeyring(tmpHome(), "test");
    await assert.rejects(dst.import("x", JSON.stringify({ ...plain, address: "agora1wrong" })), /inconsistent/);
    assert.deepEqual(await dst.list(), []);
    await assert.rejects(dst.import("x", "hello"), /not a key export/);
    const sealed = await src.export("alice", PASS);
    assert.equal((await dst.import("y", sealed, PASS)).address, EXPECTED);
  });
});
