/** Strict amount, address and gas flag parsing. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkAddress, formatCoins, parseCoins, parseGas, parseGasAdjustment, parseGasPrice } from "./coins.js";

const ADDR = "agora19rl4cm2hmr8afy4kldpxz3fka4jguq0aemhkp7";

describe("parseCoins", () => {
  it("parses one or several coins", () => {
    assert.deepEqual(parseCoins("100uagora"), [{ denom: "uagora", amount: "100" }]);
    assert.deepEqual(parseCoins("1uagora, 25ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2"), [
      { denom: "uagora", amount: "1" },
      { denom: "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2", amount: "25" },
    ]);
    assert.deepEqual(parseCoins("007uagora"), [{ denom: "uagora", amount: "7" }]);
    assert.deepEqual(parseCoins("99999999999999999999999uagora"), [{ denom: "uagora", amount: "99999999999999999999999" }]);
    assert.equal(formatCoins(parseCoins("1uagora,2ufoo")), "1uagora,2ufoo");
  });

  it("names the bad input", () => {
    for (const bad of ["10.5uagora", "uagora", "100", "-5uagora", "100 uagora", "100u", "100uagora,", ""]) {
      assert.throws(() => parseCoins(bad), (err: Error) => err.message.startsWith("invalid amount") && err.message.includes(`"`), bad);
    }
    assert.throws(() => parseCoins("10.5uagora"), /invalid amount "10\.5uagora"/);
    assert.throws(() => parseCoins("1uagora,2x!y"), /invalid amount "2x!y"/);
    assert.throws(() => parseCoins("0uagora"), /"0uagora": must be greater than zero/);
    assert.throws(() => parseCoins("1uagora,2uagora"), /denom uagora appears twice/);
    assert.deepEqual(parseCoins("0uagora", { allowZero: true }), [{ denom: "uagora", amount: "0" }]);
  });
});

describe("flags", () => {
  it("checks addresses and prefixes", () => {
    assert.equal(checkAddress(ADDR), ADDR);
    assert.throws(() => checkAddress("cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4"), /prefix must be agora, not cosmos/);
    assert.throws(() => checkAddress("agora1xyz", "recipient address"), /invalid recipient address "agora1xyz"/);
    assert.throws(() => checkAddress(ADDR.slice(0, -1) + "q"), /invalid address/);
  });

  it("parses gas, gas adjustment and gas prices", () => {
    assert.equal(parseGas("auto"), "auto");
    assert.equal(parseGas("200000"), 200000);
    for (const bad of ["0", "-1", "1.5", "lots", ""]) assert.throws(() => parseGas(bad), /invalid --gas/);
    assert.equal(parseGasAdjustment("1.5"), 1.5);
    for (const bad of ["0.5", "x", "-2", "1e3"]) assert.throws(() => parseGasAdjustment(bad), /invalid --gas-adjustment/);
    assert.equal(parseGasPrice("0.025uagora").denom, "uagora");
    assert.throws(() => parseGasPrice("cheap"), /invalid --gas-prices "cheap"/);
  });
});
