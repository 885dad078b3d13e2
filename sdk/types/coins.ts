/**
 * Coins: amounts as bigint, never negative and at most 2^256 - 1, denominations validated as the
 * Cosmos SDK does, a set of coins kept sorted by denom with no zero entries.
 */
import { ErrInsufficientFunds, ErrInvalidCoins } from "./sdk-errors.js";

export const MAX_AMOUNT = (1n << 256n) - 1n;
const DENOM = /^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/;
const COIN = /^([0-9]+)\s*([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$/;

export interface Coin {
  readonly denom: string;
  readonly amount: bigint;
}

/** Throws unless denom is a valid denomination. */
export function assertDenom(denom: string): void {
  if (!DENOM.test(denom)) throw ErrInvalidCoins.wrap(`invalid denom "${denom}"`);
}

/** Throws unless 0 <= amount <= 2^256 - 1. */
export function assertAmount(amount: bigint): void {
  if (amount < 0n || amount > MAX_AMOUNT) {
    throw ErrInvalidCoins.wrap(`expected amount 0 <= n < 2^256, got ${amount}`);
  }
}

/** Parses a decimal amount string as protobuf carries it ("123"); names the bad input. */
export function parseAmount(text: string): bigint {
  if (!/^[0-9]+$/.test(text)) throw ErrInvalidCoins.wrap(`invalid amount "${text}": expected a non-negative integer`);
  const amount = BigInt(text);
  assertAmount(amount);
  return amount;
}

export function coin(amount: bigint, denom: string): Coin {
  assertDenom(denom);
  assertAmount(amount);
  return { denom, amount };
}

/** An immutable set of coins, sorted by denom, without zero amounts. */
export class Coins {
  private constructor(readonly list: readonly Coin[]) {}

  static readonly EMPTY = new Coins([]);

  /** Builds a set from coins in any order; duplicate denoms are an error, zeros are dropped. */
  static of(coins: Iterable<Coin>): Coins {
    const sorted = [...coins].filter((c) => c.amount !== 0n).sort((a, b) => (a.denom < b.denom ? -1 : 1));
    for (let i = 0; i < sorted.length; i++) {
      assertDenom(sorted[i]!.denom);
      assertAmount(sorted[i]!.amount);
      if (i > 0 && sorted[i - 1]!.denom === sorted[i]!.denom) {
        throw ErrInvalidCoins.wrap(`duplicate denomination ${sorted[i]!.denom}`);
      }
    }
    return new Coins(sorted);
  }

  /** Coins as protobuf carries them ({denom, amount: "123"}); an invalid entry is named. */
  static fromProto(coins: readonly { denom: string; amount: string }[]): Coins {
    return Coins.of(coins.map((c) => coin(parseAmount(c.amount), c.denom)));
  }

  /** Parses "100uagora,5uatom"; the empty string is no coins. */
  /**
   * Coins a message moves: every amount positive, each denom once. `what` names the field in the
   * error ("amount must be positive amounts of distinct denoms, got [0uagora]").
   */
  static positive(list: readonly { denom: string; amount: string }[], what = "amount"): Coins {
    const coins = Coins.fromProto(list);
    if (coins.isZero() || coins.list.length !== list.length) {
      throw ErrInvalidCoins.wrap(`${what} must be positive amounts of distinct denoms, got [${list.map((c) => c.amount + c.denom).join(",")}]`);
    }
    return coins;
  }

  static parse(text: string): Coins {
    const trimmed = text.trim();
    if (trimmed === "") return Coins.EMPTY;
    return Coins.of(
      trimmed.split(",").map((part) => {
        const m = COIN.exec(part.trim());
        if (!m) throw ErrInvalidCoins.wrap(`invalid coin expression "${part.trim()}": expected e.g. 100uagora`);
        return coin(parseAmount(m[1]!), m[2]!);
      }),
    );
  }

  amountOf(denom: string): bigint {
    return this.list.find((c) => c.denom === denom)?.amount ?? 0n;
  }

  isZero(): boolean {
    return this.list.length === 0;
  }

  add(other: Coins): Coins {
    const sums = new Map<string, bigint>();
    for (const c of [...this.list, ...other.list]) sums.set(c.denom, (sums.get(c.denom) ?? 0n) + c.amount);
    return Coins.of([...sums].map(([denom, amount]) => ({ denom, amount })));
  }

  /** this - other; throws insufficient funds when any denom would go negative. */
  sub(other: Coins): Coins {
    const left = new Map(this.list.map((c) => [c.denom, c.amount]));
    for (const c of other.list) {
      const have = left.get(c.denom) ?? 0n;
      if (have < c.amount) throw ErrInsufficientFunds.wrap(`${this.toString() || "0" + c.denom} is smaller than ${other.toString()}`);
      left.set(c.denom, have - c.amount);
    }
    return Coins.of([...left].map(([denom, amount]) => ({ denom, amount })));
  }

  /** True when every denom in other is covered by this. */
  isAllGTE(other: Coins): boolean {
    return other.list.every((c) => this.amountOf(c.denom) >= c.amount);
  }

  toString(): string {
    return this.list.map((c) => `${c.amount}${c.denom}`).join(",");
  }

  toProto(): { denom: string; amount: string }[] {
    return this.list.map((c) => ({ denom: c.denom, amount: c.amount.toString() }));
  }
}
