/**
 * An order's life: placed (paid into escrow, inventory taken), then cancelled by the buyer before
 * shipping, refunded by the seller, or shipped and released to the seller on the buyer's
 * confirmation or when the release timeout passes. A dispute (disputes.ts) freezes it.
 */
import { ListingStatus, listingStatusToJSON, OrderStatus, orderStatusToJSON, type Coin, type Order } from "../../generated/proto/agora/commerce/v1/commerce.js";
import { assertAmount, parseAmount } from "../../sdk/types/coins.js";
import type { Context } from "../../sdk/types/context.js";
import { payIntoEscrow, settleEscrow } from "./escrow.js";
import { CommerceKeeper } from "./keeper.js";
import { BPS_ONE, ErrEscrowFrozen, ErrInsufficientInventory, ErrListingUnavailable, ErrNotOwner, ErrPriceChanged, ErrWrongOrderStatus } from "./types.js";

const now = (ctx: Context): bigint => ctx.block.time.seconds;

function requireStatus(order: Order, allowed: OrderStatus[], doing: string): void {
  if (allowed.includes(order.orderStatus)) return;
  if (order.orderStatus === OrderStatus.ORDER_STATUS_DISPUTED) throw ErrEscrowFrozen.wrap(`cannot ${doing} order ${order.id} while its dispute is pending`);
  throw ErrWrongOrderStatus.wrap(`cannot ${doing} order ${order.id}: it is ${orderStatusToJSON(order.orderStatus)}`);
}

function requireParty(expected: string, signer: string, role: string, orderId: bigint): void {
  if (expected !== signer) throw ErrNotOwner.wrap(`only the ${role} of order ${orderId} (${expected}) may do this, not ${signer}`);
}

function emitOrder(ctx: Context, type: string, order: Order, extra: Record<string, string> = {}): void {
  ctx.events.emit(type, { order_id: order.id.toString(), buyer: order.buyer, seller: order.seller, order_status: orderStatusToJSON(order.orderStatus), ...extra });
}

/** Takes `quantity` from the listing's inventory and price x quantity from the buyer into escrow. */
export function placeOrder(ctx: Context, keeper: CommerceKeeper, buyer: string, listingId: bigint, quantity: bigint, price: Coin): bigint {
  const listing = keeper.listing(ctx, listingId);
  if (listing.listingStatus === ListingStatus.LISTING_STATUS_SOLD_OUT) throw ErrInsufficientInventory.wrap(`listing ${listingId} is sold out`);
  if (listing.listingStatus !== ListingStatus.LISTING_STATUS_ACTIVE) throw ErrListingUnavailable.wrap(`listing ${listingId} is ${listingStatusToJSON(listing.listingStatus)}`);
  if (listing.inventory < quantity) throw ErrInsufficientInventory.wrap(`listing ${listingId} has ${listing.inventory} left, ordered ${quantity}`);
  const unit = listing.price!;
  if (unit.denom !== price.denom || parseAmount(unit.amount) !== parseAmount(price.amount)) {
    throw ErrPriceChanged.wrap(`listing ${listingId} costs ${unit.amount}${unit.denom} a unit, the order offered ${price.amount}${price.denom}`);
  }
  const total = parseAmount(unit.amount) * quantity;
  assertAmount(total);
  if (buyer === listing.seller) throw ErrNotOwner.wrap(`${buyer} sells listing ${listingId} and cannot buy from it`);
  payIntoEscrow(ctx, keeper, buyer, total, unit.denom);
  const inventory = listing.inventory - quantity;
  keeper.setListing(ctx, { ...listing, inventory, listingStatus: CommerceKeeper.statusForInventory(listing.listingStatus, inventory) });
  const id = keeper.orderSeq.next(ctx) + 1n;
  const order: Order = {
    id,
    listingId,
    storeId: listing.storeId,
    buyer,
    seller: listing.seller,
    quantity,
    escrow: { denom: unit.denom, amount: total.toString() },
    orderStatus: OrderStatus.ORDER_STATUS_PLACED,
    placedAt: now(ctx),
    shippedAt: 0n,
    releaseAt: 0n,
    tracking: "",
    reviewed: false,
  };
  keeper.setOrder(ctx, order);
  emitOrder(ctx, "commerce_order_placed", order, { listing_id: listingId.toString(), quantity: quantity.toString(), escrow: `${total}${unit.denom}`, inventory: inventory.toString() });
  return id;
}

/** The buyer takes the order back before it ships: refunded, and the inventory returns to the listing. */
export function cancelOrder(ctx: Context, keeper: CommerceKeeper, buyer: string, orderId: bigint): void {
  const order = keeper.order(ctx, orderId);
  requireParty(order.buyer, buyer, "buyer", orderId);
  requireStatus(order, [OrderStatus.ORDER_STATUS_PLACED], "cancel");
  settleEscrow(ctx, keeper, order, BPS_ONE);
  const listing = keeper.listing(ctx, order.listingId);
  const inventory = listing.inventory + order.quantity;
  keeper.setListing(ctx, { ...listing, inventory, listingStatus: CommerceKeeper.statusForInventory(listing.listingStatus, inventory) });
  const cancelled = { ...order, orderStatus: OrderStatus.ORDER_STATUS_CANCELLED };
  keeper.setOrder(ctx, cancelled);
  emitOrder(ctx, "commerce_order_cancelled", cancelled, { inventory: inventory.toString() });
}

export function shipOrder(ctx: Context, keeper: CommerceKeeper, seller: string, orderId: bigint, tracking: string): void {
  const order = keeper.order(ctx, orderId);
  requireParty(order.seller, seller, "seller", orderId);
  requireStatus(order, [OrderStatus.ORDER_STATUS_PLACED], "ship");
  const releaseAt = now(ctx) + keeper.getParams(ctx).releaseTimeoutSeconds;
  const shipped = { ...order, orderStatus: OrderStatus.ORDER_STATUS_SHIPPED, shippedAt: now(ctx), releaseAt, tracking };
  keeper.setOrder(ctx, shipped);
  emitOrder(ctx, "commerce_order_shipped", shipped, { release_at: releaseAt.toString(), tracking });
}

/** Pays a shipped order to the seller (less the fee) and completes it. */
function complete(ctx: Context, keeper: CommerceKeeper, order: Order, why: string): void {
  settleEscrow(ctx, keeper, order, 0n);
  const completed = { ...order, orderStatus: OrderStatus.ORDER_STATUS_COMPLETED };
  keeper.setOrder(ctx, completed);
  emitOrder(ctx, "commerce_order_completed", completed, { released_by: why });
}

export function confirmDelivery(ctx: Context, keeper: CommerceKeeper, buyer: string, orderId: bigint): void {
  const order = keeper.order(ctx, orderId);
  requireParty(order.buyer, buyer, "buyer", orderId);
  requireStatus(order, [OrderStatus.ORDER_STATUS_SHIPPED], "confirm delivery of");
  complete(ctx, keeper, order, "buyer");
}

/** The seller gives the whole escrow back, shipped or not (the goods stay the seller's affair). */
export function refundOrder(ctx: Context, keeper: CommerceKeeper, seller: string, orderId: bigint): void {
  const order = keeper.order(ctx, orderId);
  requireParty(order.seller, seller, "seller", orderId);
  requireStatus(order, [OrderStatus.ORDER_STATUS_PLACED, OrderStatus.ORDER_STATUS_SHIPPED], "refund");
  settleEscrow(ctx, keeper, order, BPS_ONE);
  const refunded = { ...order, orderStatus: OrderStatus.ORDER_STATUS_REFUNDED };
  keeper.setOrder(ctx, refunded);
  emitOrder(ctx, "commerce_order_refunded", refunded);
}

/** EndBlock: shipped orders whose release time has come are paid to their sellers. */
export function releaseDueOrders(ctx: Context, keeper: CommerceKeeper): void {
  for (const id of keeper.due(ctx, keeper.releaseQueue, now(ctx))) complete(ctx, keeper, keeper.order(ctx, id), "timeout");
}
