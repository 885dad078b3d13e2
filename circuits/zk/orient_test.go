package zk_test

import (
	"slices"
	"testing"

	"agora/circuits/zk"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/constraint"
	cs "github.com/consensys/gnark/constraint/bn254"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
)

func wiresOf(l constraint.LinearExpression) map[uint32]bool {
	m := map[uint32]bool{}
	for _, t := range l {
		m[t.VID] = true
	}
	return m
}

// OrientForProver only swaps the two factors of some constraints (same constraints, same
// solutions) and leaves fewer wires in the right-hand factors (Groth16's B, the G2 MSM).
func TestOrientForProverOnlySwapsFactors(t *testing.T) {
	for _, name := range []string{"spend", "vote", "range"} {
		s, _ := zk.Lookup(name)
		raw, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, s.New())
		if err != nil {
			t.Fatal(err)
		}
		before := raw.(*cs.R1CS).GetR1Cs()
		oriented, err := zk.Compile(s)
		if err != nil {
			t.Fatal(err)
		}
		after := oriented.GetR1Cs()
		if len(after) != len(before) || oriented.GetNbConstraints() != raw.GetNbConstraints() {
			t.Fatalf("%s: %d constraints became %d", name, len(before), len(after))
		}
		inB := func(r1cs []constraint.R1C) int {
			m := map[uint32]bool{}
			for _, c := range r1cs {
				for w := range wiresOf(c.R) {
					m[w] = true
				}
			}
			return len(m)
		}
		swapped := 0
		for i := range before {
			b, a := before[i], after[i]
			if !slices.Equal(a.O, b.O) {
				t.Fatalf("%s: constraint %d: output changed", name, i)
			}
			switch {
			case slices.Equal(a.L, b.L) && slices.Equal(a.R, b.R):
			case slices.Equal(a.L, b.R) && slices.Equal(a.R, b.L):
				swapped++
			default:
				t.Fatalf("%s: constraint %d is not the same product", name, i)
			}
		}
		nb, na := inB(before), inB(after)
		t.Logf("%s: %d constraints, %d swapped; wires in B: %d (gnark's orientation) → %d", name, len(after), swapped, nb, na)
		if name != "range" && float64(na) > 0.7*float64(nb) {
			t.Fatalf("%s: orientation saved too little: %d → %d wires in B", name, nb, na)
		}
	}
}
