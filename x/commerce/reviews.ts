/** Reviews: the buyer of a completed order rates the store once; the store keeps the sum and count. */
import { OrderStatus, orderStatusToJSON } from "../../generated/proto/agora/commerce/v1/commerce.js";
import type { Context } from "../../sdk/types/context.js";
import type { CommerceKeeper } from "./keeper.js";
import { ErrAlreadyReviewed, ErrNotOwner, ErrWrongOrderStatus } from "./types.js";

export function reviewOrder(ctx: Context, keeper: CommerceKeeper, buyer: string, orderId: bigint, rating: number, text: string): void {
  const order = keeper.order(ctx, orderId);
  if (order.buyer !== buyer) throw ErrNotOwner.wrap(`only the buyer of order ${orderId} (${order.buyer}) may review it, not ${buyer}`);
  if (order.reviewed) throw ErrAlreadyReviewed.wrap(`order ${orderId} has its review`);
  if (order.orderStatus !== OrderStatus.ORDER_STATUS_COMPLETED) throw ErrWrongOrderStatus.wrap(`order ${orderId} is ${orderStatusToJSON(order.orderStatus)}; only a completed order is reviewed`);
  keeper.reviews.set(ctx, [order.storeId, orderId], { orderId, storeId: order.storeId, buyer, rating, text, createdAt: ctx.block.time.seconds });
  keeper.setOrder(ctx, { ...order, reviewed: true });
  const store = keeper.store(ctx, order.storeId);
  keeper.stores.set(ctx, store.id, { ...store, ratingSum: store.ratingSum + BigInt(rating), ratingCount: store.ratingCount + 1n });
  ctx.events.emit("commerce_order_reviewed", { order_id: orderId.toString(), store_id: order.storeId.toString(), buyer, rating: String(rating) });
}
