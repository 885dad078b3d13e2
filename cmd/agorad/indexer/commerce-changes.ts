/**
 * Commerce listings, orders and disputes out of a block's store writes, read with the commerce
 * keeper's own collections, and written to their tables (a later write to a record wins).
 */
import type { Transaction } from "kysely";
import { disputeStatusToJSON, listingStatusToJSON, orderStatusToJSON, outcomeToJSON, type Dispute, type Listing, type Order } from "../../../generated/proto/agora/commerce/v1/commerce.js";
import type { CollectionMap } from "../../../sdk/collections/collections.js";
import { CommerceKeeper, type CommerceDeps } from "../../../x/commerce/keeper.js";
import { COMMERCE_STORE } from "../../../x/commerce/types.js";
import type { IndexedBlock, StoreChange } from "./indexed-block.js";
import type { IndexerDatabase } from "./schema.js";

// Only the keeper's collections (key layouts and codecs) are used: no dependency is called.
const keeper = new CommerceKeeper({ authority: "" } as CommerceDeps);

export interface CommerceChanges {
  /** By id; null when the record was deleted. */
  listings: Map<bigint, Listing | null>;
  orders: Map<bigint, Order | null>;
  disputes: Map<bigint, Dispute | null>;
}

function decodeInto<V>(change: StoreChange, map: CollectionMap<bigint, V>, into: Map<bigint, V | null>): boolean {
  const prefix = map.prefix;
  if (change.key.length < prefix.length || prefix.some((b, i) => change.key[i] !== b)) return false;
  into.set(map.keys.decode(change.key.subarray(prefix.length)), change.value ? map.values.decode(change.value) : null);
  return true;
}

export function decodeCommerceChanges(changes: StoreChange[]): CommerceChanges {
  const out: CommerceChanges = { listings: new Map(), orders: new Map(), disputes: new Map() };
  for (const change of changes) {
    if (change.store !== COMMERCE_STORE) continue;
    decodeInto(change, keeper.listings, out.listings) || decodeInto(change, keeper.orders, out.orders) || decodeInto(change, keeper.disputes, out.disputes);
  }
  return out;
}

export async function writeCommerceChanges(trx: Transaction<IndexerDatabase>, block: IndexedBlock): Promise<void> {
  const { listings, orders, disputes } = decodeCommerceChanges(block.changes);
  const height = block.height;
  if (block.replacesState) {
    for (const table of ["commerce_disputes", "commerce_orders", "commerce_listings"] as const) await trx.deleteFrom(table).execute();
  }
  for (const [id, l] of listings) {
    if (!l) {
      await trx.deleteFrom("commerce_listings").where("id", "=", id.toString()).execute();
      continue;
    }
    const row = { id, store_id: l.storeId, seller: l.seller, title: l.title, price_denom: l.price?.denom ?? "", price_amount: l.price?.amount || "0", inventory: l.inventory, listing_status: listingStatusToJSON(l.listingStatus), updated_height: height };
    await trx.insertInto("commerce_listings").values(row).onConflict((c) => c.column("id").doUpdateSet(row)).execute();
  }
  for (const [id, o] of orders) {
    if (!o) {
      await trx.deleteFrom("commerce_orders").where("id", "=", id.toString()).execute();
      continue;
    }
    const row = {
      id, listing_id: o.listingId, store_id: o.storeId, buyer: o.buyer, seller: o.seller, quantity: o.quantity,
      escrow_denom: o.escrow?.denom ?? "", escrow_amount: o.escrow?.amount || "0", order_status: orderStatusToJSON(o.orderStatus),
      placed_at: o.placedAt, shipped_at: o.shippedAt, release_at: o.releaseAt, reviewed: o.reviewed, updated_height: height,
    };
    await trx.insertInto("commerce_orders").values(row).onConflict((c) => c.column("id").doUpdateSet(row)).execute();
  }
  for (const [orderId, d] of disputes) {
    if (!d) {
      await trx.deleteFrom("commerce_disputes").where("order_id", "=", orderId.toString()).execute();
      continue;
    }
    const row = {
      order_id: orderId, dispute_status: disputeStatusToJSON(d.disputeStatus), reason: d.reason, arbiter: d.arbiter,
      outcome: outcomeToJSON(d.decision?.outcome ?? 0), buyer_share_bps: d.decision?.buyerShareBps ?? 0, appealed_by: d.appealedBy, opened_at: d.openedAt, updated_height: height,
    };
    await trx.insertInto("commerce_disputes").values(row).onConflict((c) => c.column("order_id").doUpdateSet(row)).execute();
  }
}
