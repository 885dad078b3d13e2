/**
 * Reads gnark-crypto's binary encoding of BN254 points (ecc/bn254/marshal.go) into affine
 * coordinates. Every point that comes out has canonical coordinates, is on its curve and, given
 * a G2 subgroup test from the pairing engine, in the order-r subgroup (G1's cofactor is 1, so on
 * the curve is in the subgroup); anything else is a GnarkFormatError that says what was being
 * read and where. The point at infinity comes out as null.
 *
 * Encoding: coordinates are 32-byte big-endian base-field elements; G2 coordinates are written
 * imaginary part first (A1 | A0). The two top bits of the first byte say how the point is written:
 *   00 uncompressed (X | Y; all zero is the point at infinity)
 *   10 compressed, Y is the lexicographically smaller root; 11 the larger
 *   01 infinity (compressed; every other bit zero)
 */
import { bn254 } from "@noble/curves/bn254.js";
import { bytesToBigint } from "./field.js";

/** An element c0 + c1·u of Fp2 = Fp[u]/(u² + 1), as @noble/curves writes it. */
export interface Fp2 {
  c0: bigint;
  c1: bigint;
}
export interface G1Affine {
  x: bigint;
  y: bigint;
}
export interface G2Affine {
  x: Fp2;
  y: Fp2;
}
/** Tests a G2 point that is on the curve for membership of the order-r subgroup. */
export type G2SubgroupTest = (q: G2Affine) => boolean;

const { Fp, Fp2 } = bn254.fields;
const P = Fp.ORDER;
const HALF_P = (P - 1n) / 2n;

const MASK = 0b1100_0000;
const UNCOMPRESSED = 0b0000_0000;
const COMPRESSED_LARGEST = 0b1100_0000;
const COMPRESSED_INFINITY = 0b0100_0000;

const G1_B = 3n;
const G2_B: Fp2 = bn254.G2.Point.CURVE().b;

export const G1_GENERATOR: G1Affine = bn254.G1.Point.BASE.toAffine();
export const G2_GENERATOR: G2Affine = bn254.G2.Point.BASE.toAffine();

export function g1OnCurve({ x, y }: G1Affine): boolean {
  return Fp.eql(Fp.sqr(y), Fp.add(Fp.mul(Fp.sqr(x), x), G1_B));
}

export function g2OnCurve({ x, y }: G2Affine): boolean {
  return Fp2.eql(Fp2.sqr(y), Fp2.add(Fp2.mul(Fp2.sqr(x), x), G2_B));
}

export function negG1(p: G1Affine): G1Affine {
  return { x: p.x, y: Fp.neg(p.y) };
}

/** −q: the pairing check needs −γ and −δ. */
export function negG2(q: G2Affine): G2Affine {
  return { x: q.x, y: Fp2.neg(q.y) };
}

/** A malformed encoding: bad length, non-canonical coordinate, point off the curve or the subgroup. */
export class GnarkFormatError extends Error {
  override name = "GnarkFormatError";
}

/** A cursor over a byte string that names what it reads in its errors. */
export class ByteReader {
  private offset = 0;
  constructor(
    private readonly bytes: Uint8Array,
    /** What the bytes are, for messages: "verifying key", "proof". */
    readonly what: string,
    private readonly g2InSubgroup: G2SubgroupTest,
  ) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  fail(message: string): never {
    throw new GnarkFormatError(`${this.what}: ${message} (at byte ${this.offset} of ${this.bytes.length})`);
  }

  take(n: number, field: string): Uint8Array {
    if (this.remaining < n) this.fail(`truncated while reading ${field}: needs ${n} bytes, ${this.remaining} left`);
    const out = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  peek(): number {
    if (this.remaining < 1) this.fail("truncated: no bytes left");
    return this.bytes[this.offset]!;
  }

  uint32(field: string): number {
    const b = this.take(4, field);
    return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  }

  uint64(field: string): bigint {
    return bytesToBigint(this.take(8, field));
  }

  /** Rejects trailing bytes: a key or proof has exactly one encoding of a given form. */
  end(): void {
    if (this.remaining !== 0) this.fail(`${this.remaining} unexpected trailing bytes`);
  }

  private fp(bytes: Uint8Array, field: string): bigint {
    const x = bytesToBigint(bytes);
    if (x >= P) this.fail(`${field}: coordinate is not below the base field modulus`);
    return x;
  }

  g1(field: string): G1Affine | null {
    const flag = this.peek() & MASK;
    const head = this.take(32, `${field} (G1)`);
    if (flag === COMPRESSED_INFINITY) {
      if ((head[0]! & ~MASK) !== 0 || head.subarray(1).some((b) => b !== 0)) this.fail(`${field}: bad encoding of the point at infinity`);
      return null;
    }
    const x = this.fp(flag === UNCOMPRESSED ? head : unflag(head), field);
    let y: bigint;
    if (flag === UNCOMPRESSED) {
      y = this.fp(this.take(32, `${field} (G1 y)`), field);
      if (x === 0n && y === 0n) return null;
    } else {
      const y2 = Fp.add(Fp.mul(Fp.sqr(x), x), G1_B);
      let root: bigint;
      try {
        root = Fp.sqrt(y2);
      } catch {
        this.fail(`${field}: x is not the x-coordinate of a G1 point`);
      }
      y = (root > HALF_P) === (flag === COMPRESSED_LARGEST) ? root : Fp.neg(root);
    }
    const p = { x, y };
    if (!g1OnCurve(p)) this.fail(`${field}: not a point of G1 (off the curve)`);
    return p;
  }

  g2(field: string): G2Affine | null {
    const flag = this.peek() & MASK;
    const head = this.take(64, `${field} (G2)`);
    if (flag === COMPRESSED_INFINITY) {
      if ((head[0]! & ~MASK) !== 0 || head.subarray(1).some((b) => b !== 0)) this.fail(`${field}: bad encoding of the point at infinity`);
      return null;
    }
    const xBytes = flag === UNCOMPRESSED ? head : unflag(head);
    const x: Fp2 = { c1: this.fp(xBytes.subarray(0, 32), field), c0: this.fp(xBytes.subarray(32), field) };
    let y: Fp2;
    if (flag === UNCOMPRESSED) {
      const yBytes = this.take(64, `${field} (G2 y)`);
      y = { c1: this.fp(yBytes.subarray(0, 32), field), c0: this.fp(yBytes.subarray(32), field) };
      if (Fp2.is0(x) && Fp2.is0(y)) return null;
    } else {
      const y2 = Fp2.add(Fp2.mul(Fp2.sqr(x), x), G2_B);
      let root: Fp2;
      try {
        root = Fp2.sqrt(y2);
      } catch {
        this.fail(`${field}: x is not the x-coordinate of a G2 point`);
      }
      y = lexLargestFp2(root) === (flag === COMPRESSED_LARGEST) ? root : Fp2.neg(root);
    }
    const q = { x, y };
    if (!g2OnCurve(q)) this.fail(`${field}: not a point of G2 (off the curve)`);
    if (!this.g2InSubgroup(q)) this.fail(`${field}: not a point of G2 (outside the order-r subgroup)`);
    return q;
  }

  /** A length-prefixed []G1Affine. */
  g1Slice(field: string, max: number): (G1Affine | null)[] {
    const n = this.uint32(`${field} length`);
    // A bound before allocating: a flipped length bit must not ask for gigabytes.
    if (n > max || n * 32 > this.remaining) this.fail(`${field}: implausible length ${n}`);
    return Array.from({ length: n }, (_, i) => this.g1(`${field}[${i}]`));
  }
}

function unflag(head: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(head);
  copy[0]! &= ~MASK;
  return copy;
}

/** gnark's E2.LexicographicallyLargest: decided by the imaginary part unless it is zero. */
function lexLargestFp2(y: Fp2): boolean {
  return y.c1 === 0n ? y.c0 > HALF_P : y.c1 > HALF_P;
}
