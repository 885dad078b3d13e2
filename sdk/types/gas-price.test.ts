import assert from "node:assert/strict";
import { test } from "node:test";
import { CodedError } from "./errors.js";
import { parseGasPrices, requiredFee } from "./gas-price.js";

function assertInvalidCoins(fn: () => unknown, mentions: string): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof CodedError);
    assert.equal(err.codespace, "sdk");
    assert.equal(err.code, 10);
    assert.ok(err.message.includes(mentions), `"${err.message}" should mention ${mentions}`);
    return true;
  });
}

test("a gas price is parsed into its denom and an exact scaled value", () => {
  assert.deepEqual(parseGasPrices("0.0025uagora"), [{ denom: "uagora", scaled: 2_500_000_000_000_000n }]);
  assert.deepEqual(parseGasPrices("1uagora"), [{ denom: "uagora", scaled: 10n ** 18n }]);
});

test("several gas prices are parsed in order, whitespace allowed", () => {
  const prices = parseGasPrices("0.0025uagora, 0.1 uatom");
  assert.deepEqual(
    prices.map((p) => p.denom),
    ["uagora", "uatom"],
  );
  assert.equal(prices[1]!.scaled, 10n ** 17n);
});

test("no gas prices configured parses to an empty list", () => {
  assert.deepEqual(parseGasPrices(""), []);
  assert.deepEqual(parseGasPrices("  "), []);
});

test("the required fee is price times gas: 0.0025 x 200000 = 500", () => {
  const [price] = parseGasPrices("0.0025uagora");
  assert.equal(requiredFee(price!, 200_000n), 500n);
});

test("the required fee rounds up: 0.0025 x 1 = 1 and 0.0025 x 200001 = 501", () => {
  const [price] = parseGasPrices("0.0025uagora");
  assert.equal(requiredFee(price!, 1n), 1n);
  assert.equal(requiredFee(price!, 200_001n), 501n);
  assert.equal(requiredFee(price!, 0n), 0n);
});

test("the required fee is exact for whole prices and for the smallest fraction", () => {
  assert.equal(requiredFee(parseGasPrices("1uagora")[0]!, 7n), 7n);
  assert.equal(requiredFee(parseGasPrices("0.5uagora")[0]!, 3n), 2n);
  const tiny = parseGasPrices("0.000000000000000001uagora")[0]!;
  assert.equal(tiny.scaled, 1n);
  assert.equal(requiredFee(tiny, 1n), 1n);
  assert.equal(requiredFee(tiny, 10n ** 18n), 1n);
  assert.equal(requiredFee(tiny, 10n ** 18n + 1n), 2n);
  assert.equal(requiredFee(parseGasPrices("0uagora")[0]!, 1_000_000n), 0n);
});

test("a gas price with more than 18 decimals is rejected with code 10, naming it", () => {
  assertInvalidCoins(() => parseGasPrices("0.0000000000000000001uagora"), "0.0000000000000000001uagora");
});

test("a malformed gas price is rejected with code 10, naming it", () => {
  assertInvalidCoins(() => parseGasPrices("-0.1uagora"), '"-0.1uagora"');
  assertInvalidCoins(() => parseGasPrices("0.1"), '"0.1"');
  assertInvalidCoins(() => parseGasPrices(".5uagora"), '".5uagora"');
  assertInvalidCoins(() => parseGasPrices("0.1uagora,abc"), '"abc"');
});
