/** `sendTokens` argument validation and fee planning, offline. */
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { describe, it } from "node:test";
import { openKeyring } from "../keys/keyring.js";
import { ABANDON_MNEMONIC, tmpHome } from "../keys/testing.js";
import { assertTxSuccess, planFee, prepareSend, sendTokens, type SendTokensOptions } from "./tx.js";

const TO = "agora19rl4cm2hmr8afy4kldpxz3fka4jguq0aemhkp7";
const base: SendTokensOptions = { from: "alice", to: TO, amount: "100uagora" };

/** A localhost port with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("prepareSend", () => {
  it("fills defaults", () => {
    const p = prepareSend(base);
    assert.equal(p.chainId, "agora-local-1");
    assert.equal(p.node, "http://127.0.0.1:26657");
    assert.deepEqual(p.amount, [{ denom: "uagora", amount: "100" }]);
    assert.equal(p.fee.kind, "auto");
    assert.equal(p.fee.kind === "auto" && p.fee.multiplier, 1.5);
    assert.equal(prepareSend({ ...base, node: "tcp://10.0.0.1:26657" }).node, "http://10.0.0.1:26657");
  });

  it("rejects bad arguments naming them", () => {
    assert.throws(() => prepareSend({ ...base, amount: "100agora!" }), /invalid amount "100agora!"/);
    assert.throws(() => prepareSend({ ...base, to: "agora1nope" }), /invalid recipient address "agora1nope"/);
    assert.throws(() => prepareSend({ ...base, from: "" }), /missing sender/);
    assert.throws(() => prepareSend({ ...base, memo: "x".repeat(257) }), /memo too long/);
    assert.throws(() => prepareSend({ ...base, node: "ftp://x" }), /invalid --node "ftp:\/\/x"/);
    assert.throws(() => prepareSend({ ...base, fees: "2000uagora", gasPrices: "0.1uagora" }), /either --fees or --gas-prices/);
    assert.throws(() => prepareSend({ ...base, fees: "2000" }), /invalid amount "2000"/);
  });
});

describe("planFee", () => {
  it("covers fixed, auto and simulated gas", () => {
    assert.deepEqual(planFee({ gas: "100000" }), { kind: "fixed", fee: { amount: [{ denom: "uagora", amount: "2500" }], gas: "100000" } });
    assert.deepEqual(planFee({ gas: 80000, gasPrices: "0.1ustake" }), {
      kind: "fixed",
      fee: { amount: [{ denom: "ustake", amount: "8000" }], gas: "80000" },
    });
    assert.deepEqual(planFee({ fees: "2000uagora", gas: "150000" }), {
      kind: "fixed",
      fee: { amount: [{ denom: "uagora", amount: "2000" }], gas: "150000" },
    });
    assert.deepEqual(planFee({ fees: "2000uagora", gasAdjustment: "2" }), {
      kind: "simulate",
      amount: [{ denom: "uagora", amount: "2000" }],
      multiplier: 2,
    });
    const auto = planFee({ gas: "auto", gasAdjustment: 1.3, gasPrices: "0.5uagora" });
    assert.equal(auto.kind, "auto");
    assert.equal(auto.kind === "auto" && auto.gasPrice.denom, "uagora");
  });
});

describe("sendTokens offline failures", () => {
  it("needs a keyring or home", async () => {
    await assert.rejects(sendTokens(base), /needs `keyring` or `home`/);
  });

  it("reports an unknown sender before touching the network", async () => {
    await assert.rejects(sendTokens({ ...base, home: tmpHome(), keyringBackend: "test" }), /key alice not found/);
  });

  it("reports an unreachable node in one line", async () => {
    const keyring = openKeyring(tmpHome(), "test");
    await keyring.add("alice", { mnemonic: ABANDON_MNEMONIC });
    const node = `http://127.0.0.1:${await closedPort()}`;
    await assert.rejects(sendTokens({ ...base, keyring, node }), (err: Error) => {
      assert.match(err.message, /^cannot reach node http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
      return true;
    });
  });
});

describe("assertTxSuccess", () => {
  it("throws one line with hash, code and raw log", () => {
    const ok = { txhash: "AB", code: 0, height: 3, gasUsed: "1", gasWanted: "2", rawLog: "" };
    assertTxSuccess(ok);
    assert.throws(
      () => assertTxSuccess({ ...ok, code: 5, rawLog: "insufficient funds:\n 5uagora is smaller than 100uagora" }),
      /tx AB failed at height 3 with code 5: insufficient funds: 5uagora is smaller than 100uagora$/,
    );
  });
});
