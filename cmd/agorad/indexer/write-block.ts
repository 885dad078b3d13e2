/**
 * Writes one block into the indexer's database: header, txs with results, block and tx events
 * with their attributes, the accounts, balances and social records it changed, and the new indexed height, all
 * in one transaction. Heights go strictly one by one, so a block is never missed nor indexed
 * twice, and a failure anywhere leaves the database as it was before the block.
 */
import { TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import type { Event } from "cosmjs-types/tendermint/abci/types";
import type { Insertable, Kysely, Transaction } from "kysely";
import type { IndexedBlock } from "./indexed-block.js";
import type { IndexerDatabase, EventsTable } from "./schema.js";
import { writeCommerceChanges } from "./commerce-changes.js";
import { writeSocialChanges } from "./social-changes.js";
import { decodeStateChanges } from "./state-changes.js";

/** The block's height is not the one after the last indexed height. */
export class IndexerHeightError extends Error {
  constructor(
    readonly expected: bigint,
    readonly got: bigint,
  ) {
    super(`the indexer expects height ${expected} next, got ${got}; blocks are indexed one by one without gaps`);
    this.name = "IndexerHeightError";
  }
}

/** Rows per INSERT: well under PostgreSQL's 65535 parameters for the widest table. */
const ROWS_PER_INSERT = 1000;

/** Indexes `block`; throws IndexerHeightError (nothing written) unless it is last indexed + 1. */
export async function indexBlock(db: Kysely<IndexerDatabase>, block: IndexedBlock): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // The row lock also serializes two indexers writing to one database.
    const state = await trx.selectFrom("indexer_state").select("last_height").forUpdate().executeTakeFirst();
    if (!state) throw new Error("the indexer's database has no indexer_state row: run `agorad indexer migrate` first");
    const expected = BigInt(state.last_height) + 1n;
    if (block.height !== expected) throw new IndexerHeightError(expected, block.height);

    await trx
      .insertInto("blocks")
      .values({ height: block.height, hash: hex(block.hash), time: block.time, app_hash: hex(block.appHash), num_txs: block.txs.length })
      .execute();
    await insertChunked(
      trx,
      "txs",
      block.txs.map((tx, index) => ({
        hash: hex(tx.hash),
        height: block.height,
        index,
        code: tx.result.code,
        codespace: tx.result.codespace,
        log: tx.result.log,
        gas_wanted: tx.result.gasWanted,
        gas_used: tx.result.gasUsed,
        tx: tx.bytes,
        memo: memoOf(tx.bytes),
      })),
    );
    await insertEvents(trx, block.height, null, block.events);
    for (const tx of block.txs) await insertEvents(trx, block.height, hex(tx.hash), tx.result.events);
    await writeStateChanges(trx, block);
    await writeCommerceChanges(trx, block);
    await writeSocialChanges(trx, block);
    await trx.updateTable("indexer_state").set({ last_height: block.height }).execute();
  });
}

/** The last height written, 0 before the first block. */
export async function lastIndexedHeight(db: Kysely<IndexerDatabase>): Promise<bigint> {
  const state = await db.selectFrom("indexer_state").select("last_height").executeTakeFirstOrThrow();
  return BigInt(state.last_height);
}

async function insertEvents(trx: Transaction<IndexerDatabase>, height: bigint, txHash: string | null, events: Event[]): Promise<void> {
  if (events.length === 0) return;
  const rows: Insertable<EventsTable>[] = events.map((event, index) => ({ height, tx_hash: txHash, index, type: event.type }));
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const inserted = await trx.insertInto("events").values(rows.slice(i, i + ROWS_PER_INSERT)).returning(["id", "index"]).execute();
    // RETURNING's order is not promised to follow VALUES: place each id by its index.
    for (const row of inserted) ids[row.index] = String(row.id);
  }
  await insertChunked(
    trx,
    "attributes",
    events.flatMap((event, i) =>
      event.attributes.map((attribute, index) => ({
        event_id: ids[i]!,
        index,
        key: attribute.key,
        composite_key: `${event.type}.${attribute.key}`,
        value: attribute.value,
      })),
    ),
  );
}

async function writeStateChanges(trx: Transaction<IndexerDatabase>, block: IndexedBlock): Promise<void> {
  const changes = decodeStateChanges(block.changes);
  const height = block.height;
  if (block.replacesState) {
    await trx.deleteFrom("accounts").execute();
    await trx.deleteFrom("balances").execute();
  }
  const accounts = changes.accounts.flatMap(({ address, account }) =>
    account
      ? [{ address, account_number: account.accountNumber, sequence: account.sequence, pub_key: account.pubKey ?? null, module_name: account.module?.name ?? null, updated_height: height }]
      : [],
  );
  for (let i = 0; i < accounts.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto("accounts")
      .values(accounts.slice(i, i + ROWS_PER_INSERT))
      .onConflict((c) =>
        c.column("address").doUpdateSet((eb) => ({
          account_number: eb.ref("excluded.account_number"),
          sequence: eb.ref("excluded.sequence"),
          pub_key: eb.ref("excluded.pub_key"),
          module_name: eb.ref("excluded.module_name"),
          updated_height: eb.ref("excluded.updated_height"),
        })),
      )
      .execute();
  }
  for (const { address, account } of changes.accounts) {
    if (!account) await trx.deleteFrom("accounts").where("address", "=", address).execute();
  }

  // The bank keeper deletes a balance that reaches zero; so does the index.
  const balances = changes.balances.flatMap(({ address, denom, amount }) => (amount ? [{ address, denom, amount: amount.toString(), updated_height: height }] : []));
  for (let i = 0; i < balances.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto("balances")
      .values(balances.slice(i, i + ROWS_PER_INSERT))
      .onConflict((c) => c.columns(["address", "denom"]).doUpdateSet((eb) => ({ amount: eb.ref("excluded.amount"), updated_height: eb.ref("excluded.updated_height") })))
      .execute();
  }
  for (const { address, denom, amount } of changes.balances) {
    if (!amount) await trx.deleteFrom("balances").where("address", "=", address).where("denom", "=", denom).execute();
  }
}

async function insertChunked<T extends "txs" | "attributes">(trx: Transaction<IndexerDatabase>, table: T, rows: Insertable<IndexerDatabase[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await trx.insertInto(table).values(rows.slice(i, i + ROWS_PER_INSERT) as never).execute();
  }
}

/** The memo of a Cosmos tx; null when the bytes do not decode as one (such a tx failed in CheckTx's place). */
function memoOf(bytes: Uint8Array): string | null {
  try {
    return TxBody.decode(TxRaw.decode(bytes).bodyBytes).memo;
  } catch {
    return null;
  }
}

/** Upper-case hex, as CometBFT's RPC shows hashes. */
function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex").toUpperCase();
}
