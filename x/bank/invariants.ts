/**
 * The bank's invariants: the supply of every denom is the sum of its balances, and every stored
 * amount is within bounds (positive and at most 2^256 - 1: zero balances are deleted, never kept).
 */
import type { InvariantRegistry, InvariantResult } from "../../sdk/invariants/registry.js";
import { toAccAddress } from "../../sdk/types/address.js";
import { MAX_AMOUNT } from "../../sdk/types/coins.js";
import type { Context } from "../../sdk/types/context.js";
import type { BankViewKeeper } from "./keeper.js";
import { BANK_MODULE } from "./types.js";

export function registerBankInvariants(registry: InvariantRegistry, keeper: BankViewKeeper): void {
  registry.register(BANK_MODULE, "total-supply", (ctx) => totalSupply(ctx, keeper));
  registry.register(BANK_MODULE, "amounts-in-bounds", (ctx) => amountsInBounds(ctx, keeper));
}

/** The supply each denom records equals the sum of all balances of that denom. */
export function totalSupply(ctx: Context, keeper: BankViewKeeper): InvariantResult {
  const sums = new Map<string, bigint>();
  for (const [[, denom], amount] of keeper.balances.entries(ctx)) sums.set(denom, (sums.get(denom) ?? 0n) + amount);
  const mismatches: string[] = [];
  for (const [denom, supply] of keeper.supply.entries(ctx)) {
    const sum = sums.get(denom) ?? 0n;
    sums.delete(denom);
    if (sum !== supply) mismatches.push(`${denom}: supply ${supply}, sum of balances ${sum}`);
  }
  for (const [denom, sum] of sums) mismatches.push(`${denom}: no supply recorded, sum of balances ${sum}`);
  return mismatches.length
    ? { broken: true, message: `total supply does not equal the sum of balances (${mismatches.join("; ")})` }
    : { broken: false, message: "total supply equals the sum of balances for every denom" };
}

/** Every balance and supply is 0 < amount <= 2^256 - 1. */
export function amountsInBounds(ctx: Context, keeper: BankViewKeeper): InvariantResult {
  const outside: string[] = [];
  for (const [[address, denom], amount] of keeper.balances.entries(ctx)) {
    if (amount <= 0n || amount > MAX_AMOUNT) outside.push(`balance of ${toAccAddress(address)} is ${amount}${denom}`);
  }
  for (const [denom, amount] of keeper.supply.entries(ctx)) {
    if (amount < 0n || amount > MAX_AMOUNT) outside.push(`supply of ${denom} is ${amount}`);
  }
  return outside.length
    ? { broken: true, message: `amounts must be positive and at most 2^256 - 1: ${outside.join("; ")}` }
    : { broken: false, message: "every balance and supply is within bounds" };
}
