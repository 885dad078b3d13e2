/**
 * The simulation's seeded randomness (mulberry32): the same seed replays the same operations,
 * so a failing run is reproduced by its seed alone. Integers only.
 */
export class Rand {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** 32 random bits. */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** An integer in [0, n); n must be a positive safe integer. */
  int(n: number): number {
    if (!Number.isSafeInteger(n) || n <= 0) throw new RangeError(`expected a positive integer bound, got ${n}`);
    return Number(this.bigint(BigInt(n)));
  }

  /** A bigint in [0, n), without modulo bias. */
  bigint(n: bigint): bigint {
    if (n <= 0n) throw new RangeError(`expected a positive bound, got ${n}`);
    const bits = n.toString(2).length;
    const words = Math.ceil(bits / 32);
    const mask = (1n << BigInt(bits)) - 1n;
    for (;;) {
      let value = 0n;
      for (let i = 0; i < words; i++) value = (value << 32n) | BigInt(this.next());
      value &= mask;
      if (value < n) return value;
    }
  }

  /** A bigint in [low, high]. */
  between(low: bigint, high: bigint): bigint {
    return low + this.bigint(high - low + 1n);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("cannot pick from an empty list");
    return items[this.int(items.length)]!;
  }

  bytes(length: number): Uint8Array {
    return Uint8Array.from({ length }, () => this.next() & 0xff);
  }
}
