import assert from "node:assert/strict";
import { test } from "node:test";
import type { Context } from "../types/context.js";
import { InvariantBrokenError, InvariantRegistry } from "./registry.js";

const ctx = {} as Context;

test("a governance-style invariant is one line to add, and runs after the ones before it", () => {
  const registry = new InvariantRegistry();
  const ran: string[] = [];
  registry.register("bank", "total-supply", () => (ran.push("bank"), { broken: false, message: "ok" }));
  registry.register("gov", "module-balance-equals-deposits", () => (ran.push("gov"), { broken: true, message: "gov holds 10uagora, deposits are 12uagora" }));
  assert.deepEqual(registry.routes(), ["bank/total-supply", "gov/module-balance-equals-deposits"]);
  assert.throws(
    () => registry.assertAll(ctx),
    (err: unknown) => err instanceof InvariantBrokenError && err.route === "gov/module-balance-equals-deposits" && err.message === "invariant gov/module-balance-equals-deposits broken: gov holds 10uagora, deposits are 12uagora",
  );
  assert.deepEqual(ran, ["bank", "gov"]);
});

test("registering one route twice is refused, and checking an unknown route names the known ones", () => {
  const registry = new InvariantRegistry();
  registry.register("bank", "total-supply", () => ({ broken: false, message: "ok" }));
  assert.throws(() => registry.register("bank", "total-supply", () => ({ broken: false, message: "ok" })), /invariant bank\/total-supply is registered twice/);
  assert.throws(() => registry.check(ctx, "bank/nope"), /no invariant bank\/nope: the registered ones are bank\/total-supply/);
});
