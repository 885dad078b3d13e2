/**
 * A list whose elements are produced when iterated, not held: an export of a million accounts
 * reads them from the store while it writes them out (see json-stream.ts). Each iteration starts
 * over, and `JSON.stringify` sees it as the array it stands for.
 */
export class LazyList<T> implements Iterable<T> {
  constructor(private readonly produce: () => Iterable<T>) {}

  [Symbol.iterator](): Iterator<T> {
    return this.produce()[Symbol.iterator]();
  }

  toJSON(): T[] {
    return [...this];
  }
}

/** A lazy list of `map(x)` for each x `source()` yields. */
export function lazyMap<S, T>(source: () => Iterable<S>, map: (item: S) => T): LazyList<T> {
  return new LazyList(function* () {
    for (const item of source()) yield map(item);
  });
}
