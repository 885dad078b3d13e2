package zk

import (
	"github.com/consensys/gnark/constraint"
	cs "github.com/consensys/gnark/constraint/bn254"
)

// OrientForProver rewrites every R1CS constraint L·R = O of r as R·L = O where that makes the set
// of wires that appear in some right-hand side R smaller. It changes no constraint's meaning
// (multiplication commutes: the two systems have exactly the same solutions, the same wires and
// the same number of constraints), only which of Groth16's A and B matrices each factor lands in.
//
// Why: the Groth16 prover computes [B] by a multi-exponentiation in G2 over the wires that occur
// in B (gnark drops the others: pk.InfinityB), and a G2 point costs about 3.3 G1 points in the
// wasm prover. gnark's builder decides per constraint (the side with fewer terms goes to R),
// which for an S-box x^5 (x² = s·s, x⁴ = x²·x², x⁵ = x⁴·s) puts x⁴ in B, although s, already in
// B through x² = s·s, would do: every S-box then adds two wires to B instead of one.
//
// Greedy, deterministic: squares (L and R on the same wires) force their wires into B; then, in
// constraint order, each constraint takes as R the side that adds fewer new wires to B (none if
// that side is already there; ties: gnark's choice). Must run before setup (the keys depend
// on the orientation) and only on a freshly compiled system.
func OrientForProver(r *cs.R1CS) {
	sys := &r.System
	nbWires := sys.GetNbPublicVariables() + sys.GetNbSecretVariables() + sys.GetNbInternalVariables()
	inB := make([]bool, nbWires)

	type r1c struct {
		start        uint64 // index of the calldata (nbInputs, lenL, lenR, lenO, terms…)
		lenL, lenR   int
		decided, swp bool
	}
	var cons []r1c
	for _, pi := range sys.Instructions {
		if _, ok := sys.Blueprints[pi.BlueprintID].(*constraint.BlueprintGenericR1C); !ok {
			continue
		}
		cd := sys.CallData[pi.StartCallData:]
		cons = append(cons, r1c{start: pi.StartCallData, lenL: int(cd[1]), lenR: int(cd[2])})
	}
	wires := func(c *r1c, right bool) []uint32 {
		off, n := 4, c.lenL
		if right {
			off, n = 4+2*c.lenL, c.lenR
		}
		out := make([]uint32, n)
		for k := range n {
			out[k] = sys.CallData[c.start+uint64(off+2*k+1)]
		}
		return out
	}
	newInB := func(ws []uint32) int {
		n := 0
		for _, w := range ws {
			if !inB[w] {
				n++
			}
		}
		return n
	}
	mark := func(ws []uint32) {
		for _, w := range ws {
			inB[w] = true
		}
	}
	sameSet := func(a, b []uint32) bool {
		m := map[uint32]bool{}
		for _, w := range a {
			m[w] = true
		}
		for _, w := range b {
			if !m[w] {
				return false
			}
		}
		n := map[uint32]bool{}
		for _, w := range b {
			n[w] = true
		}
		return len(m) == len(n)
	}

	// 1. squares and the like: either orientation puts the same wires in B
	for i := range cons {
		c := &cons[i]
		l, rr := wires(c, false), wires(c, true)
		if sameSet(l, rr) {
			mark(rr)
			c.decided = true
		}
	}
	// 2. in constraint order: a side already in B costs nothing, else the side adding fewer wires
	for i := range cons {
		c := &cons[i]
		if c.decided {
			continue
		}
		l, rr := wires(c, false), wires(c, true)
		if nl, nr := newInB(l), newInB(rr); nl < nr {
			c.swp = true
			mark(l)
		} else {
			mark(rr)
		}
		c.decided = true
	}

	// 3. rewrite: (lenL, lenR, L terms, R terms) → (lenR, lenL, R terms, L terms)
	for i := range cons {
		c := &cons[i]
		if !c.swp {
			continue
		}
		cd := sys.CallData[c.start:]
		terms := append([]uint32(nil), cd[4:4+2*(c.lenL+c.lenR)]...)
		cd[1], cd[2] = uint32(c.lenR), uint32(c.lenL)
		copy(cd[4:], terms[2*c.lenL:])
		copy(cd[4+2*c.lenR:], terms[:2*c.lenL])
	}
}
