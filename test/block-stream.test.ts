import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { RequestFinalizeBlock, ResponseFinalizeBlock } from "cosmjs-types/tendermint/abci/types";
import { pino } from "pino";
import { createApp } from "../app/app.js";
import type { BlockData, SubscribeBlocksResponse } from "../generated/proto/agora/stream/v1/stream.js";
import { StreamRangeError, subscribeBlocks } from "../sdk/server/stream/subscribe.js";
import { genesisState, TestChain } from "./support/chain.js";
import { sendMsg, signTx, testAccount } from "./support/signing.js";

const FEE = [{ denom: "uagora", amount: "2000" }];
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

test("the block stream serves every block in order with its txs, results and store changes, then each new block as it commits", async () => {
  const alice = await testAccount(1);
  const bob = await testAccount(2);
  const chain = TestChain.open(undefined, undefined, undefined, { streamBlocks: true });
  try {
    chain.initChain(genesisState([{ address: alice.address, amount: 1_000_000n }]));
    chain.block([]);
    const sent: Uint8Array[] = [];
    for (let i = 0; i < 3; i++) {
      const tx = await signTx(alice, [sendMsg(alice.address, bob.address, "100")], { chainId: chain.chainId, accountNumber: 0n, sequence: BigInt(i), fee: FEE });
      sent.push(tx);
      chain.block([tx]);
    }
    const { base } = chain.app;
    const stream = subscribeBlocks(base.store, base.commits, 0n);
    const blocks: BlockData[] = [];
    for (let i = 0; i < 4; i++) blocks.push(((await stream.next()).value as SubscribeBlocksResponse).block!);
    assert.deepEqual(blocks.map((b) => b.height), [1n, 2n, 3n, 4n]);

    // Block 2 carries the first send: its tx, a successful result, and the balance writes.
    const request = RequestFinalizeBlock.decode(blocks[1]!.finalizeBlockRequest);
    const response = ResponseFinalizeBlock.decode(blocks[1]!.finalizeBlockResponse);
    assert.deepEqual(request.txs.map(hex), [hex(sent[0]!)]);
    assert.equal(response.txResults[0]!.code, 0);
    assert.ok(response.txResults[0]!.events.some((e) => e.type === "transfer"));
    assert.equal(hex(blocks[3]!.appHash), hex(base.store.lastCommitId().hash));

    // Replaying every change set from genesis gives exactly the committed state of every store.
    const replayed = new Map<string, string>();
    for (const block of blocks) {
      assert.equal(block.changesOmitted, false);
      for (const c of block.changes) {
        const k = `${c.storeKey}/${hex(c.key)}`;
        if (c.delete) replayed.delete(k);
        else replayed.set(k, hex(c.value));
      }
    }
    const state = new Map<string, string>();
    for (const name of base.store.storeNames()) for (const [k, v] of base.store.committedStore(name).iterator()) state.set(`${name}/${hex(k)}`, hex(v));
    assert.deepEqual(replayed, state);

    // Live: the stream waits for block 5 and yields it once committed.
    const next = stream.next();
    const tx = await signTx(alice, [sendMsg(alice.address, bob.address, "7")], { chainId: chain.chainId, accountNumber: 0n, sequence: 3n, fee: FEE });
    setImmediate(() => chain.block([tx]));
    const live = ((await next).value as SubscribeBlocksResponse).block!;
    assert.equal(live.height, 5n);
    assert.deepEqual(RequestFinalizeBlock.decode(live.finalizeBlockRequest).txs.map(hex), [hex(tx)]);
    await stream.return(undefined);
  } finally {
    await chain.destroy();
  }
});

test("a height pruned from the stream's window fails with the height to resume from; a stream can be cancelled", async () => {
  const home = mkdtempSync(join(tmpdir(), "agora-stream-"));
  const app = createApp({ home, chainId: "agora-test-1", logger: pino({ level: "silent" }), pruning: { keepRecent: 2, interval: 1 }, streamBlocks: true });
  try {
    app.base.initChain({ time: { seconds: 1n, nanos: 0 }, chainId: "agora-test-1", validators: [], appStateBytes: Buffer.from("{}"), initialHeight: 1n });
    for (let h = 1n; h <= 5n; h++) {
      app.base.finalizeBlock({ txs: [], decidedLastCommit: { round: 0, votes: [] }, misbehavior: [], hash: new Uint8Array(32), height: h, time: { seconds: h, nanos: 0 }, nextValidatorsHash: new Uint8Array(32), proposerAddress: new Uint8Array(20) });
      app.base.commit();
    }
    await assert.rejects(subscribeBlocks(app.base.store, app.base.commits, 2n).next(), (e: unknown) => {
      assert.ok(e instanceof StreamRangeError);
      assert.equal(e.oldest, 4n);
      assert.match(e.message, /block 2 is no longer retained .*: the oldest height to resume from is 4/);
      return true;
    });
    // From 0: the oldest retained block first.
    const fromOldest = subscribeBlocks(app.base.store, app.base.commits, 0n);
    assert.equal(((await fromOldest.next()).value as SubscribeBlocksResponse).block!.height, 4n);
    // A future height waits; aborting ends the wait.
    const abort = new AbortController();
    const waiting = subscribeBlocks(app.base.store, app.base.commits, 9n, abort.signal).next();
    abort.abort();
    await assert.rejects(waiting, { name: "AbortError" });
  } finally {
    await app.base.store.close();
    rmSync(home, { recursive: true, force: true });
  }
});
