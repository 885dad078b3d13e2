/**
 * The only code that moves escrowed funds: into escrow when an order is placed, and out of it
 * once, to the buyer, the seller (less the marketplace fee, which goes to the community pool) or
 * both in a split. Callers have already checked that the transition is allowed.
 */
import type { Order } from "../../generated/proto/agora/commerce/v1/commerce.js";
import { fromAccAddress } from "../../sdk/types/address.js";
import { coin, Coins, parseAmount } from "../../sdk/types/coins.js";
import type { Context } from "../../sdk/types/context.js";
import { DEC_ONE } from "../../sdk/types/dec.js";
import type { CommerceKeeper } from "./keeper.js";
import { marketplaceFee } from "./params.js";
import { BPS_ONE, ESCROW_ACCOUNT } from "./types.js";

export function payIntoEscrow(ctx: Context, keeper: CommerceKeeper, buyer: string, amount: bigint, denom: string): void {
  keeper.deps.bank.sendCoinsFromAccountToModule(ctx, fromAccAddress(buyer), ESCROW_ACCOUNT, Coins.of([coin(amount, denom)]));
}

export interface Settlement {
  toBuyer: bigint;
  toSeller: bigint;
  fee: bigint;
}

/** How an escrow divides when the buyer gets `buyerShareBps` of it (rounded down; the seller's share pays the fee, rounded down). */
export function divideEscrow(escrow: bigint, buyerShareBps: bigint, fee: bigint): Settlement {
  const toBuyer = (escrow * buyerShareBps) / BPS_ONE;
  const sellerShare = escrow - toBuyer;
  const feeAmount = (sellerShare * fee) / DEC_ONE;
  return { toBuyer, toSeller: sellerShare - feeAmount, fee: feeAmount };
}

/** Pays the order's escrow out: `buyerShareBps` of it to the buyer, the rest to the seller less the fee. */
export function settleEscrow(ctx: Context, keeper: CommerceKeeper, order: Order, buyerShareBps: bigint): Settlement {
  const denom = order.escrow!.denom;
  const split = divideEscrow(parseAmount(order.escrow!.amount), buyerShareBps, marketplaceFee(keeper.getParams(ctx)));
  const { bank, distribution } = keeper.deps;
  const coins = (amount: bigint) => Coins.of([coin(amount, denom)]);
  if (split.toBuyer > 0n) bank.sendCoinsFromModuleToAccount(ctx, ESCROW_ACCOUNT, fromAccAddress(order.buyer), coins(split.toBuyer));
  if (split.toSeller > 0n) bank.sendCoinsFromModuleToAccount(ctx, ESCROW_ACCOUNT, fromAccAddress(order.seller), coins(split.toSeller));
  if (split.fee > 0n) distribution.fundCommunityPool(ctx, coins(split.fee), keeper.escrowAddress());
  ctx.events.emit("commerce_escrow_settled", {
    order_id: order.id.toString(),
    to_buyer: `${split.toBuyer}${denom}`,
    to_seller: `${split.toSeller}${denom}`,
    marketplace_fee: `${split.fee}${denom}`,
  });
  return split;
}
