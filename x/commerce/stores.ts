/** Stores and listings: created and changed by their owner only. */
import { ListingStatus, listingStatusToJSON, type Coin } from "../../generated/proto/agora/commerce/v1/commerce.js";
import type { Context } from "../../sdk/types/context.js";
import { CommerceKeeper } from "./keeper.js";
import { ErrInvalidListing, ErrListingUnavailable, ErrNotOwner } from "./types.js";

function requireOwner(owner: string, signer: string, what: string): void {
  if (owner !== signer) throw ErrNotOwner.wrap(`${what} belongs to ${owner}, not ${signer}`);
}

export function createStore(ctx: Context, keeper: CommerceKeeper, owner: string, name: string, metadata: string): bigint {
  const id = keeper.storeSeq.next(ctx) + 1n;
  keeper.stores.set(ctx, id, { id, owner, name, metadata, ratingSum: 0n, ratingCount: 0n });
  ctx.events.emit("commerce_store_created", { store_id: id.toString(), owner, name });
  return id;
}

export function updateStore(ctx: Context, keeper: CommerceKeeper, owner: string, storeId: bigint, name: string, metadata: string): void {
  const store = keeper.store(ctx, storeId);
  requireOwner(store.owner, owner, `store ${storeId}`);
  keeper.stores.set(ctx, storeId, { ...store, name, metadata });
  ctx.events.emit("commerce_store_updated", { store_id: storeId.toString(), owner, name });
}

export interface NewListing {
  seller: string;
  storeId: bigint;
  title: string;
  descriptionHash: string;
  descriptionUri: string;
  price: Coin;
  inventory: bigint;
}

export function createListing(ctx: Context, keeper: CommerceKeeper, l: NewListing): bigint {
  requireOwner(keeper.store(ctx, l.storeId).owner, l.seller, `store ${l.storeId}`);
  const id = keeper.listingSeq.next(ctx) + 1n;
  const listingStatus = CommerceKeeper.statusForInventory(ListingStatus.LISTING_STATUS_ACTIVE, l.inventory);
  keeper.setListing(ctx, { id, ...l, listingStatus });
  ctx.events.emit("commerce_listing_created", {
    listing_id: id.toString(),
    store_id: l.storeId.toString(),
    seller: l.seller,
    title: l.title,
    price: `${l.price.amount}${l.price.denom}`,
    inventory: l.inventory.toString(),
    listing_status: listingStatusToJSON(listingStatus),
  });
  return id;
}

/** Sets price, inventory and status; a seller sets active, paused or closed, and zero inventory reads as sold out. */
export function updateListing(ctx: Context, keeper: CommerceKeeper, seller: string, listingId: bigint, price: Coin, inventory: bigint, status: ListingStatus): void {
  const listing = keeper.listing(ctx, listingId);
  requireOwner(listing.seller, seller, `listing ${listingId}`);
  if (listing.listingStatus === ListingStatus.LISTING_STATUS_CLOSED) throw ErrListingUnavailable.wrap(`listing ${listingId} is closed for good; create a new listing`);
  if (![ListingStatus.LISTING_STATUS_ACTIVE, ListingStatus.LISTING_STATUS_PAUSED, ListingStatus.LISTING_STATUS_CLOSED].includes(status)) {
    throw ErrInvalidListing.wrap(`a seller sets a listing active, paused or closed, not ${listingStatusToJSON(status)}`);
  }
  const listingStatus = CommerceKeeper.statusForInventory(status, inventory);
  keeper.setListing(ctx, { ...listing, price, inventory, listingStatus });
  ctx.events.emit("commerce_listing_updated", {
    listing_id: listingId.toString(),
    price: `${price.amount}${price.denom}`,
    inventory: inventory.toString(),
    listing_status: listingStatusToJSON(listingStatus),
  });
}
