import assert from "node:assert/strict";
import { test } from "node:test";
import { Bip39, EnglishMnemonic, Secp256k1, Slip10, Slip10Curve, stringToPath } from "@cosmjs/crypto";
import { fromBech32, toBech32 } from "@cosmjs/encoding";
import { ACCOUNT_PREFIX, addressFromPubkey, fromAccAddress, moduleAddress, toAccAddress } from "./address.js";
import { CodedError } from "./errors.js";

/** The BIP39 test mnemonic and its well-known Cosmos Hub address (m/44'/118'/0'/0/0). */
const MNEMONIC = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
const COSMOS_ADDRESS = "cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4";
const AGORA_ADDRESS = "agora19rl4cm2hmr8afy4kldpxz3fka4jguq0aemhkp7";
/** The Cosmos SDK's fee collector module account on the Hub. */
const COSMOS_FEE_COLLECTOR = "cosmos17xpfvakm2amg962yls6f84z3kell8c5lserqta";

function assertInvalidAddress(fn: () => unknown, mentions: string[]): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof CodedError);
    assert.equal(err.codespace, "sdk");
    assert.equal(err.code, 7);
    for (const m of mentions) assert.ok(err.message.includes(m), `"${err.message}" should mention ${m}`);
    return true;
  });
}

test("the account prefix is agora", () => {
  assert.equal(ACCOUNT_PREFIX, "agora");
});

test("the BIP39 test mnemonic derives the known Cosmos address, and as agora it round-trips", async () => {
  const seed = await Bip39.mnemonicToSeed(new EnglishMnemonic(MNEMONIC));
  const { privkey } = Slip10.derivePath(Slip10Curve.Secp256k1, seed, stringToPath("m/44'/118'/0'/0/0"));
  const { pubkey } = await Secp256k1.makeKeypair(privkey);
  const bytes = addressFromPubkey(Secp256k1.compressPubkey(pubkey));
  assert.equal(bytes.length, 20);
  assert.equal(toAccAddress(bytes, "cosmos"), COSMOS_ADDRESS);
  assert.equal(toAccAddress(bytes), AGORA_ADDRESS);
  assert.deepEqual(fromAccAddress(AGORA_ADDRESS), bytes);
  assert.deepEqual(fromAccAddress(COSMOS_ADDRESS, "cosmos"), bytes);
});

test("a Cosmos address re-encoded with the agora prefix round-trips through fromAccAddress and toAccAddress", () => {
  const bytes = fromBech32(COSMOS_ADDRESS, 90).data;
  const agora = toBech32("agora", bytes);
  assert.equal(agora, AGORA_ADDRESS);
  assert.equal(toAccAddress(fromAccAddress(agora)), agora);
  assert.deepEqual(fromAccAddress(agora), bytes);
});

test("a 32-byte address (module-derived style) is accepted too", () => {
  const bytes = new Uint8Array(32).fill(7);
  assert.deepEqual(fromAccAddress(toAccAddress(bytes)), bytes);
});

test("an address with a bad checksum is invalid (code 7) and named", () => {
  const last = AGORA_ADDRESS.at(-1) === "q" ? "p" : "q";
  const bad = AGORA_ADDRESS.slice(0, -1) + last;
  assertInvalidAddress(() => fromAccAddress(bad), [`"${bad}"`]);
});

test("an address with the wrong prefix is invalid (code 7), naming it and both prefixes", () => {
  assertInvalidAddress(() => fromAccAddress(COSMOS_ADDRESS), [`"${COSMOS_ADDRESS}"`, "expected prefix agora", "got cosmos"]);
});

test("an address of the wrong length or not bech32 at all is invalid (code 7) and named", () => {
  const short = toBech32("agora", new Uint8Array(10));
  assertInvalidAddress(() => fromAccAddress(short), [`"${short}"`, "expected 20 or 32 bytes, got 10"]);
  assertInvalidAddress(() => fromAccAddress("not-an-address"), ['"not-an-address"']);
  assertInvalidAddress(() => fromAccAddress(""), ['""']);
});

test("moduleAddress(\"fee_collector\") equals the Cosmos SDK's well-known fee collector address bytes", () => {
  const expected = fromBech32(COSMOS_FEE_COLLECTOR, 90).data;
  assert.deepEqual(Uint8Array.from(moduleAddress("fee_collector")), expected);
  assert.equal(toAccAddress(moduleAddress("fee_collector"), "cosmos"), COSMOS_FEE_COLLECTOR);
  assert.equal(toAccAddress(moduleAddress("fee_collector")), toBech32("agora", expected));
});

test("different module names give different 20-byte addresses", () => {
  const a = moduleAddress("fee_collector");
  const b = moduleAddress("distribution");
  assert.equal(a.length, 20);
  assert.equal(b.length, 20);
  assert.notDeepEqual(Uint8Array.from(a), Uint8Array.from(b));
});
