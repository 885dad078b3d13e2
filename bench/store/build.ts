/**
 * The initial state of a store bench: `keys` balances in one first commit, which takes the bulk
 * path of an empty store (a tree built from nothing, its nodes written as they are made). On
 * the bench machine that built 10M keys in 3 to 5 minutes at 2.7 GiB peak anonymous memory;
 * ten commits of 1M each (all but the first applied to the tree key by key, in one LMDB
 * transaction each) took 10.5 minutes and 20.8 GiB peak RSS.
 */
import { RootMultiStore } from "../../sdk/store/multistore.js";
import { BALANCES_STORE, BENCH_STORES, balanceKey, balanceValue } from "./shape.js";

export interface BuiltStore {
  store: RootMultiStore;
  seconds: number;
}

export function buildStore(path: string, keys: number): BuiltStore {
  const store = RootMultiStore.open(path, BENCH_STORES);
  if (store.lastCommitId().version !== 0n) throw new Error(`${path} already holds a store: a bench builds on an empty one`);
  const balances = store.getKVStore(BALANCES_STORE);
  const start = process.hrtime.bigint();
  for (let i = 0; i < keys; i++) balances.set(balanceKey(i), balanceValue(i, 0));
  store.commit(1n);
  return { store, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}
