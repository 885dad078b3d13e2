/**
 * Snapshots and state sync in-process, through the ABCI methods CometBFT calls: a serving chain
 * lists and loads its snapshots, a fresh app is offered one and applies its chunks.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { Metadata } from "cosmjs-types/cosmos/store/snapshots/v1/snapshot";
import {
  ResponseApplySnapshotChunk_Result as ApplyResult,
  ResponseOfferSnapshot_Result as OfferResult,
  type Snapshot,
} from "cosmjs-types/tendermint/abci/types";
import { snapshotsPath } from "../app/app.js";
import { sha256 } from "../sdk/snapshots/snapshot.js";
import { genesisState, TestChain } from "./support/chain.js";
import { sendMsg, signTx, testAccount, type TestAccount } from "./support/signing.js";

const FEE = [{ denom: "uagora", amount: "2000" }];
/** Small chunks, so a test state spans several. */
const CHUNK_SIZE = 512;

/** Every chain a test opens, removed once all have run (also when one fails). */
const opened: TestChain[] = [];
after(async () => {
  for (const chain of opened) await chain.destroy();
});
function openChain(...args: Parameters<typeof TestChain.open>): TestChain {
  const chain = TestChain.open(...args);
  opened.push(chain);
  return chain;
}

interface Source {
  chain: TestChain;
  alice: TestAccount;
  bob: TestAccount;
  sequence: bigint;
}

/** A chain with 40 funded accounts that snapshots every `interval` blocks, run to `height`. */
async function sourceChain(height: number, interval = 3, keepRecent = 2): Promise<Source> {
  const alice = await testAccount(1);
  const bob = await testAccount(2);
  const others = await Promise.all(Array.from({ length: 38 }, (_, i) => testAccount(100 + i)));
  const chain = openChain(undefined, "agora-test-1", "", { snapshots: { interval, keepRecent, chunkSize: CHUNK_SIZE } });
  chain.initChain(genesisState([alice, ...others].map((a) => ({ address: a.address, amount: 1_000_000n }))));
  const source = { chain, alice, bob, sequence: 0n };
  while (chain.height < BigInt(height)) await sendBlock(source, [chain]);
  return source;
}

/** One block with a send from alice to bob, finalized on every chain given; returns the app hashes. */
async function sendBlock(source: Source, chains: TestChain[]): Promise<string[]> {
  const tx = await signTx(source.alice, [sendMsg(source.alice.address, source.bob.address, "10")], {
    chainId: "agora-test-1",
    accountNumber: 0n,
    sequence: source.sequence++,
    fee: FEE,
  });
  const hashes = chains.map((chain) => {
    const { results, appHash } = chain.block([tx]);
    assert.equal(results[0]!.code, 0, results[0]!.log);
    return Buffer.from(appHash).toString("hex");
  });
  // Snapshots are written in the background; each is done before the next block here.
  for (const chain of chains) await chain.app.snapshots.idle();
  return hashes;
}

const listed = (chain: TestChain) => chain.app.base.listSnapshots().snapshots;
const chunkOf = (chain: TestChain, s: Snapshot, index: number) =>
  chain.app.base.loadSnapshotChunk({ height: s.height, format: s.format, chunk: index }).chunk;
const appHashOf = (chain: TestChain) => Buffer.from(chain.app.base.info().lastBlockAppHash).toString("hex");

/**
 * Offers `snapshot` with `trustedAppHash` and applies every chunk of `served` (the snapshot the
 * source really has; by default the offered one) until one is not accepted; returns the results.
 */
function restore(target: TestChain, source: TestChain, snapshot: Snapshot, trustedAppHash: Uint8Array, served = snapshot): ApplyResult[] {
  assert.equal(target.app.base.offerSnapshot({ snapshot, appHash: trustedAppHash }).result, OfferResult.ACCEPT);
  const results: ApplyResult[] = [];
  for (let i = 0; i < snapshot.chunks; i++) {
    const res = target.app.base.applySnapshotChunk({ index: i, chunk: chunkOf(source, served, i), sender: "peer-1" });
    results.push(res.result);
    if (res.result !== ApplyResult.ACCEPT) break;
  }
  return results;
}

test("a fresh app restored from a snapshot has the source's height, app hash and balances, and then follows the same blocks", async () => {
  const source = await sourceChain(6);
  const { chain } = source;
  const snapshots = listed(chain);
  assert.deepEqual(snapshots.map((s) => s.height), [6n, 3n]);
  const snapshot = snapshots[0]!;
  assert.ok(snapshot.chunks > 3, `a ${CHUNK_SIZE}-byte chunk size cuts the state in several chunks, got ${snapshot.chunks}`);
  // What a peer checks: each chunk's sha256 in the metadata, the snapshot hash over the metadata.
  const hashes = Metadata.decode(snapshot.metadata).chunkHashes;
  assert.equal(hashes.length, snapshot.chunks);
  for (let i = 0; i < snapshot.chunks; i++) assert.deepEqual(Buffer.from(hashes[i]!), sha256(chunkOf(chain, snapshot, i)));
  assert.deepEqual(Buffer.from(snapshot.hash), sha256(snapshot.metadata));

  const target = openChain();
  assert.deepEqual(restore(target, chain, snapshot, chain.app.base.info().lastBlockAppHash), Array(snapshot.chunks).fill(ApplyResult.ACCEPT));
  assert.equal(target.app.base.info().lastBlockHeight, 6n);
  assert.equal(appHashOf(target), appHashOf(chain));
  for (const who of [source.alice, source.bob]) assert.equal(target.balance(who.address), chain.balance(who.address));
  assert.equal(target.balance(source.bob.address), 60n);

  target.height = 6n;
  for (let i = 0; i < 2; i++) {
    const [fromSource, fromTarget] = await sendBlock(source, [chain, target]);
    assert.equal(fromTarget, fromSource);
  }
});

test("a snapshot written in the background while later blocks commit holds the state of its own height", async () => {
  const source = await sourceChain(2, 3);
  const { chain } = source;
  const txs = [];
  for (let i = 0; i < 3; i++) {
    const sequence = source.sequence++;
    txs.push(await signTx(source.alice, [sendMsg(source.alice.address, source.bob.address, "10")], { chainId: "agora-test-1", accountNumber: 0n, sequence, fee: FEE }));
  }
  // Block 3 starts the snapshot; blocks 4 and 5 commit before it has had a chance to finish.
  chain.block([txs[0]!]);
  const appHashAt3 = chain.app.base.info().lastBlockAppHash;
  chain.block([txs[1]!]);
  chain.block([txs[2]!]);
  await chain.app.snapshots.idle();
  const snapshot = listed(chain)[0]!;
  assert.equal(snapshot.height, 3n);

  const target = openChain();
  assert.deepEqual(restore(target, chain, snapshot, appHashAt3), Array(snapshot.chunks).fill(ApplyResult.ACCEPT));
  assert.equal(target.balance(source.bob.address), 30n, "bob's balance at height 3, not 5");
});

test("a chunk that does not match its hash is refetched and its sender rejected; the good chunk then completes the restore", async () => {
  const { chain } = await sourceChain(3);
  const snapshot = listed(chain)[0]!;
  const target = openChain();
  assert.equal(target.app.base.offerSnapshot({ snapshot, appHash: chain.app.base.info().lastBlockAppHash }).result, OfferResult.ACCEPT);
  const apply = (index: number, chunk: Uint8Array, sender: string) => target.app.base.applySnapshotChunk({ index, chunk, sender });

  assert.equal(apply(0, chunkOf(chain, snapshot, 0), "good-peer").result, ApplyResult.ACCEPT);
  const corrupted = Buffer.from(chunkOf(chain, snapshot, 1));
  corrupted[17] ^= 0xff;
  assert.deepEqual(apply(1, corrupted, "bad-peer"), { result: ApplyResult.RETRY, refetchChunks: [1], rejectSenders: ["bad-peer"] });
  for (let i = 1; i < snapshot.chunks; i++) assert.equal(apply(i, chunkOf(chain, snapshot, i), "good-peer").result, ApplyResult.ACCEPT);
  assert.equal(target.app.base.info().lastBlockHeight, 3n);
  assert.equal(appHashOf(target), appHashOf(chain));
});

test("a snapshot whose state does not give the trusted app hash is rejected, the app stays empty and then restores a good one", async () => {
  const { chain, alice } = await sourceChain(6);
  const [newest, older] = listed(chain);
  const target = openChain();
  // The older snapshot offered as if it were the state the light client trusts at the newest height.
  const lying = { ...older!, height: newest!.height };
  const results = restore(target, chain, lying, chain.app.base.info().lastBlockAppHash, older);
  assert.deepEqual(results, [...Array(older!.chunks - 1).fill(ApplyResult.ACCEPT), ApplyResult.REJECT_SNAPSHOT]);
  assert.equal(target.app.base.info().lastBlockHeight, 0n);
  assert.equal(target.balance(alice.address), 0n, "nothing of the rejected snapshot was kept");

  assert.deepEqual(restore(target, chain, newest!, chain.app.base.info().lastBlockAppHash), Array(newest!.chunks).fill(ApplyResult.ACCEPT));
  assert.equal(target.app.base.info().lastBlockHeight, 6n);
  assert.equal(target.balance(alice.address), chain.balance(alice.address));
});

test("offers of an unknown format, to an app that has state, or with metadata not matching the hash are refused", async () => {
  const { chain } = await sourceChain(3);
  const snapshot = listed(chain)[0]!;
  const appHash = chain.app.base.info().lastBlockAppHash;
  const target = openChain();
  const offer = (s: Snapshot, app = target) => app.app.base.offerSnapshot({ snapshot: s, appHash }).result;
  assert.equal(offer({ ...snapshot, format: 2 }), OfferResult.REJECT_FORMAT);
  assert.equal(offer(snapshot, chain), OfferResult.REJECT, "the serving chain already has state");
  assert.equal(offer({ ...snapshot, hash: sha256(Buffer.from("another")) }), OfferResult.REJECT);
  assert.equal(offer({ ...snapshot, chunks: snapshot.chunks + 1 }), OfferResult.REJECT);
  // Chunks without an accepted offer: CometBFT is told to stop.
  assert.equal(target.app.base.applySnapshotChunk({ index: 0, chunk: chunkOf(chain, snapshot, 0), sender: "p" }).result, ApplyResult.ABORT);
  assert.equal(offer(snapshot), OfferResult.ACCEPT);
});

test("only the newest snapshot-keep-recent snapshots stay on disk", async () => {
  const { chain } = await sourceChain(9, 2, 2);
  assert.deepEqual(listed(chain).map((s) => s.height), [8n, 6n]);
  const dir = snapshotsPath(chain.home);
  assert.deepEqual(readdirSync(dir).sort(), ["6-1", "8-1"]);
  assert.equal(chain.app.base.loadSnapshotChunk({ height: 4n, format: 1, chunk: 0 }).chunk.length, 0, "a pruned snapshot's chunks are gone");
  assert.ok(!existsSync(join(dir, "4-1")));
});

test("after a rollback, the snapshot of a height made anew holds the new block's state", async () => {
  const source = await sourceChain(3);
  const { chain } = source;
  const before = listed(chain)[0]!;
  assert.equal(before.height, 3n);

  // Executed again unchanged: the snapshot stays as it was.
  chain.app.base.store.rollback();
  chain.height = 2n;
  source.sequence--;
  await sendBlock(source, [chain]);
  assert.deepEqual(listed(chain)[0], before);

  // A different block 3 (a hard rollback): its snapshot replaces the old one.
  chain.app.base.store.rollback();
  chain.height = 2n;
  source.sequence--;
  const tx = await signTx(source.alice, [sendMsg(source.alice.address, source.bob.address, "99")], { chainId: "agora-test-1", accountNumber: 0n, sequence: source.sequence++, fee: FEE });
  chain.block([tx]);
  await chain.app.snapshots.idle();
  const after = listed(chain)[0]!;
  assert.equal(after.height, 3n);
  assert.notDeepEqual(after.hash, before.hash);
  const target = openChain();
  assert.deepEqual(restore(target, chain, after, chain.app.base.info().lastBlockAppHash), Array(after.chunks).fill(ApplyResult.ACCEPT));
  assert.equal(target.balance(source.bob.address), 20n + 99n);
});
