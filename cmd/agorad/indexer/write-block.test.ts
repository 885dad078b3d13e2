/** Indexing hand-built blocks into the real PostgreSQL that `scripts/services.sh` runs. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { before, test } from "node:test";
import { TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { Event, ExecTxResult } from "cosmjs-types/tendermint/abci/types";
import { sql } from "kysely";
import { concat } from "../../../sdk/collections/codecs.js";
import { toAccAddress } from "../../../sdk/types/address.js";
import { AccountKeeper } from "../../../x/auth/keeper.js";
import { AUTH_STORE, type Account } from "../../../x/auth/types.js";
import { BankViewKeeper } from "../../../x/bank/keeper.js";
import { BANK_STORE } from "../../../x/bank/types.js";
import { createTestDatabase } from "../../../test/support/postgres.js";
import { openIndexerDatabase } from "./database.js";
import type { IndexedBlock, IndexedTx, StoreChange } from "./indexed-block.js";
import { migrateIndexer } from "./migrate.js";
import { indexBlock, IndexerHeightError, lastIndexedHeight } from "./write-block.js";

const database = await createTestDatabase();
const db = database.closeBeforeDrop(openIndexerDatabase(database.url, { poolSize: 2 }));
before(() => migrateIndexer(db, "latest"));

const alice = new Uint8Array(20).fill(0xa1);
const bob = new Uint8Array(20).fill(0xb0);
const carol = new Uint8Array(20).fill(0xca);
const [ALICE, BOB, CAROL] = [alice, bob, carol].map((a) => toAccAddress(a)) as [string, string, string];

const balances = new BankViewKeeper().balances;
const accounts = new AccountKeeper({}).accounts;

function balance(address: Uint8Array, denom: string, amount: bigint | null): StoreChange {
  const key = concat(balances.prefix, balances.keys.encode([address, denom]));
  return { store: BANK_STORE, key, value: amount === null ? null : balances.values.encode(amount) };
}

function account(address: Uint8Array, accountNumber: bigint, sequence: bigint, pubKey?: Uint8Array): StoreChange {
  const value: Account = { address, accountNumber, sequence, pubKey };
  return { store: AUTH_STORE, key: concat(accounts.prefix, accounts.keys.encode(address)), value: accounts.values.encode(value) };
}

function event(type: string, attributes: Record<string, string>): Event {
  return Event.fromPartial({ type, attributes: Object.entries(attributes).map(([key, value]) => ({ key, value, index: true })) });
}

function transfer(from: string, to: string, amount: string): Event[] {
  return [event("transfer", { recipient: to, sender: from, amount }), event("message", { sender: from })];
}

function tx(memo: string, result: Partial<ExecTxResult>): IndexedTx {
  const bytes = TxRaw.encode({ bodyBytes: TxBody.encode(TxBody.fromPartial({ memo })).finish(), authInfoBytes: new Uint8Array(), signatures: [] }).finish();
  return { hash: createHash("sha256").update(bytes).digest(), bytes, result: ExecTxResult.fromPartial({ gasWanted: 200_000n, gasUsed: 80_000n, ...result }) };
}

function block(height: bigint, txs: IndexedTx[], changes: StoreChange[], events: Event[] = []): IndexedBlock {
  return {
    height,
    hash: createHash("sha256").update(`block ${height}`).digest(),
    time: new Date(Date.UTC(2026, 0, 1, 0, 0, Number(height) * 5)),
    appHash: createHash("sha256").update(`app ${height}`).digest(),
    txs,
    events,
    changes,
  };
}

const lunch = tx("lunch", { events: transfer(ALICE, BOB, "100uagora") });
const thanks = tx("thanks", { events: transfer(BOB, CAROL, "40uagora") });
const broke = tx("too much", { code: 5, codespace: "sdk", log: "insufficient funds: 10uagora is smaller than 5000uagora", events: [event("tx", { fee: "10uagora" })] });

const blocks = [
  block(1n, [], [account(alice, 0n, 0n), balance(alice, "uagora", 1000n), balance(alice, "ustake", 50n)], [event("mint", { amount: "1000uagora" })]),
  block(2n, [lunch], [balance(alice, "uagora", 900n), balance(bob, "uagora", 100n), account(bob, 1n, 0n), account(alice, 0n, 1n, new Uint8Array(33).fill(2))]),
  block(3n, [thanks, broke], [balance(bob, "uagora", 60n), balance(carol, "uagora", 40n), account(carol, 2n, 0n), account(bob, 1n, 1n), balance(alice, "ustake", null)]),
];

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex").toUpperCase();

/** Everything a reader of the index could see, to compare before and after a refused block. */
async function snapshot(): Promise<unknown> {
  const count = async (table: "blocks" | "txs" | "events" | "attributes" | "accounts" | "balances") =>
    (await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n;
  return {
    height: await lastIndexedHeight(db),
    blocks: await count("blocks"),
    txs: await count("txs"),
    events: await count("events"),
    attributes: await count("attributes"),
    accounts: await db.selectFrom("accounts").selectAll().orderBy("address").execute(),
    balances: await db.selectFrom("balances").selectAll().orderBy("address").orderBy("denom").execute(),
  };
}

test("blocks 1 to 3 are indexed with their txs, results, events, accounts and balances", async () => {
  for (const b of blocks) await indexBlock(db, b);
  assert.equal(await lastIndexedHeight(db), 3n);

  const header = await db.selectFrom("blocks").selectAll().where("height", "=", "3").executeTakeFirstOrThrow();
  assert.deepEqual(header, { height: "3", hash: hex(blocks[2]!.hash), time: blocks[2]!.time, app_hash: hex(blocks[2]!.appHash), num_txs: 2 });

  const txs = await db.selectFrom("txs").select(["hash", "height", "index", "code", "codespace", "memo", "gas_used"]).orderBy("height").orderBy("index").execute();
  assert.deepEqual(txs, [
    { hash: hex(lunch.hash), height: "2", index: 0, code: 0, codespace: "", memo: "lunch", gas_used: "80000" },
    { hash: hex(thanks.hash), height: "3", index: 0, code: 0, codespace: "", memo: "thanks", gas_used: "80000" },
    { hash: hex(broke.hash), height: "3", index: 1, code: 5, codespace: "sdk", memo: "too much", gas_used: "80000" },
  ]);
  const stored = await db.selectFrom("txs").select("tx").where("hash", "=", hex(lunch.hash)).executeTakeFirstOrThrow();
  assert.deepEqual(new Uint8Array(stored.tx), lunch.bytes);

  const blockEvents = await db.selectFrom("events").select(["height", "type"]).where("tx_hash", "is", null).execute();
  assert.deepEqual(blockEvents, [{ height: "1", type: "mint" }]);

  assert.deepEqual(await db.selectFrom("balances").select(["address", "denom", "amount", "updated_height"]).orderBy("address").orderBy("denom").execute(), [
    { address: ALICE, denom: "uagora", amount: "900", updated_height: "2" },
    { address: BOB, denom: "uagora", amount: "60", updated_height: "3" },
    { address: CAROL, denom: "uagora", amount: "40", updated_height: "3" },
  ].sort((a, b) => a.address.localeCompare(b.address)));
  const indexedAccounts = await db.selectFrom("accounts").select(["address", "account_number", "sequence", "updated_height"]).orderBy("account_number").execute();
  assert.deepEqual(indexedAccounts, [
    { address: ALICE, account_number: "0", sequence: "1", updated_height: "2" },
    { address: BOB, account_number: "1", sequence: "1", updated_height: "3" },
    { address: CAROL, account_number: "2", sequence: "0", updated_height: "3" },
  ]);
});

test("a SQL query for events by type and attribute finds the txs that emitted them", async () => {
  const txsWith = async (type: string, key: string, value: string) => {
    const { rows } = await sql<{ tx_hash: string }>`
      SELECT DISTINCT e.tx_hash FROM events e JOIN attributes a ON a.event_id = e.id
      WHERE e.type = ${type} AND a.composite_key = ${`${type}.${key}`} AND a.value = ${value}
      ORDER BY e.tx_hash`.execute(db);
    return rows.map((r) => r.tx_hash);
  };
  assert.deepEqual(await txsWith("transfer", "recipient", BOB), [hex(lunch.hash)]);
  assert.deepEqual(await txsWith("transfer", "sender", BOB), [hex(thanks.hash)]);
  assert.deepEqual(await txsWith("message", "sender", ALICE), [hex(lunch.hash)]);
  assert.deepEqual(await txsWith("transfer", "recipient", ALICE), []);
});

test("indexing height 3 again or height 5 after 3 is refused and changes nothing", async () => {
  const before = await snapshot();
  await assert.rejects(indexBlock(db, blocks[2]!), (err: unknown) => err instanceof IndexerHeightError && /expects height 4 next, got 3/.test(err.message));
  await assert.rejects(indexBlock(db, block(5n, [], [balance(carol, "uagora", 1n)])), /expects height 4 next, got 5/);
  assert.deepEqual(await snapshot(), before);
});

test("a block that fails midway leaves nothing of itself, and the same height then indexes", async () => {
  const before = await snapshot();
  // The same tx twice: its second row breaks the txs primary key after the header, the first
  // tx and the balances are written.
  const twice = tx("twice", { events: transfer(CAROL, ALICE, "5uagora") });
  const bad = block(4n, [twice, twice], [balance(carol, "uagora", 35n), balance(alice, "uagora", 905n)]);
  await assert.rejects(indexBlock(db, bad), /duplicate key value violates unique constraint/);
  assert.deepEqual(await snapshot(), before);

  await indexBlock(db, block(4n, [twice], [balance(carol, "uagora", 35n), balance(alice, "uagora", 905n)]));
  assert.equal(await lastIndexedHeight(db), 4n);
  const carolBalance = await db.selectFrom("balances").select("amount").where("address", "=", CAROL).executeTakeFirstOrThrow();
  assert.equal(carolBalance.amount, "35");
});
