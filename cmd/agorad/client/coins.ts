/** Strict parsing of coin amounts ("100uagora", "1uagora,5ibc/ABC"), addresses and gas flags. */
import type { Coin } from "@cosmjs/amino";
import { fromBech32 } from "@cosmjs/encoding";
import { GasPrice } from "@cosmjs/stargate";
import { BECH32_PREFIX, CliError } from "../cli.js";

/** Cosmos SDK denom syntax: a letter, then 2-127 of [a-zA-Z0-9/:._-]. */
const COIN_RE = /^([0-9]+)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$/;

/** Parses one or more comma-separated coins; rejects zero amounts unless `allowZero`, and repeated denoms. */
export function parseCoins(input: string, opts: { allowZero?: boolean } = {}): Coin[] {
  const parts = input.split(",").map((p) => p.trim());
  const coins: Coin[] = [];
  for (const part of parts) {
    const m = COIN_RE.exec(part);
    if (!m) throw new CliError(`invalid amount "${part || input}": expected <integer><denom>, e.g. 100uagora (comma-separate several coins)`);
    const amount = BigInt(m[1] as string).toString();
    const denom = m[2] as string;
    if (amount === "0" && !opts.allowZero) throw new CliError(`invalid amount "${part}": must be greater than zero`);
    if (coins.some((c) => c.denom === denom)) throw new CliError(`invalid amount "${input}": denom ${denom} appears twice`);
    coins.push({ denom, amount });
  }
  return coins;
}

export function formatCoins(coins: readonly Coin[]): string {
  return coins.map((c) => `${c.amount}${c.denom}`).join(",");
}

/**
 * Bech32-decodes with an explicit length limit: @cosmjs/encoding 0.39's default (Infinity) is
 * rejected by @scure/base 2 ("limit: expected safe integer"), so never call fromBech32 without one.
 */
export function decodeBech32(address: string): { prefix: string; data: Uint8Array } {
  return fromBech32(address, 255);
}

/** Checks an agora1... bech32 address; `what` names it in the error. */
export function checkAddress(address: string, what = "address"): string {
  let prefix: string;
  try {
    prefix = decodeBech32(address).prefix;
  } catch {
    throw new CliError(`invalid ${what} "${address}": expected a bech32 address like ${BECH32_PREFIX}1...`);
  }
  if (prefix !== BECH32_PREFIX) throw new CliError(`invalid ${what} "${address}": prefix must be ${BECH32_PREFIX}, not ${prefix}`);
  return address;
}

/** `--gas`: "auto" or a positive integer gas limit. */
export function parseGas(value: string): "auto" | number {
  if (value === "auto") return "auto";
  if (!/^[0-9]+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) {
    throw new CliError(`invalid --gas "${value}": use auto or a positive integer such as 200000`);
  }
  return Number(value);
}

/** `--gas-adjustment`: a number >= 1 multiplying simulated gas. */
export function parseGasAdjustment(value: string): number {
  const n = Number(value);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(value) || !(n >= 1)) {
    throw new CliError(`invalid --gas-adjustment "${value}": use a number of at least 1, such as 1.5`);
  }
  return n;
}

/** `--gas-prices`: one price like 0.025uagora. */
export function parseGasPrice(value: string): GasPrice {
  try {
    return GasPrice.fromString(value);
  } catch {
    throw new CliError(`invalid --gas-prices "${value}": expected <decimal><denom>, e.g. 0.025uagora`);
  }
}
