package hash

import (
	"fmt"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// Depth of every Merkle tree in Agora's circuits (note tree and voter set).
const Depth = 32

// EmptyLeaf is the value of an unused leaf.
var EmptyLeaf fr.Element // 0

// ZeroHashes[d] is the root of an empty subtree of height d: Z[0] = 0, Z[d+1] = MerkleNode(Z[d], Z[d]).
var ZeroHashes = func() [Depth + 1]fr.Element {
	var z [Depth + 1]fr.Element
	for d := 0; d < Depth; d++ {
		z[d+1] = MerkleNode(z[d], z[d])
	}
	return z
}()

// Tree is a sparse, append-only Merkle tree of height Depth whose leaves 0..len(Leaves)-1 are set
// and all others are EmptyLeaf. Leaf i's position bits, least significant first, tell at each
// level whether the node is a left (0) or right (1) child.
type Tree struct {
	levels [][]fr.Element // levels[0] = leaves, levels[d] = nodes at height d (only non-empty prefix)
}

// NewTree builds the tree over leaves (positions 0..n-1).
func NewTree(leaves []fr.Element) *Tree {
	t := &Tree{levels: make([][]fr.Element, Depth+1)}
	t.levels[0] = append([]fr.Element(nil), leaves...)
	for d := 0; d < Depth; d++ {
		cur := t.levels[d]
		next := make([]fr.Element, (len(cur)+1)/2)
		for i := range next {
			l := cur[2*i]
			r := ZeroHashes[d]
			if 2*i+1 < len(cur) {
				r = cur[2*i+1]
			}
			next[i] = MerkleNode(l, r)
		}
		t.levels[d+1] = next
	}
	return t
}

// Root of the tree (ZeroHashes[Depth] when empty).
func (t *Tree) Root() fr.Element {
	if len(t.levels[Depth]) == 0 {
		return ZeroHashes[Depth]
	}
	return t.levels[Depth][0]
}

// Path returns the Depth siblings of leaf pos, from the leaf level up.
func (t *Tree) Path(pos uint64) ([Depth]fr.Element, error) {
	var path [Depth]fr.Element
	if pos >= uint64(len(t.levels[0])) {
		return path, fmt.Errorf("position %d is not a set leaf (tree has %d leaves)", pos, len(t.levels[0]))
	}
	idx := pos
	for d := 0; d < Depth; d++ {
		sib := idx ^ 1
		if sib < uint64(len(t.levels[d])) {
			path[d] = t.levels[d][sib]
		} else {
			path[d] = ZeroHashes[d]
		}
		idx >>= 1
	}
	return path, nil
}

// RootFromPath recomputes the root from a leaf, its position and its siblings.
func RootFromPath(leaf fr.Element, pos uint64, path [Depth]fr.Element) fr.Element {
	cur := leaf
	for d := 0; d < Depth; d++ {
		if (pos>>uint(d))&1 == 0 {
			cur = MerkleNode(cur, path[d])
		} else {
			cur = MerkleNode(path[d], cur)
		}
	}
	return cur
}
