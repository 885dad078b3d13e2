/**
 * The indexer end to end, in one process: the app's block stream over real gRPC into the real
 * PostgreSQL. The SQL answers what the chain's queries answer; stopped and started again, the
 * indexer goes on from the next block, with no gap and no block twice.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Server, ServerCredentials } from "@grpc/grpc-js";
import { sql } from "kysely";
import { pino } from "pino";
import { openIndexerDatabase } from "../cmd/agorad/indexer/database.js";
import { migrateIndexer } from "../cmd/agorad/indexer/migrate.js";
import { runIndexer } from "../cmd/agorad/indexer/run.js";
import { addStreamService } from "../sdk/server/stream/grpc-service.js";
import type { SubscribeBlocksResponse } from "../generated/proto/agora/stream/v1/stream.js";
import { subscribeBlocks } from "../sdk/server/stream/subscribe.js";
import { genesisState, TestChain } from "./support/chain.js";
import { createTestDatabase } from "./support/postgres.js";
import { sendMsg, signTx, testAccount } from "./support/signing.js";

const FEE = [{ denom: "uagora", amount: "2000" }];

test("the indexer writes the stream's blocks, txs, events and balances, and resumes after a stop without gaps or repeats", async () => {
  const alice = await testAccount(1);
  const bob = await testAccount(2);
  const chain = TestChain.open(undefined, undefined, undefined, { streamBlocks: true });
  const server = new Server();
  addStreamService(server, chain.app.base.store, chain.app.base.commits);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
  const database = await createTestDatabase();
  const db = database.closeBeforeDrop(openIndexerDatabase(database.url));
  await migrateIndexer(db, "latest");

  let sequence = 0n;
  const sendBlock = async (amount: string) => {
    const tx = await signTx(alice, [sendMsg(alice.address, bob.address, amount)], { chainId: chain.chainId, accountNumber: 0n, sequence: sequence++, fee: FEE });
    const { results } = chain.block([tx]);
    assert.equal(results[0]!.code, 0, results[0]!.log);
  };
  const indexUpTo = async (height: bigint) => {
    const stop = new AbortController();
    const running = runIndexer({ db, grpc: `127.0.0.1:${port}`, logger: pino({ level: "silent" }), signal: stop.signal, onIndexed: (h) => h >= height && stop.abort() });
    await running;
  };
  try {
    chain.initChain(genesisState([{ address: alice.address, amount: 1_000_000n }]));
    chain.block([]);
    for (const amount of ["100", "200", "300"]) await sendBlock(amount);
    await indexUpTo(chain.height);

    const balance = async (address: string) =>
      (await db.selectFrom("balances").select("amount").where("address", "=", address).where("denom", "=", "uagora").executeTakeFirst())?.amount;
    assert.equal(String(await balance(bob.address)), String(chain.balance(bob.address)));
    assert.equal(String(await balance(alice.address)), String(chain.balance(alice.address)));
    const received = await db
      .selectFrom("attributes")
      .innerJoin("events", "events.id", "attributes.event_id")
      .select("events.tx_hash")
      .where("attributes.composite_key", "=", "transfer.recipient")
      .where("attributes.value", "=", bob.address)
      .execute();
    assert.equal(received.length, 3, "three transfers to bob, found by event attribute");

    // Stopped; two more blocks; started again: it goes on from the next block.
    await sendBlock("400");
    await sendBlock("500");
    await indexUpTo(chain.height);
    const heights = (await db.selectFrom("blocks").select("height").orderBy("height").execute()).map((r) => BigInt(r.height));
    assert.deepEqual(heights, Array.from({ length: Number(chain.height) }, (_, i) => BigInt(i + 1)), "every height once");
    const txCount = await db.selectFrom("txs").select(sql<string>`count(*)`.as("n")).executeTakeFirstOrThrow();
    assert.equal(Number(txCount.n), 5);
    assert.equal(String(await balance(bob.address)), "1500");
  } finally {
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    await chain.destroy();
  }
});

test("a block whose change set was too large to keep is streamed as its state, and the index is replaced by it", async () => {
  const alice = await testAccount(1);
  const bob = await testAccount(2);
  // A limit of 3 writes makes the genesis block one whose change set is not kept.
  const chain = TestChain.open(undefined, undefined, undefined, { streamBlocks: true, maxRecordedChanges: 3 });
  const server = new Server();
  addStreamService(server, chain.app.base.store, chain.app.base.commits);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
  const database = await createTestDatabase();
  const db = database.closeBeforeDrop(openIndexerDatabase(database.url));
  await migrateIndexer(db, "latest");
  try {
    chain.initChain(genesisState([{ address: alice.address, amount: 1_000_000n }, { address: bob.address, amount: 5n }]));
    chain.block([]);
    const tx = await signTx(alice, [sendMsg(alice.address, bob.address, "100")], { chainId: chain.chainId, accountNumber: 0n, sequence: 0n, fee: FEE });
    chain.block([tx]);

    // The stream: block 1 without changes, then its state in chunks, the last one marked.
    const { base } = chain.app;
    const stream = subscribeBlocks(base.store, base.commits, 1n);
    const first = (await stream.next()).value as SubscribeBlocksResponse;
    assert.equal(first.block?.changesOmitted, true);
    assert.equal(first.block?.changes.length, 0);
    const chunk = (await stream.next()).value as SubscribeBlocksResponse;
    assert.equal(chunk.state?.height, 1n);
    assert.equal(chunk.state?.last, true);
    const stateAtOne = new Set<string>();
    for (const name of base.store.storeNames()) for (const [k, v] of base.store.viewAt(1n).getKVStore(name).iterator()) stateAtOne.add(`${name}/${Buffer.from(k).toString("hex")}/${Buffer.from(v).toString("hex")}`);
    assert.deepEqual(new Set(chunk.state!.pairs.map((p) => `${p.storeKey}/${Buffer.from(p.key).toString("hex")}/${Buffer.from(p.value).toString("hex")}`)), stateAtOne);
    await stream.return(undefined);

    const stop = new AbortController();
    await runIndexer({ db, grpc: `127.0.0.1:${port}`, logger: pino({ level: "silent" }), signal: stop.signal, onIndexed: (h) => h >= chain.height && stop.abort() });
    const rows = await db.selectFrom("balances").select(["address", "amount"]).where("denom", "=", "uagora").execute();
    const indexed = new Map(rows.map((r) => [r.address, String(r.amount)]));
    assert.equal(indexed.get(alice.address), String(chain.balance(alice.address)));
    assert.equal(indexed.get(bob.address), "105");
    const accounts = await db.selectFrom("accounts").select("address").execute();
    assert.ok(accounts.some((a) => a.address === alice.address) && accounts.some((a) => a.address === bob.address));
  } finally {
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    await chain.destroy();
  }
});
