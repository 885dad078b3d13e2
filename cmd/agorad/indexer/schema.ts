/**
 * The indexer's tables as kysely sees them (migrations/ creates them). PostgreSQL hands bigint
 * and numeric columns back as strings, so heights and amounts read as decimal strings.
 */
import type { ColumnType, Generated } from "kysely";
import type { SocialTables } from "./social-schema.js";

/** A bigint or numeric column: written from a bigint or its decimal string, read as a string. */
type Int8 = ColumnType<string, string | bigint, string | bigint>;

export interface BlocksTable {
  height: Int8;
  hash: string;
  time: ColumnType<Date, Date, Date>;
  app_hash: string;
  num_txs: number;
}

export interface TxsTable {
  hash: string;
  height: Int8;
  index: number;
  code: number;
  codespace: string;
  log: string;
  gas_wanted: Int8;
  gas_used: Int8;
  tx: Uint8Array;
  memo: string | null;
}

export interface EventsTable {
  id: Generated<Int8>;
  height: Int8;
  tx_hash: string | null;
  index: number;
  type: string;
}

export interface AttributesTable {
  event_id: Int8;
  index: number;
  key: string;
  composite_key: string;
  value: string;
}

export interface AccountsTable {
  address: string;
  account_number: Int8;
  sequence: Int8;
  pub_key: Uint8Array | null;
  module_name: string | null;
  updated_height: Int8;
}

export interface BalancesTable {
  address: string;
  denom: string;
  amount: Int8;
  updated_height: Int8;
}

export interface IndexerStateTable {
  id: Generated<boolean>;
  last_height: Int8;
}

export interface IndexerDatabase extends SocialTables {
  blocks: BlocksTable;
  txs: TxsTable;
  events: EventsTable;
  attributes: AttributesTable;
  accounts: AccountsTable;
  balances: BalancesTable;
  indexer_state: IndexerStateTable;
}
