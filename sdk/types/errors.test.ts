import assert from "node:assert/strict";
import { test } from "node:test";
import { abciError, CodedError, register } from "./errors.js";
import { ErrInsufficientFunds, ErrInvalidAddress, ErrInvalidCoins } from "./sdk-errors.js";

test("wrapping an error puts the detail in front: \"detail: description\"", () => {
  const err = ErrInsufficientFunds.wrap("5uagora is smaller than 7uagora");
  assert.equal(err.message, "5uagora is smaller than 7uagora: insufficient funds");
  assert.equal(err.codespace, "sdk");
  assert.equal(err.code, 5);
  assert.ok(err instanceof Error);
  assert.equal(err.name, "CodedError");
});

test("wrapping without detail gives the bare description", () => {
  assert.equal(ErrInvalidCoins.wrap().message, "invalid coins");
  assert.equal(ErrInvalidCoins.wrap("").message, "invalid coins");
});

test("an error kind recognises its own instances and no others", () => {
  const err = ErrInvalidAddress.wrap("bad");
  assert.equal(ErrInvalidAddress.is(err), true);
  assert.equal(ErrInvalidCoins.is(err), false);
  assert.equal(ErrInvalidAddress.is(new Error("bad: invalid address")), false);
});

test("registering a codespace/code pair twice throws", () => {
  const first = register("errors-test", 2, "first");
  assert.equal(first.code, 2);
  assert.throws(() => register("errors-test", 2, "second"), /error code 2 is already registered in codespace errors-test/);
  assert.throws(() => register("sdk", 5, "my insufficient funds"), /already registered/);
  assert.equal(register("errors-test", 3, "third").description, "third", "another code in the same codespace is fine");
});

test("codes 0 and 1 are reserved and cannot be registered", () => {
  assert.throws(() => register("errors-test-reserved", 1, "internal"), /greater than 1/);
  assert.throws(() => register("errors-test-reserved", 0, "ok"), /greater than 1/);
});

test("abciError reports a registered error's codespace, code and message", () => {
  assert.deepEqual(abciError(ErrInvalidCoins.wrap('invalid denom "x"')), {
    codespace: "sdk",
    code: 10,
    log: 'invalid denom "x": invalid coins',
  });
  const custom = register("errors-test-abci", 42, "custom failure");
  assert.deepEqual(abciError(custom.wrap("why")), { codespace: "errors-test-abci", code: 42, log: "why: custom failure" });
});

test("abciError on a plain Error gives code 1, internal", () => {
  assert.deepEqual(abciError(new Error("boom")), { codespace: "undefined", code: 1, log: "internal error: boom" });
  assert.deepEqual(abciError(new TypeError("x is undefined")).code, 1);
  assert.deepEqual(abciError("a thrown string"), { codespace: "undefined", code: 1, log: "internal error: a thrown string" });
});

test("a CodedError built by hand still carries its kind's code", () => {
  const err = new CodedError(ErrInsufficientFunds, "custom message");
  assert.equal(err.code, 5);
  assert.equal(abciError(err).log, "custom message");
});
