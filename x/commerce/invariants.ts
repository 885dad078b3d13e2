/**
 * Commerce invariants: the escrow account holds exactly the escrow of the open orders (placed,
 * shipped, disputed), denom by denom; each store's rating sum and count equal its reviews.
 */
import { OrderStatus } from "../../generated/proto/agora/commerce/v1/commerce.js";
import type { InvariantRegistry, InvariantResult } from "../../sdk/invariants/registry.js";
import { parseAmount } from "../../sdk/types/coins.js";
import type { Context } from "../../sdk/types/context.js";
import { OPEN_ORDER_STATUSES, type CommerceKeeper } from "./keeper.js";
import { COMMERCE_MODULE } from "./types.js";

export function registerCommerceInvariants(registry: InvariantRegistry, keeper: CommerceKeeper): void {
  registry.register(COMMERCE_MODULE, "escrow-balance", (ctx) => escrowBalance(ctx, keeper));
  registry.register(COMMERCE_MODULE, "store-ratings", (ctx) => storeRatings(ctx, keeper));
}

export function escrowBalance(ctx: Context, keeper: CommerceKeeper): InvariantResult {
  const owed = new Map<string, bigint>();
  for (const [, order] of keeper.orders.entries(ctx)) {
    if (!OPEN_ORDER_STATUSES.includes(order.orderStatus)) continue;
    owed.set(order.escrow!.denom, (owed.get(order.escrow!.denom) ?? 0n) + parseAmount(order.escrow!.amount));
  }
  const held = keeper.deps.bank.getAllBalances(ctx, keeper.escrowAddress());
  const mismatches: string[] = [];
  for (const { denom, amount } of held.list) {
    if ((owed.get(denom) ?? 0n) !== amount) mismatches.push(`${denom}: escrow holds ${amount}, open orders owe ${owed.get(denom) ?? 0n}`);
    owed.delete(denom);
  }
  for (const [denom, amount] of owed) if (amount !== 0n) mismatches.push(`${denom}: escrow holds 0, open orders owe ${amount}`);
  return mismatches.length
    ? { broken: true, message: `the escrow account does not hold the open orders' escrow (${mismatches.join("; ")})` }
    : { broken: false, message: "the escrow account holds exactly the open orders' escrow" };
}

export function storeRatings(ctx: Context, keeper: CommerceKeeper): InvariantResult {
  const sums = new Map<bigint, [bigint, bigint]>();
  const problems: string[] = [];
  for (const [[storeId, orderId], review] of keeper.reviews.entries(ctx)) {
    const [sum, count] = sums.get(storeId) ?? [0n, 0n];
    sums.set(storeId, [sum + BigInt(review.rating), count + 1n]);
    const order = keeper.orders.get(ctx, orderId);
    if (!order?.reviewed || order.orderStatus !== OrderStatus.ORDER_STATUS_COMPLETED) problems.push(`review of order ${orderId} has no completed, reviewed order`);
  }
  for (const [id, store] of keeper.stores.entries(ctx)) {
    const [sum, count] = sums.get(id) ?? [0n, 0n];
    if (store.ratingSum !== sum || store.ratingCount !== count) problems.push(`store ${id} records ${store.ratingSum}/${store.ratingCount}, its reviews add to ${sum}/${count}`);
  }
  return problems.length
    ? { broken: true, message: `store ratings do not match their reviews (${problems.join("; ")})` }
    : { broken: false, message: "every store's rating sum and count match its reviews" };
}
