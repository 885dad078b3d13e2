package hash

import (
	"math/big"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/permutation/poseidon2"
)

// Gadget is the in-circuit twin of this package: same permutations (gnark's
// std/permutation/poseidon2 with the default BN254 parameters for H, and width 3 with 8 full and
// 56 partial rounds for Merkle nodes), same chaining, same tags.
// A constant first element (every tag) costs no constraint: gnark folds C(0, tag).
type Gadget struct {
	api   frontend.API
	perm  *poseidon2.Permutation
	perm3 *poseidon2.Permutation
}

// NewGadget returns the hash gadget for api (BN254 only).
func NewGadget(api frontend.API) (*Gadget, error) {
	p, err := poseidon2.NewPoseidon2(api)
	if err != nil {
		return nil, err
	}
	p3, err := poseidon2.NewPoseidon2FromParameters(api, Width3, FullRounds3, PartialRounds3)
	if err != nil {
		return nil, err
	}
	return &Gadget{api: api, perm: p, perm3: p3}, nil
}

// Hash is H(x1..xn) in circuit.
func (g *Gadget) Hash(elems ...frontend.Variable) frontend.Variable {
	var s frontend.Variable = 0
	for _, e := range elems {
		s = g.perm.Compress(s, e)
	}
	return s
}

func tagVar(label string) frontend.Variable {
	t := Tag(label)
	return t.BigInt(new(big.Int))
}

func (g *Gadget) ValueCommitment(value, asset, blinding frontend.Variable) frontend.Variable {
	return g.Hash(tagVar(LabelValueCommitment), value, asset, blinding)
}
func (g *Gadget) Owner(spendKey frontend.Variable) frontend.Variable {
	return g.Hash(tagVar(LabelOwner), spendKey)
}
func (g *Gadget) NoteCommitment(value, asset, owner, blinding frontend.Variable) frontend.Variable {
	return g.Hash(tagVar(LabelNote), value, asset, owner, blinding)
}
func (g *Gadget) Nullifier(spendKey, position, cm frontend.Variable) frontend.Variable {
	return g.Hash(tagVar(LabelNullifier), spendKey, position, cm)
}

// MerkleNode is P3(TagMerkle, left, right)[1]: 240 constraints (8 full rounds × 3 S-boxes + 56
// partial rounds × 1, each x^5 = 3 products).
func (g *Gadget) MerkleNode(left, right frontend.Variable) frontend.Variable {
	s := []frontend.Variable{tagVar(LabelMerkle), left, right}
	if err := g.perm3.Permutation(s); err != nil {
		panic(err) // width is fixed at 3: cannot happen
	}
	return s[1]
}
func (g *Gadget) IdentityCommitment(secret frontend.Variable) frontend.Variable {
	return g.Hash(tagVar(LabelIdentity), secret)
}
func (g *Gadget) VoteNullifier(proposalID, secret frontend.Variable) frontend.Variable {
	return g.Hash(tagVar(LabelVoteNullifier), proposalID, secret)
}
func (g *Gadget) AttestationCommitment(secret, birthDate, country, salt frontend.Variable) frontend.Variable {
	return g.Hash(tagVar(LabelAttestation), secret, birthDate, country, salt)
}

// MerkleRoot recomputes the root from leaf, the Depth position bits (least significant first,
// each already constrained boolean, e.g. from api.ToBinary) and the Depth siblings.
func (g *Gadget) MerkleRoot(leaf frontend.Variable, posBits []frontend.Variable, path []frontend.Variable) frontend.Variable {
	if len(posBits) != Depth || len(path) != Depth {
		panic("hash: MerkleRoot needs Depth position bits and Depth siblings")
	}
	api := g.api
	cur := leaf
	for d := 0; d < Depth; d++ {
		// bit = 0: (cur, sib); bit = 1: (sib, cur). One constraint for the swap.
		left := api.Select(posBits[d], path[d], cur)
		right := api.Sub(api.Add(cur, path[d]), left)
		cur = g.MerkleNode(left, right)
	}
	return cur
}
