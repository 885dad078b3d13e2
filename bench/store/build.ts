/**
 * The initial state of a store bench: `keys` balances written in commits of at most `perCommit`
 * keys. The first commit of an empty store takes the bulk path (a tree built from nothing, nodes
 * written as they are made); later ones apply their keys to the tree, and one commit of 10M keys
 * would hold them all in memory at once.
 */
import { RootMultiStore } from "../../sdk/store/multistore.js";
import { BALANCES_STORE, BENCH_STORES, balanceKey, balanceValue } from "./shape.js";

export const KEYS_PER_BUILD_COMMIT = 1_000_000;

export interface BuiltStore {
  store: RootMultiStore;
  commits: number;
  seconds: number;
}

export function buildStore(path: string, keys: number, perCommit = KEYS_PER_BUILD_COMMIT, progress?: (written: number) => void): BuiltStore {
  const store = RootMultiStore.open(path, BENCH_STORES);
  const balances = store.getKVStore(BALANCES_STORE);
  const start = process.hrtime.bigint();
  let commits = 0;
  for (let from = 0; from < keys; from += perCommit) {
    const to = Math.min(keys, from + perCommit);
    for (let i = from; i < to; i++) balances.set(balanceKey(i), balanceValue(i, 0));
    store.commit(BigInt(++commits));
    progress?.(to);
  }
  return { store, commits, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}
