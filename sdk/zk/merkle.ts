/**
 * The depth-32 Merkle tree of Agora's circuits (note tree, voter set), as circuits/hash/merkle.go
 * builds it: leaves 0..n-1 set, every other leaf 0; inner node = merkleNode(left, right); an empty
 * subtree of height d hashes to ZERO_HASHES[d]. A leaf's position bits, least significant first,
 * say at each level whether it is the left (0) or right (1) child.
 */
import { parseFr } from "./field.js";
import { merkleNode, type Fr } from "./hashes.js";

export const DEPTH = 32;

/** ZERO_HASHES[0] = 0 (the empty leaf), ZERO_HASHES[d+1] = merkleNode(Z[d], Z[d]). */
export const ZERO_HASHES: readonly bigint[] = (() => {
  const z = [0n];
  for (let d = 0; d < DEPTH; d++) z.push(merkleNode(z[d]!, z[d]!));
  return z;
})();

function checkPosition(position: number | bigint): bigint {
  const pos = BigInt(position);
  if (pos < 0n || pos >= 1n << BigInt(DEPTH)) throw new Error(`Merkle position must be in [0, 2^${DEPTH}) (got ${position})`);
  return pos;
}

/** The root reached from `leaf` at `position` through its DEPTH siblings, leaf level first. */
export function rootFromPath(leaf: Fr, position: number | bigint, path: readonly Fr[]): bigint {
  if (path.length !== DEPTH) throw new Error(`a Merkle path has ${DEPTH} siblings (got ${path.length})`);
  const pos = checkPosition(position);
  let cur = parseFr(leaf, "Merkle leaf");
  for (let d = 0; d < DEPTH; d++) {
    const sibling = parseFr(path[d], `Merkle sibling ${d}`);
    cur = ((pos >> BigInt(d)) & 1n) === 0n ? merkleNode(cur, sibling) : merkleNode(sibling, cur);
  }
  return cur;
}

/** An append-only tree over leaves 0..n-1 that keeps every non-empty level. */
export class MerkleTree {
  private readonly levels: bigint[][];

  constructor(leaves: readonly Fr[] = []) {
    this.levels = [leaves.map((x, i) => parseFr(x, `Merkle leaf ${i}`))];
    for (let d = 0; d < DEPTH; d++) this.levels.push([]);
    this.rebuildFrom(0);
  }

  get size(): number {
    return this.levels[0]!.length;
  }

  /** Appends a leaf and returns its position; rehashes only that leaf's path. */
  append(leaf: Fr): number {
    const pos = this.size;
    if (BigInt(pos) >= 1n << BigInt(DEPTH)) throw new Error("the Merkle tree is full");
    this.levels[0]!.push(parseFr(leaf, "Merkle leaf"));
    this.rebuildFrom(pos);
    return pos;
  }

  root(): bigint {
    return this.levels[DEPTH]![0] ?? ZERO_HASHES[DEPTH]!;
  }

  /** The DEPTH siblings of a set leaf, from the leaf level up. */
  path(position: number): bigint[] {
    if (!Number.isSafeInteger(position) || position < 0 || position >= this.size) {
      throw new Error(`position ${position} is not a set leaf (the tree has ${this.size} leaves)`);
    }
    const out: bigint[] = [];
    for (let d = 0, idx = position; d < DEPTH; d++, idx = Math.floor(idx / 2)) out.push(this.levels[d]![idx % 2 === 0 ? idx + 1 : idx - 1] ?? ZERO_HASHES[d]!);
    return out;
  }

  private rebuildFrom(position: number): void {
    for (let d = 0, from = position; d < DEPTH; d++, from = Math.floor(from / 2)) {
      const cur = this.levels[d]!;
      const next = this.levels[d + 1]!;
      for (let i = Math.floor(from / 2); 2 * i < cur.length; i++) next[i] = merkleNode(cur[2 * i]!, cur[2 * i + 1] ?? ZERO_HASHES[d]!);
    }
  }
}
