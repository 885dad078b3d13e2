/** The bank section of genesis, in the Cosmos SDK's JSON shape. */
import { Metadata } from "cosmjs-types/cosmos/bank/v1beta1/bank";
import { LazyList, lazyMap } from "../../sdk/codec/lazy-list.js";
import { fromAccAddress, toAccAddress } from "../../sdk/types/address.js";
import { Coins } from "../../sdk/types/coins.js";
import type { Context } from "../../sdk/types/context.js";
import type { BankKeeper } from "./keeper.js";
import { DEFAULT_BANK_PARAMS } from "./types.js";

interface JsonCoin {
  denom: string;
  amount: string;
}

export interface BankGenesis {
  params?: { send_enabled?: { denom: string; enabled: boolean }[]; default_send_enabled?: boolean };
  // Iterables so that a large genesis streams its entries (see ModuleManager.initGenesis).
  balances?: Iterable<{ address: string; coins: JsonCoin[] }>;
  supply?: Iterable<JsonCoin>;
  denom_metadata?: Iterable<unknown>;
  send_enabled?: Iterable<{ denom: string; enabled: boolean }>;
}

export function defaultBankGenesis(): BankGenesis {
  return { params: { send_enabled: [], default_send_enabled: true }, balances: [], supply: [], denom_metadata: [], send_enabled: [] };
}

export function initBankGenesis(ctx: Context, keeper: BankKeeper, genesis: BankGenesis): void {
  keeper.params.set(ctx, {
    sendEnabled: [...(genesis.params?.send_enabled ?? []), ...(genesis.send_enabled ?? [])],
    defaultSendEnabled: genesis.params?.default_send_enabled ?? DEFAULT_BANK_PARAMS.defaultSendEnabled,
  });
  const totals = new Map<string, bigint>();
  for (const balance of genesis.balances ?? []) {
    const coins = Coins.fromProto(balance.coins);
    keeper.initBalance(ctx, fromAccAddress(balance.address), coins);
    for (const coin of coins.list) totals.set(coin.denom, (totals.get(coin.denom) ?? 0n) + coin.amount);
  }
  const declared = Coins.fromProto([...(genesis.supply ?? [])]);
  const computed = Coins.of([...totals].map(([denom, amount]) => ({ denom, amount })));
  if (!declared.isZero() && declared.toString() !== computed.toString()) {
    throw new Error(`genesis supply ${declared} does not match the sum of balances ${computed}`);
  }
  for (const coin of computed.list) keeper.supply.set(ctx, coin.denom, coin.amount);
  for (const metadata of genesis.denom_metadata ?? []) {
    const m = metadataFromJson(metadata);
    keeper.denomMetadata.set(ctx, m.base, m);
  }
}

export function exportBankGenesis(ctx: Context, keeper: BankKeeper): BankGenesis {
  const params = keeper.getParams(ctx);
  return {
    params: { send_enabled: params.sendEnabled, default_send_enabled: params.defaultSendEnabled },
    // Read from the store while the export is written: a million balances are never all in memory.
    balances: new LazyList(() => balancesByAddress(keeper.balances.entries(ctx))),
    supply: lazyMap(() => keeper.supply.entries(ctx), ([denom, amount]) => ({ denom, amount: amount.toString() })),
    denom_metadata: lazyMap(() => keeper.denomMetadata.entries(ctx), ([, m]) => metadataToJson(m)),
    send_enabled: [],
  };
}

/** Balances in store order, which keeps each address's denoms together: one entry per address. */
function* balancesByAddress(entries: Iterable<[[Uint8Array, string], bigint]>): Generator<{ address: string; coins: JsonCoin[] }> {
  let current: { raw: Uint8Array; address: string; coins: JsonCoin[] } | undefined;
  for (const [[address, denom], amount] of entries) {
    if (!current || Buffer.compare(current.raw, address) !== 0) {
      if (current) yield { address: current.address, coins: current.coins };
      current = { raw: address, address: toAccAddress(address), coins: [] };
    }
    current.coins.push({ denom, amount: amount.toString() });
  }
  if (current) yield { address: current.address, coins: current.coins };
}

/** Metadata from the SDK's snake_case JSON (denom_units, uri_hash); Metadata.fromJSON reads only camelCase. */
function metadataFromJson(json: unknown): Metadata {
  const o = json as Record<string, unknown>;
  return Metadata.fromJSON({ ...o, denomUnits: o.denom_units ?? o.denomUnits, uriHash: o.uri_hash ?? o.uriHash });
}

/** Metadata in the SDK's snake_case JSON shape. */
function metadataToJson(m: Metadata): Record<string, unknown> {
  return {
    description: m.description,
    denom_units: m.denomUnits.map((u) => ({ denom: u.denom, exponent: u.exponent, aliases: u.aliases })),
    base: m.base,
    display: m.display,
    name: m.name,
    symbol: m.symbol,
    uri: m.uri,
    uri_hash: m.uriHash,
  };
}
