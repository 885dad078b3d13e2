/**
 * A property test of the versioned store against a plain in-memory model: random blocks of
 * sets and deletes (keys chosen to share prefixes and hold 0x00 and 0xff bytes), commits,
 * pruning and rollbacks. At every step each kept version reads, iterates and proves exactly
 * what the model holds for it, pruned versions refuse clearly, and the latest app hash equals
 * that of a store built from the latest state alone.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { RootMultiStore, StoreVersionError } from "./multistore.js";
import { verifyStoreProof } from "./proof/multistore.js";

const STORES = ["alpha", "beta"];
const KEYS = ["a", "a\0", "a\0\0", "a\0b", "ab", "abc", "b", "\0", "\0\0", "\xff", "\xff\xff", "k1", "k2", "k3", "k10", "zz"].map((k) => Buffer.from(k, "latin1"));

type Op = { store: number; key: number; value: number | null };
type Step = { kind: "block"; ops: Op[] } | { kind: "rollback" };

const op = fc.record({ store: fc.nat(STORES.length - 1), key: fc.nat(KEYS.length - 1), value: fc.option(fc.nat(50), { freq: 4 }) });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("block" as const), ops: fc.array(op, { maxLength: 12 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "rollback" as const }) },
);

type State = Map<string, Map<string, Buffer>>;
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const copyState = (s: State): State => new Map([...s].map(([name, m]) => [name, new Map(m)]));

function sortedEntries(m: Map<string, Buffer>): [string, string][] {
  return [...m].sort(([a], [b]) => Buffer.compare(Buffer.from(a, "hex"), Buffer.from(b, "hex"))).map(([k, v]) => [k, hex(v)]);
}

function checkVersion(ms: RootMultiStore, version: bigint, state: State, appHash: Uint8Array, pick: number): void {
  const view = ms.viewAt(version);
  for (const name of STORES) {
    const expected = state.get(name)!;
    const reader = view.getKVStore(name);
    for (const key of KEYS) assert.equal(hex(reader.get(key) ?? Buffer.of()), hex(expected.get(hex(key)) ?? Buffer.of()), `v${version} ${name} get ${hex(key)}`);
    const all = sortedEntries(expected);
    const iterated = [...reader.iterator()].map(([k, v]): [string, string] => [hex(k), hex(v)]);
    assert.deepEqual(iterated, all, `v${version} ${name} iterate`);
    assert.deepEqual([...reader.iterator(undefined, undefined, true)].map(([k]) => hex(k)), all.map(([k]) => k).reverse(), `v${version} ${name} reverse`);
    // A sub-range bounded by keys that share prefixes with others.
    const [lo, hi] = [KEYS[pick % KEYS.length]!, KEYS[(pick * 7 + 3) % KEYS.length]!].sort(Buffer.compare);
    const inRange = all.filter(([k]) => Buffer.compare(Buffer.from(k, "hex"), lo) >= 0 && Buffer.compare(Buffer.from(k, "hex"), hi) < 0);
    assert.deepEqual([...reader.iterator(lo, hi)].map(([k]) => k).map(hex), inRange.map(([k]) => k), `v${version} ${name} range`);
    // Proofs of a present and an absent key against that version's app hash.
    const key = KEYS[pick % KEYS.length]!;
    const { value, proof } = ms.prove(name, key, version);
    assert.equal(hex(value ?? Buffer.of()), hex(expected.get(hex(key)) ?? Buffer.of()));
    assert.ok(verifyStoreProof(proof, appHash, name, key, value), `v${version} ${name} proof of ${hex(key)}`);
  }
}

test("every kept version reads, iterates and proves what a simple model holds, through pruning and rollbacks", async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 24 }), fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.nat(1000), async (steps, keepRecent, interval, pick) => {
      runs++;
      const dir = mkdtempSync(join(tmpdir(), "agora-model-"));
      const ms = RootMultiStore.open(join(dir, "state.lmdb"), STORES, { pruning: { keepRecent, interval } });
      try {
        const versions = new Map<bigint, { state: State; hash: Uint8Array }>();
        let state: State = new Map(STORES.map((n) => [n, new Map()]));
        for (const s of steps) {
          const latest = ms.lastCommitId().version;
          if (s.kind === "rollback") {
            if (latest >= 1n && latest - 1n >= ms.earliestVersion() && latest > 1n) {
              ms.rollback();
              versions.delete(latest);
              state = copyState(versions.get(latest - 1n)!.state);
              assert.equal(hex(ms.lastCommitId().hash), hex(versions.get(latest - 1n)!.hash));
            } else if (latest > 0n) {
              assert.throws(() => ms.rollback(), StoreVersionError);
            }
            continue;
          }
          for (const o of s.ops) {
            const store = ms.getKVStore(STORES[o.store]!);
            const key = KEYS[o.key]!;
            if (o.value === null) {
              store.delete(key);
              state.get(STORES[o.store]!)!.delete(hex(key));
            } else {
              const value = Buffer.from(`value-${o.value}`);
              store.set(key, value);
              state.get(STORES[o.store]!)!.set(hex(key), value);
            }
          }
          const earliestBefore = ms.earliestVersion() || latest + 1n;
          const { version, hash } = ms.commit(latest + 1n);
          versions.set(version, { state: copyState(state), hash });

          for (const [v, kept] of versions) {
            if (v >= ms.earliestVersion()) checkVersion(ms, v, kept.state, kept.hash, pick + Number(v));
            else assert.throws(() => ms.viewAt(v), (e: unknown) => e instanceof StoreVersionError && /pruned/.test((e as Error).message));
          }
          // Pruning keeps the last keepRecent versions (those still here), and prunes on its interval.
          const windowStart = version - BigInt(keepRecent) + 1n;
          assert.ok(ms.earliestVersion() <= (earliestBefore > windowStart ? earliestBefore : windowStart), `v${version}: earliest ${ms.earliestVersion()}`);
          if (version % BigInt(interval) === 0n && windowStart > earliestBefore) assert.equal(ms.earliestVersion(), windowStart);
        }
        // The latest app hash depends only on the latest state.
        const fresh = RootMultiStore.open(join(dir, "fresh.lmdb"), STORES);
        for (const [name, m] of state) for (const [k, v] of m) fresh.getKVStore(name).set(Buffer.from(k, "hex"), v);
        const latest = ms.lastCommitId();
        if (latest.version > 0n) {
          fresh.setInitialVersion(latest.version);
          assert.equal(hex(fresh.commit(latest.version).hash), hex(latest.hash));
        }
        await fresh.close();
      } finally {
        await ms.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }),
    { numRuns: 150, seed: 4242 },
  );
  assert.equal(runs >= 150, true);
});
