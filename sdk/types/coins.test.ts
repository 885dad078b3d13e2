import assert from "node:assert/strict";
import { test } from "node:test";
import { coin, Coins, MAX_AMOUNT, parseAmount } from "./coins.js";
import { CodedError } from "./errors.js";
import { prng } from "../../test/support/prng.js";

const TWO_256 = 1n << 256n;

/** Asserts fn throws a registered error with this codespace and code whose message matches. */
function assertCoded(fn: () => unknown, code: number, message: RegExp | string, codespace = "sdk"): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof CodedError, `expected a CodedError, got ${String(err)}`);
    assert.equal(err.codespace, codespace);
    assert.equal(err.code, code);
    if (typeof message === "string") assert.ok(err.message.includes(message), `"${err.message}" should mention ${message}`);
    else assert.match(err.message, message);
    return true;
  });
}


test("parsing a single coin gives its denom and amount", () => {
  const coins = Coins.parse("100uagora");
  assert.deepEqual(coins.list, [{ denom: "uagora", amount: 100n }]);
  assert.equal(coins.amountOf("uagora"), 100n);
  assert.equal(coins.amountOf("uatom"), 0n);
  assert.equal(coins.toString(), "100uagora");
});

test("parsing several coins sorts them by denom", () => {
  const coins = Coins.parse("1uatom,2uagora");
  assert.deepEqual(coins.list, [
    { denom: "uagora", amount: 2n },
    { denom: "uatom", amount: 1n },
  ]);
  assert.equal(coins.toString(), "2uagora,1uatom");
});

test("parsing tolerates whitespace around entries and between amount and denom", () => {
  assert.equal(Coins.parse("  1uatom , 2uagora  ").toString(), "2uagora,1uatom");
  assert.equal(Coins.parse("100 uagora").toString(), "100uagora");
  assert.equal(Coins.parse("   ").isZero(), true);
  assert.equal(Coins.parse("").isZero(), true);
});

test("parsing accepts IBC-style denoms with slashes and mixed case", () => {
  const denom = "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2";
  assert.equal(Coins.parse(`7${denom}`).amountOf(denom), 7n);
});

test("parsing a negative amount names the bad input with code 10", () => {
  assertCoded(() => Coins.parse("-5uagora"), 10, '"-5uagora"');
});

test("parsing a decimal amount names the bad input with code 10", () => {
  assertCoded(() => Coins.parse("1.5uagora"), 10, '"1.5uagora"');
});

test("parsing an amount without a denom names the bad input with code 10", () => {
  assertCoded(() => Coins.parse("100"), 10, '"100"');
  assertCoded(() => Coins.parse("5uagora,100"), 10, '"100"');
});

test("parsing a malformed denom names the bad input with code 10", () => {
  assertCoded(() => Coins.parse("100u"), 10, '"100u"');
  assertCoded(() => Coins.parse("100uag@ra"), 10, '"100uag@ra"');
  assertCoded(() => coin(1n, "9lives"), 10, '"9lives"');
});

test("parsing an amount of 2^256 overflows with code 10 in codespace sdk and names the amount", () => {
  assertCoded(() => Coins.parse(`${TWO_256}uagora`), 10, TWO_256.toString());
});

test("the maximum amount is 2^256 - 1 exactly: it is accepted and one more is rejected", () => {
  assert.equal(MAX_AMOUNT, TWO_256 - 1n);
  assert.equal(Coins.parse(`${MAX_AMOUNT}uagora`).amountOf("uagora"), MAX_AMOUNT);
  assert.equal(parseAmount(MAX_AMOUNT.toString()), MAX_AMOUNT);
  assert.equal(coin(MAX_AMOUNT, "uagora").amount, MAX_AMOUNT);
  assertCoded(() => parseAmount(TWO_256.toString()), 10, TWO_256.toString());
  assertCoded(() => coin(TWO_256, "uagora"), 10, TWO_256.toString());
  assertCoded(() => Coins.fromProto([{ denom: "uagora", amount: TWO_256.toString() }]), 10, TWO_256.toString());
});

test("adding past 2^256 - 1 is rejected with code 10", () => {
  const max = Coins.parse(`${MAX_AMOUNT}uagora`);
  assertCoded(() => max.add(Coins.parse("1uagora")), 10, /invalid coins/);
});

test("adding merges denoms and sums amounts", () => {
  const sum = Coins.parse("1uagora,3uatom").add(Coins.parse("2uagora,5ufoo"));
  assert.equal(sum.toString(), "3uagora,3uatom,5ufoo");
  assert.equal(Coins.EMPTY.add(sum).toString(), sum.toString());
});

test("subtracting removes amounts and drops denoms that reach zero", () => {
  const left = Coins.parse("3uagora,3uatom").sub(Coins.parse("3uagora,1uatom"));
  assert.equal(left.toString(), "2uatom");
  assert.deepEqual(left.list, [{ denom: "uatom", amount: 2n }]);
});

test("subtracting below zero throws insufficient funds, code 5", () => {
  assertCoded(() => Coins.parse("3uagora").sub(Coins.parse("4uagora")), 5, /insufficient funds/);
  assertCoded(() => Coins.parse("3uagora").sub(Coins.parse("1uatom")), 5, "1uatom");
  assertCoded(() => Coins.EMPTY.sub(Coins.parse("1uatom")), 5, "1uatom");
});

test("a set with the same denom twice is rejected, whether parsed, built or decoded", () => {
  assertCoded(() => Coins.parse("1uagora,2uagora"), 10, "duplicate denomination uagora");
  assertCoded(() => Coins.of([coin(1n, "uatom"), coin(1n, "uagora"), coin(2n, "uatom")]), 10, "duplicate denomination uatom");
  assertCoded(
    () =>
      Coins.fromProto([
        { denom: "uagora", amount: "1" },
        { denom: "uagora", amount: "1" },
      ]),
    10,
    "duplicate denomination uagora",
  );
});

test("zero entries are dropped from a set", () => {
  assert.equal(Coins.parse("0uatom,5uagora").toString(), "5uagora");
  assert.equal(Coins.parse("0uagora").isZero(), true);
  assert.deepEqual(Coins.fromProto([{ denom: "uatom", amount: "0" }]).toProto(), []);
  assert.equal(Coins.of([coin(0n, "uagora"), coin(0n, "uagora")]).isZero(), true, "two zeros of a denom are not a duplicate");
});

test("coins round-trip through their protobuf form, sorted by denom", () => {
  const proto = [
    { denom: "uatom", amount: "1" },
    { denom: "uagora", amount: MAX_AMOUNT.toString() },
  ];
  const coins = Coins.fromProto(proto);
  const sorted = [proto[1]!, proto[0]!];
  assert.deepEqual(coins.toProto(), sorted);
  assert.deepEqual(Coins.fromProto(coins.toProto()).list, coins.list);
});

test("decoding protobuf coins names a bad amount or denom", () => {
  assertCoded(() => Coins.fromProto([{ denom: "uagora", amount: "1.5" }]), 10, '"1.5"');
  assertCoded(() => Coins.fromProto([{ denom: "uagora", amount: "-1" }]), 10, '"-1"');
  assertCoded(() => Coins.fromProto([{ denom: "uagora", amount: "" }]), 10, '""');
  assertCoded(() => Coins.fromProto([{ denom: "x", amount: "1" }]), 10, '"x"');
});

test("isAllGTE compares every denom of the other set", () => {
  const have = Coins.parse("5uagora,1uatom");
  assert.equal(have.isAllGTE(Coins.parse("5uagora")), true);
  assert.equal(have.isAllGTE(Coins.parse("5uagora,2uatom")), false);
  assert.equal(have.isAllGTE(Coins.parse("1ufoo")), false);
  assert.equal(have.isAllGTE(Coins.EMPTY), true);
});

test("property: adding then subtracting the same coins gives back the original set", () => {
  const next = prng(20240601);
  const denoms = ["uagora", "uatom", "ibc/ABC", "ufoo", "stake"];
  const randomAmount = (): bigint => {
    // Up to 2^252 so that a sum of two stays within 2^256 - 1; often small, sometimes zero.
    const bits = Math.floor(next() * 253);
    let n = 0n;
    for (let i = 0; i < bits; i += 32) n = (n << 32n) | BigInt(Math.floor(next() * 2 ** 32));
    return n & ((1n << BigInt(bits)) - 1n);
  };
  const randomCoins = (): Coins => Coins.of(denoms.filter(() => next() < 0.5).map((denom) => ({ denom, amount: randomAmount() })));
  for (let i = 0; i < 500; i++) {
    const a = randomCoins();
    const b = randomCoins();
    const sum = a.add(b);
    assert.deepEqual(sum.sub(b).list, a.list, `case ${i}: (${a}) + (${b}) - (${b})`);
    assert.deepEqual(sum.sub(a).list, b.list, `case ${i}: (${a}) + (${b}) - (${a})`);
    assert.deepEqual(b.add(a).list, sum.list, `case ${i}: addition commutes`);
    assert.equal(sum.isAllGTE(a) && sum.isAllGTE(b), true);
    assert.deepEqual(Coins.parse(sum.toString()).list, sum.list, `case ${i}: toString parses back`);
  }
});
