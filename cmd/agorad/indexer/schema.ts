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
  commerce_listings: CommerceListingsTable;
  commerce_orders: CommerceOrdersTable;
  commerce_disputes: CommerceDisputesTable;
}

export interface CommerceListingsTable {
  id: Int8;
  store_id: Int8;
  seller: string;
  title: string;
  price_denom: string;
  price_amount: string;
  inventory: Int8;
  listing_status: string;
  updated_height: Int8;
}

export interface CommerceOrdersTable {
  id: Int8;
  listing_id: Int8;
  store_id: Int8;
  buyer: string;
  seller: string;
  quantity: Int8;
  escrow_denom: string;
  escrow_amount: string;
  order_status: string;
  placed_at: Int8;
  shipped_at: Int8;
  release_at: Int8;
  reviewed: boolean;
  updated_height: Int8;
}

export interface CommerceDisputesTable {
  order_id: Int8;
  dispute_status: string;
  reason: string;
  arbiter: string;
  outcome: string;
  buyer_share_bps: number;
  appealed_by: string;
  opened_at: Int8;
  updated_height: Int8;
}
