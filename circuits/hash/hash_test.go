package hash

import (
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/poseidon2"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/test"
)

func TestHashMatchesGnarkCryptoMerkleDamgard(t *testing.T) {
	for n := 0; n < 6; n++ {
		elems := make([]fr.Element, n)
		h := poseidon2.NewMerkleDamgardHasher()
		for i := range elems {
			elems[i].SetUint64(uint64(1000*i + 7))
			if i == 3 {
				elems[i].SetInt64(-1) // r - 1
			}
			b := elems[i].Bytes()
			h.Write(b[:])
		}
		got := Hash(elems...)
		gb := got.Bytes()
		if string(gb[:]) != string(h.Sum(nil)) {
			t.Fatalf("n=%d: Hash differs from gnark-crypto's Merkle-Damgard hasher", n)
		}
	}
}

func TestTags(t *testing.T) {
	seen := map[fr.Element]string{}
	for _, l := range Labels {
		tg := Tag(l)
		if o, ok := seen[tg]; ok {
			t.Fatalf("tags %q and %q collide", l, o)
		}
		seen[tg] = l
	}
	// "a" = 0x61 = 97
	if x := Tag("a"); x != FromUint64(97) {
		t.Fatal("Tag is not the big-endian integer of the label bytes")
	}
}

func TestMerkleTree(t *testing.T) {
	leaves := []fr.Element{FromUint64(11), FromUint64(22), FromUint64(33)}
	tr := NewTree(leaves)
	for i := range leaves {
		p, err := tr.Path(uint64(i))
		if err != nil {
			t.Fatal(err)
		}
		if RootFromPath(leaves[i], uint64(i), p) != tr.Root() {
			t.Fatalf("path %d does not lead to root", i)
		}
	}
	if NewTree(nil).Root() != ZeroHashes[Depth] {
		t.Fatal("empty tree root")
	}
	// level-1 check by hand
	l0 := MerkleNode(leaves[0], leaves[1])
	l1 := MerkleNode(leaves[2], ZeroHashes[0])
	cur := MerkleNode(l0, l1)
	for d := 2; d < Depth; d++ {
		cur = MerkleNode(cur, ZeroHashes[d])
	}
	if cur != tr.Root() {
		t.Fatal("root by hand differs")
	}
}

type hashCircuit struct {
	In  [4]frontend.Variable
	Out frontend.Variable `gnark:",public"`
}

func (c *hashCircuit) Define(api frontend.API) error {
	g, err := NewGadget(api)
	if err != nil {
		return err
	}
	api.AssertIsEqual(g.Hash(TagNote, c.In[0], c.In[1], c.In[2], c.In[3]), c.Out)
	return nil
}

type merkleCircuit struct {
	Leaf frontend.Variable
	Pos  frontend.Variable
	Path [Depth]frontend.Variable
	Root frontend.Variable `gnark:",public"`
}

func (c *merkleCircuit) Define(api frontend.API) error {
	g, err := NewGadget(api)
	if err != nil {
		return err
	}
	bits := api.ToBinary(c.Pos, Depth)
	api.AssertIsEqual(g.MerkleRoot(c.Leaf, bits, c.Path[:]), c.Root)
	return nil
}

func TestGadgetMatchesNative(t *testing.T) {
	assert := test.NewAssert(t)
	in := [4]fr.Element{FromUint64(1), FromUint64(2), FromUint64(3), FromUint64(4)}
	in[2].SetInt64(-5)
	out := NoteCommitment(in[0], in[1], in[2], in[3])
	var a hashCircuit
	for i := range in {
		a.In[i] = in[i]
	}
	a.Out = out
	assert.NoError(test.IsSolved(&hashCircuit{}, &a, ecc.BN254.ScalarField()))
	a.Out = FromUint64(0)
	assert.Error(test.IsSolved(&hashCircuit{}, &a, ecc.BN254.ScalarField()))

	leaves := []fr.Element{FromUint64(5), FromUint64(6), FromUint64(7), FromUint64(8), FromUint64(9)}
	tr := NewTree(leaves)
	p, _ := tr.Path(4)
	var m merkleCircuit
	m.Leaf, m.Pos, m.Root = leaves[4], 4, tr.Root()
	for i := range p {
		m.Path[i] = p[i]
	}
	assert.NoError(test.IsSolved(&merkleCircuit{}, &m, ecc.BN254.ScalarField()))
	m.Pos = 5
	assert.Error(test.IsSolved(&merkleCircuit{}, &m, ecc.BN254.ScalarField()))
}

func TestTagCostsNoConstraints(t *testing.T) {
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &hashCircuit{})
	if err != nil {
		t.Fatal(err)
	}
	// 4 variable compressions; the constant tag is folded.
	n := ccs.GetNbConstraints()
	t.Logf("H(tag, 4 elements): %d constraints", n)
	if n > 4*200+2 {
		t.Fatalf("too many constraints: %d", n)
	}
}

type nodeCircuit struct {
	L, R frontend.Variable
	Out  frontend.Variable `gnark:",public"`
}

func (c *nodeCircuit) Define(api frontend.API) error {
	g, err := NewGadget(api)
	if err != nil {
		return err
	}
	api.AssertIsEqual(g.MerkleNode(c.L, c.R), c.Out)
	return nil
}

func TestMerkleNodeIsOneWidth3Permutation(t *testing.T) {
	// native: the tag in lane 0, the children in lanes 1 and 2, the output is lane 1
	l, r := FromUint64(1), FromUint64(2)
	l.SetInt64(-1)
	x := [3]fr.Element{TagMerkle, l, r}
	if err := poseidon2.NewPermutation(3, 8, 56).Permutation(x[:]); err != nil {
		t.Fatal(err)
	}
	if MerkleNode(l, r) != x[1] {
		t.Fatal("MerkleNode is not P3(TagMerkle, l, r)[1] with gnark-crypto's (3, 8, 56) permutation")
	}
	if MerkleNode(l, r) == MerkleNode(r, l) || MerkleNode(l, r) == Hash(TagMerkle, l, r) {
		t.Fatal("MerkleNode is not ordered / not the width-3 construction")
	}

	// in circuit: same value, and 240 constraints (8 full rounds × 3 S-boxes + 56 partial rounds, x^5 = 3 products)
	assert := test.NewAssert(t)
	for _, in := range [][2]fr.Element{{l, r}, {FromUint64(0), FromUint64(1)}, {ZeroHashes[5], TagMerkle}} {
		a := nodeCircuit{L: in[0], R: in[1], Out: MerkleNode(in[0], in[1])}
		assert.NoError(test.IsSolved(&nodeCircuit{}, &a, ecc.BN254.ScalarField()))
		a.Out = MerkleNode(in[1], in[0])
		assert.Error(test.IsSolved(&nodeCircuit{}, &a, ecc.BN254.ScalarField()))
	}
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &nodeCircuit{})
	if err != nil {
		t.Fatal(err)
	}
	if n := ccs.GetNbConstraints(); n != (8*3+56)*3+1 {
		t.Fatalf("Merkle node: %d constraints, want 241 (240 + the output check)", n)
	}
}
