/** Offset/limit pagination over an ordered list, answering as cosmos.base.query.v1beta1 does. */
import type { PageRequest, PageResponse } from "cosmjs-types/cosmos/base/query/v1beta1/pagination";

const DEFAULT_LIMIT = 100n;

export function paginate<T>(all: T[], page: PageRequest | undefined): { items: T[]; pagination: PageResponse } {
  const offset = page?.key.length ? Number(Buffer.from(page.key).readBigUInt64BE(0)) : Number(page?.offset ?? 0n);
  const limit = Number(page?.limit || DEFAULT_LIMIT);
  const items = all.slice(offset, offset + limit);
  const end = offset + items.length;
  let nextKey = new Uint8Array();
  if (end < all.length) {
    const key = Buffer.alloc(8);
    key.writeBigUInt64BE(BigInt(end));
    nextKey = key;
  }
  // As the SDK's Paginate: without a limit the total is counted; with a key it never is.
  const countTotal = !page?.key.length && (page?.countTotal || !page?.limit);
  return { items, pagination: { nextKey, total: countTotal ? BigInt(all.length) : 0n } };
}
