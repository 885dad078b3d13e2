/**
 * DecCoins as the SDK's: amounts with 18 decimals, held as bigint 10^-18 units, sorted by denom
 * with no zero entries. On the wire (DecCoin.amount) an amount is the integer of its units; in
 * JSON the 18-digit text. Every product truncates, as the SDK's MulDecTruncate/QuoDecTruncate.
 */
import type { DecCoin } from "cosmjs-types/cosmos/base/v1beta1/coin";
import { Coins } from "../../sdk/types/coins.js";
import { DEC_ONE, decFromWire, decMul, formatDec, parseDec } from "../../sdk/types/dec.js";

export class DecCoins {
  private constructor(readonly amounts: ReadonlyMap<string, bigint>) {}

  static readonly EMPTY = new DecCoins(new Map());

  /** From (denom, units) pairs in any order; zeros dropped, a negative amount is a bug. */
  static of(entries: Iterable<[string, bigint]>): DecCoins {
    const sorted = [...entries].filter(([, a]) => a !== 0n).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [denom, amount] of sorted) if (amount < 0n) throw new Error(`negative decimal coin amount ${formatDec(amount)}${denom}`);
    return new DecCoins(new Map(sorted));
  }

  static fromCoins(coins: Coins): DecCoins {
    return DecCoins.of(coins.list.map((c) => [c.denom, c.amount * DEC_ONE]));
  }

  static fromProto(list: readonly DecCoin[]): DecCoins {
    return DecCoins.of(list.map((c) => [c.denom, decFromWire(c.amount)]));
  }

  /** From the JSON shape [{denom, amount: "1.5"}]. */
  static fromJson(list: readonly { denom: string; amount: string }[] | undefined, what: string): DecCoins {
    return DecCoins.of((list ?? []).map((c) => [c.denom, parseDec(c.amount, what)]));
  }

  toProto(): DecCoin[] {
    return [...this.amounts].map(([denom, amount]) => ({ denom, amount: amount.toString() }));
  }

  toJson(): { denom: string; amount: string }[] {
    return [...this.amounts].map(([denom, amount]) => ({ denom, amount: formatDec(amount) }));
  }

  get isZero(): boolean {
    return this.amounts.size === 0;
  }

  amountOf(denom: string): bigint {
    return this.amounts.get(denom) ?? 0n;
  }

  add(other: DecCoins): DecCoins {
    const sum = new Map(this.amounts);
    for (const [denom, amount] of other.amounts) sum.set(denom, (sum.get(denom) ?? 0n) + amount);
    return DecCoins.of(sum);
  }

  /** this - other; a negative result is a bug in the accounting (the SDK panics too). */
  sub(other: DecCoins): DecCoins {
    const diff = new Map(this.amounts);
    for (const [denom, amount] of other.amounts) diff.set(denom, (diff.get(denom) ?? 0n) - amount);
    return DecCoins.of(diff);
  }

  /** Whether other - this would be negative in any denom. */
  isAnyGreaterThan(other: DecCoins): boolean {
    for (const [denom, amount] of this.amounts) if (amount > other.amountOf(denom)) return true;
    return false;
  }

  /** Each amount times the decimal `d`, truncated. */
  mulDecTruncate(d: bigint): DecCoins {
    return this.map((a) => (a * d) / DEC_ONE);
  }

  /** Each amount times the decimal `d`, rounded half to even (LegacyDec.Mul). */
  mulDec(d: bigint): DecCoins {
    return this.map((a) => decMul(a, d));
  }

  /** Each amount divided by the decimal `d`, truncated. */
  quoDecTruncate(d: bigint): DecCoins {
    return this.map((a) => (a * DEC_ONE) / d);
  }

  /** The smaller amount of each denom of both (the SDK's Intersect). */
  intersect(other: DecCoins): DecCoins {
    return DecCoins.of([...this.amounts].map(([denom, a]) => [denom, a < other.amountOf(denom) ? a : other.amountOf(denom)]));
  }

  /** The whole coins, and the fractional change left over. */
  truncateDecimal(): { coins: Coins; change: DecCoins } {
    const coins = Coins.of([...this.amounts].map(([denom, a]) => ({ denom, amount: a / DEC_ONE })));
    return { coins, change: this.map((a) => a % DEC_ONE) };
  }

  toString(): string {
    return [...this.amounts].map(([denom, a]) => `${formatDec(a)}${denom}`).join(",");
  }

  private map(f: (amount: bigint) => bigint): DecCoins {
    return DecCoins.of([...this.amounts].map(([denom, a]) => [denom, f(a)]));
  }
}
