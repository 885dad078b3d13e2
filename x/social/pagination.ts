/**
 * Key pagination over one collection's prefix, in store order: a page reads only its own entries
 * (plus one to know whether more follow), never the whole list.
 */
import type { PageRequest, PageResponse } from "../../generated/proto/agora/social/v1/social.js";
import { concat } from "../../sdk/collections/codecs.js";
import type { CollectionMap, StoreSource } from "../../sdk/collections/collections.js";
import { prefixEnd } from "../../sdk/store/keys.js";

export const DEFAULT_PAGE_LIMIT = 100n;
export const MAX_PAGE_LIMIT = 1000n;

/**
 * The keys under `under` (an encoded key prefix) of `map`, one page of them. `next_key` is the
 * next entry's key after `under`; `reverse` (or the request's own) lists from the end.
 */
export function pageKeys<K>(src: StoreSource, map: CollectionMap<K, unknown>, under: Uint8Array, page: PageRequest | undefined, reverse = false): { keys: K[]; pagination: PageResponse } {
  const base = concat(map.prefix, under);
  const backwards = reverse !== Boolean(page?.reverse);
  const limit = page?.limit ? (page.limit > MAX_PAGE_LIMIT ? MAX_PAGE_LIMIT : page.limit) : DEFAULT_PAGE_LIMIT;
  let start: Uint8Array = base;
  let end = prefixEnd(base);
  const key = page?.key.length ? page.key : undefined;
  if (key && backwards) end = concat(base, key, Uint8Array.of(0));
  else if (key) start = concat(base, key);
  let skip = key ? 0n : (page?.offset ?? 0n);
  const countTotal = !key && Boolean(page?.countTotal);
  const keys: K[] = [];
  let nextKey = new Uint8Array();
  let total = 0n;
  for (const [raw] of src.kvStore(map.storeName).iterator(start, end, backwards)) {
    total++;
    if (skip > 0n) {
      skip--;
      continue;
    }
    if (BigInt(keys.length) === limit) {
      if (nextKey.length === 0) nextKey = Uint8Array.from(raw.subarray(base.length));
      if (!countTotal) break;
      continue;
    }
    keys.push(map.keys.decode(raw.subarray(map.prefix.length)));
  }
  return { keys, pagination: { nextKey, total: countTotal ? total : 0n } };
}
