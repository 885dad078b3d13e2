/**
 * Disputes: the buyer opens one before release (the escrow freezes); an arbiter decides refund,
 * release or split; the decision is carried out when the appeal window passes, unless buyer or
 * seller appeals once, in which case only the gov authority's MsgResolveDisputeAppeal (run by a
 * passed proposal) moves the escrow.
 */
import { DisputeStatus, disputeStatusToJSON, Outcome, outcomeToJSON, OrderStatus, orderStatusToJSON, type Decision, type Dispute } from "../../generated/proto/agora/commerce/v1/commerce.js";
import type { Context } from "../../sdk/types/context.js";
import { ErrUnauthorized } from "../../sdk/types/sdk-errors.js";
import { settleEscrow } from "./escrow.js";
import type { CommerceKeeper } from "./keeper.js";
import { ARBITER_ROLE, BPS_ONE, ErrAlreadyAppealed, ErrInvalidDecision, ErrNotOwner, ErrWrongDisputeStatus, ErrWrongOrderStatus } from "./types.js";

const now = (ctx: Context): bigint => ctx.block.time.seconds;

/** The buyer's share in basis points a decision gives; throws on a malformed one. */
export function buyerShareBps(decision: Decision | undefined): bigint {
  switch (decision?.outcome) {
    case Outcome.OUTCOME_REFUND:
      return BPS_ONE;
    case Outcome.OUTCOME_RELEASE:
      return 0n;
    case Outcome.OUTCOME_SPLIT: {
      const bps = BigInt(decision.buyerShareBps);
      if (bps <= 0n || bps >= BPS_ONE) throw ErrInvalidDecision.wrap(`a split gives the buyer 1 to 9999 basis points, got ${bps}; use refund or release for all of it`);
      return bps;
    }
    default:
      throw ErrInvalidDecision.wrap("expected an outcome of refund, release or split");
  }
}

function emitDispute(ctx: Context, type: string, d: Dispute, extra: Record<string, string> = {}): void {
  ctx.events.emit(type, { order_id: d.orderId.toString(), dispute_status: disputeStatusToJSON(d.disputeStatus), ...extra });
}

export function openDispute(ctx: Context, keeper: CommerceKeeper, buyer: string, orderId: bigint, reason: string): void {
  const order = keeper.order(ctx, orderId);
  if (order.buyer !== buyer) throw ErrNotOwner.wrap(`only the buyer of order ${orderId} (${order.buyer}) may dispute it, not ${buyer}`);
  if (order.orderStatus !== OrderStatus.ORDER_STATUS_PLACED && order.orderStatus !== OrderStatus.ORDER_STATUS_SHIPPED) {
    throw ErrWrongOrderStatus.wrap(`cannot dispute order ${orderId}: it is ${orderStatusToJSON(order.orderStatus)}, a dispute is opened before release`);
  }
  keeper.setOrder(ctx, { ...order, orderStatus: OrderStatus.ORDER_STATUS_DISPUTED });
  const dispute: Dispute = { orderId, reason, disputeStatus: DisputeStatus.DISPUTE_STATUS_OPEN, openedAt: now(ctx), arbiter: "", decision: undefined, decidedAt: 0n, executesAt: 0n, appealedBy: "" };
  keeper.setDispute(ctx, dispute);
  emitDispute(ctx, "commerce_dispute_opened", dispute, { buyer, seller: order.seller, reason });
}

/** Moves the escrow as decided and closes the order and the dispute. */
function execute(ctx: Context, keeper: CommerceKeeper, dispute: Dispute, decision: Decision, by: string): void {
  const order = keeper.order(ctx, dispute.orderId);
  const share = buyerShareBps(decision);
  settleEscrow(ctx, keeper, order, share);
  const orderStatus = share === BPS_ONE ? OrderStatus.ORDER_STATUS_REFUNDED : share === 0n ? OrderStatus.ORDER_STATUS_COMPLETED : OrderStatus.ORDER_STATUS_SPLIT;
  keeper.setOrder(ctx, { ...order, orderStatus });
  const resolved = { ...dispute, decision, disputeStatus: DisputeStatus.DISPUTE_STATUS_RESOLVED };
  keeper.setDispute(ctx, resolved);
  emitDispute(ctx, "commerce_dispute_resolved", resolved, { outcome: outcomeToJSON(decision.outcome), buyer_share_bps: share.toString(), resolved_by: by, order_status: orderStatusToJSON(orderStatus) });
}

export function decideDispute(ctx: Context, keeper: CommerceKeeper, arbiter: string, orderId: bigint, decision: Decision): void {
  if (!keeper.deps.roles.hasRole(ctx, ARBITER_ROLE, arbiter)) throw ErrUnauthorized.wrap(`${arbiter} does not hold role ${ARBITER_ROLE}`);
  const dispute = keeper.dispute(ctx, orderId);
  const order = keeper.order(ctx, orderId);
  if (arbiter === order.buyer || arbiter === order.seller) throw ErrUnauthorized.wrap(`${arbiter} is a party to order ${orderId} and cannot arbitrate it`);
  if (dispute.disputeStatus !== DisputeStatus.DISPUTE_STATUS_OPEN) throw ErrWrongDisputeStatus.wrap(`the dispute of order ${orderId} is ${disputeStatusToJSON(dispute.disputeStatus)}, only an open one is decided`);
  buyerShareBps(decision);
  const executesAt = now(ctx) + keeper.getParams(ctx).appealWindowSeconds;
  const decided = { ...dispute, arbiter, decision, decidedAt: now(ctx), executesAt, disputeStatus: DisputeStatus.DISPUTE_STATUS_DECIDED };
  keeper.setDispute(ctx, decided);
  emitDispute(ctx, "commerce_dispute_decided", decided, { arbiter, outcome: outcomeToJSON(decision.outcome), buyer_share_bps: buyerShareBps(decision).toString(), executes_at: executesAt.toString() });
}

export function appealDispute(ctx: Context, keeper: CommerceKeeper, signer: string, orderId: bigint): void {
  const dispute = keeper.dispute(ctx, orderId);
  const order = keeper.order(ctx, orderId);
  if (signer !== order.buyer && signer !== order.seller) throw ErrNotOwner.wrap(`only the buyer or seller of order ${orderId} may appeal, not ${signer}`);
  if (dispute.appealedBy !== "") throw ErrAlreadyAppealed.wrap(`${dispute.appealedBy} already appealed the dispute of order ${orderId}`);
  if (dispute.disputeStatus !== DisputeStatus.DISPUTE_STATUS_DECIDED) throw ErrWrongDisputeStatus.wrap(`the dispute of order ${orderId} is ${disputeStatusToJSON(dispute.disputeStatus)}, only a decided one is appealed`);
  const appealed = { ...dispute, appealedBy: signer, disputeStatus: DisputeStatus.DISPUTE_STATUS_APPEALED };
  keeper.setDispute(ctx, appealed);
  emitDispute(ctx, "commerce_dispute_appealed", appealed, { appealed_by: signer });
}

/** Governance's final word on an appealed dispute. */
export function resolveAppeal(ctx: Context, keeper: CommerceKeeper, authority: string, orderId: bigint, decision: Decision): void {
  if (authority !== keeper.authority) throw ErrUnauthorized.wrap(`invalid authority; expected ${keeper.authority}, got ${authority}`);
  const dispute = keeper.dispute(ctx, orderId);
  if (dispute.disputeStatus !== DisputeStatus.DISPUTE_STATUS_APPEALED) throw ErrWrongDisputeStatus.wrap(`the dispute of order ${orderId} is ${disputeStatusToJSON(dispute.disputeStatus)}, only an appealed one is resolved by governance`);
  execute(ctx, keeper, dispute, decision, "governance");
}

/** EndBlock: decisions nobody appealed within the window are carried out. */
export function executeDueDecisions(ctx: Context, keeper: CommerceKeeper): void {
  for (const id of keeper.due(ctx, keeper.decisionQueue, now(ctx))) {
    const dispute = keeper.dispute(ctx, id);
    execute(ctx, keeper, dispute, dispute.decision!, "arbiter");
  }
}
