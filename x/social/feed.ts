/**
 * The feed of followed accounts, newest first, without reading all posts: each followed author's
 * visible posts are an index in id order (ids grow with time), so a page is a merge of one
 * reverse cursor per followed author, taking the highest id each step. A page costs
 * O(following + limit × following) reads and comparisons; max_following bounds `following`.
 */
import { bytesKey, concat, uint64Key } from "../../sdk/collections/codecs.js";
import type { StoreSource } from "../../sdk/collections/collections.js";
import { prefixEnd } from "../../sdk/store/keys.js";
import type { SocialKeeper } from "./keeper.js";

export const DEFAULT_FEED_LIMIT = 20n;
export const MAX_FEED_LIMIT = 100n;

interface AuthorCursor {
  next: Iterator<[Uint8Array, Uint8Array]>;
  /** The id at the cursor, or undefined when this author has no more posts. */
  head: bigint | undefined;
}

function advance(cursor: AuthorCursor): void {
  const step = cursor.next.next();
  cursor.head = step.done ? undefined : uint64Key.decode(step.value[0].subarray(step.value[0].length - 8));
}

/**
 * Ids of the visible posts of the accounts `follower` follows, newest first, starting at
 * `before` (inclusive; undefined: the newest), at most `limit`; `nextId` starts the next page.
 */
export function feedPage(src: StoreSource, keeper: SocialKeeper, follower: Uint8Array, before: bigint | undefined, limit: bigint): { ids: bigint[]; nextId: bigint | undefined } {
  const store = src.kvStore(keeper.postsByAuthor.storeName);
  const cursors: AuthorCursor[] = [];
  for (const [[, followee]] of keeper.following.entries(src, bytesKey.encodeNonTerminal(follower))) {
    const base = concat(keeper.postsByAuthor.prefix, bytesKey.encodeNonTerminal(followee));
    const end = before === undefined ? prefixEnd(base) : concat(base, uint64Key.encode(before), Uint8Array.of(0));
    const cursor: AuthorCursor = { next: store.iterator(base, end, true)[Symbol.iterator](), head: undefined };
    advance(cursor);
    if (cursor.head !== undefined) cursors.push(cursor);
  }
  const ids: bigint[] = [];
  for (;;) {
    let newest: AuthorCursor | undefined;
    for (const cursor of cursors) if (cursor.head !== undefined && (newest === undefined || cursor.head > newest.head!)) newest = cursor;
    if (!newest) return { ids, nextId: undefined };
    if (BigInt(ids.length) === limit) return { ids, nextId: newest.head };
    ids.push(newest.head!);
    advance(newest);
  }
}
