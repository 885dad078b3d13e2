/**
 * The marketplace from the command line: commerce messages signed by the seller, buyer or
 * arbiter, the proposals governance signs (appeal resolutions, params), and agora.commerce.v1
 * queries over ABCI, printed in the SDK's snake_case JSON.
 */
import { listingStatusFromJSON, orderStatusFromJSON, Outcome, type Coin, type Decision } from "../../../generated/proto/agora/commerce/v1/commerce.js";
import * as q from "../../../generated/proto/agora/commerce/v1/query.js";
import * as t from "../../../x/commerce/types.js";
import { CliError } from "../cli.js";
import { abciQuery } from "./abci-query.js";
import { checkAddress, parseCoins } from "./coins.js";
import { govAuthority } from "./roles.js";
import { signAndBroadcast, type BroadcastOptions, type SendResult } from "./tx.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function snakeJson(value: unknown): Json {
  if (Array.isArray(value)) return value.map(snakeJson);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [snake(k), snakeJson(v)]));
  return value as Json;
}

export function parseId(text: string, what: string): bigint {
  if (!/^[1-9][0-9]*$/.test(text)) throw new CliError(`invalid ${what} "${text}": expected a positive integer`);
  return BigInt(text);
}

/** One coin, e.g. 5000000uagora: a unit price. */
export function parsePrice(text: string): Coin {
  const coins = parseCoins(text);
  if (coins.length !== 1) throw new CliError(`invalid price "${text}": expected one coin, e.g. 5000000uagora`);
  return { denom: coins[0]!.denom, amount: coins[0]!.amount };
}

export function parseInventory(text: string): bigint {
  if (!/^[0-9]+$/.test(text)) throw new CliError(`invalid inventory "${text}": expected a whole number of units`);
  return BigInt(text);
}

/** "active", "paused", "closed" or the enum's full name. */
export function parseListingStatus(text: string): number {
  const value = listingStatusFromJSON(/^[a-z_-]+$/.test(text) ? `LISTING_STATUS_${text.toUpperCase().replace("-", "_")}` : text);
  if (value <= 0) throw new CliError(`invalid listing status "${text}": expected active, paused, sold-out or closed`);
  return value;
}

export function parseOrderStatus(text: string): number {
  const value = orderStatusFromJSON(/^[a-z_-]+$/.test(text) ? `ORDER_STATUS_${text.toUpperCase().replace("-", "_")}` : text);
  if (value <= 0) throw new CliError(`invalid order status "${text}": expected placed, shipped, disputed, completed, refunded, cancelled or split`);
  return value;
}

/** refund | release | split with --buyer-share-bps. */
export function parseDecision(outcome: string, buyerShareBps?: string): Decision {
  const outcomes: Record<string, Outcome> = { refund: Outcome.OUTCOME_REFUND, release: Outcome.OUTCOME_RELEASE, split: Outcome.OUTCOME_SPLIT };
  const chosen = outcomes[outcome];
  if (chosen === undefined) throw new CliError(`invalid outcome "${outcome}": expected refund, release or split`);
  if (chosen !== Outcome.OUTCOME_SPLIT) return { outcome: chosen, buyerShareBps: 0 };
  if (!buyerShareBps || !/^[0-9]+$/.test(buyerShareBps) || Number(buyerShareBps) < 1 || Number(buyerShareBps) > 9999) {
    throw new CliError(`a split needs --buyer-share-bps between 1 and 9999 (the buyer's share in basis points), got ${buyerShareBps ?? "none"}`);
  }
  return { outcome: chosen, buyerShareBps: Number(buyerShareBps) };
}

/** Signs and broadcasts one commerce message whose signer field is `signerField`. */
export function sendCommerce<T>(opts: BroadcastOptions, type: { typeUrl: string; fromPartial(o: never): T }, signerField: string, fields: Record<string, unknown>): Promise<SendResult> {
  return signAndBroadcast(opts, (signer) => [{ typeUrl: type.typeUrl, value: type.fromPartial({ ...fields, [signerField]: signer } as never) }]);
}

/** A proposal.json carrying a message the gov authority signs (MsgResolveDisputeAppeal, MsgUpdateParams). */
export function authorityProposal(typeUrl: string, fields: Record<string, unknown>, title: string, summary: string): Record<string, unknown> {
  return { messages: [{ "@type": typeUrl, authority: govAuthority(), ...fields }], metadata: "", deposit: "", title, summary };
}

export function resolveAppealProposal(orderId: bigint, decision: Decision): Record<string, unknown> {
  const outcome = Outcome[decision.outcome];
  return authorityProposal(
    t.MsgResolveDisputeAppeal.typeUrl,
    { order_id: orderId.toString(), decision: { outcome, buyer_share_bps: decision.buyerShareBps } },
    `Resolve the appealed dispute of order ${orderId}`,
    `Governance decides the appealed dispute of order ${orderId}: ${outcome}${decision.buyerShareBps ? ` (${decision.buyerShareBps} bps to the buyer)` : ""}.`,
  );
}

interface Codec<M> {
  encode(m: M): { finish(): Uint8Array };
  decode(b: Uint8Array): M;
  fromPartial(o: never): M;
  toJSON(m: M): unknown;
}

/** Queries agora.commerce.v1 and answers in snake_case JSON. */
export async function commerceQuery<Req, Res>(node: string | undefined, method: string, reqType: Codec<Req>, fields: Record<string, unknown>, resType: Codec<Res>): Promise<Json> {
  const res = await abciQuery(node, `query commerce ${method}`, `/agora.commerce.v1.Query/${method}`, reqType, reqType.fromPartial(fields as never), resType);
  return snakeJson(resType.toJSON(res));
}

export const QUERIES = q;
export const checkBuyer = (address: string) => checkAddress(address, "buyer address");
export const checkSeller = (address: string) => checkAddress(address, "seller address");
