package spend_test

import (
	"math/big"
	"strconv"
	"testing"

	"agora/circuits/fixtures"
	"agora/circuits/hash"
	"agora/circuits/internal/testkeys"
	"agora/circuits/spend"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

const name = spend.Name

func TestSpendValid(t *testing.T) {
	testkeys.MustSolve(t, name, fixtures.Spend())
	testkeys.MustSolve(t, name, fixtures.NewShield().Witness())
	proof, public := testkeys.ProveVerify(t, name, fixtures.Spend())

	// the proof is bound to every public input
	w := fixtures.Spend()
	w.Inputs, w.Outputs = nil, nil
	if got := testkeys.PublicFromJSON(t, name, w); string(got) != string(public) {
		t.Fatal("public witness from JSON differs from the prover's")
	}
	fields := []*string{&w.Root, &w.Nullifiers[0], &w.Nullifiers[1], &w.OutCommitments[0], &w.OutCommitments[1],
		&w.Assets[0], &w.Assets[1], &w.Balances[0], &w.Balances[1]}
	for i, f := range fields {
		saved := *f
		*f = "12345"
		if !testkeys.Rejects(t, name, testkeys.PublicFromJSON(t, name, w), proof) {
			t.Fatalf("proof verified with public input %d changed", i)
		}
		*f = saved
	}
}

func TestSpendRejects(t *testing.T) {
	// a wrong Merkle root
	w := fixtures.Spend()
	w.Root = fixtures.S(fixtures.Elem("another root"))
	testkeys.MustFail(t, name, "a wrong Merkle root", w)

	// a spent note's position altered (fresh nullifier for the same note = double spend)
	sc := fixtures.NewSpend()
	w = sc.Witness()
	w.Inputs[0].Position = "11"
	cm := sc.InNotes[0].Commitment()
	w.Nullifiers[0] = fixtures.S(hash.Nullifier(sc.Keys[0], fixtures.U(11), cm))
	testkeys.MustFail(t, name, "an altered position (nullifier recomputed)", w)
	w = sc.Witness()
	w.Inputs[0].Position = strconv.FormatUint(3+(1<<32), 10) // same low 32 bits
	w.Nullifiers[0] = fixtures.S(hash.Nullifier(sc.Keys[0], fixtures.U(3+(1<<32)), cm))
	testkeys.MustFail(t, name, "a position ≥ 2^32", w)
	w = sc.Witness()
	w.Inputs[0].Position = "11"
	testkeys.MustFail(t, name, "an altered position", w)

	// unbalanced inputs/outputs
	w = fixtures.Spend()
	w.Balances[0] = "31"
	testkeys.MustFail(t, name, "a wrong value balance", w)
	w = fixtures.Spend()
	w.Balances[0], w.Balances[1] = "0", "30"
	testkeys.MustFail(t, name, "a balance moved to the other asset", w)
	sc = fixtures.NewSpend()
	sc.Out[0].Value = fixtures.U(71)
	testkeys.MustFail(t, name, "outputs exceeding inputs", sc.Witness())
	sc = fixtures.NewSpend()
	sc.Out[0].Asset = fixtures.U(2)
	sc.Out[1].Asset = fixtures.U(1)
	testkeys.MustFail(t, name, "outputs swapped between assets", sc.Witness())

	// output values out of range, balance adjusted so only the range check catches them
	sc = fixtures.NewSpend()
	two64 := new(big.Int).Lsh(big.NewInt(1), 64)
	sc.Out[0].Value = hash.FromBig(two64)
	var b fr.Element
	b.Sub(&sc.Balance[0], &sc.Out[0].Value)
	b.Add(&b, &fixtures.NewSpend().Out[0].Value)
	sc.Balance[0] = b
	testkeys.MustFail(t, name, "an output value of 2^64", sc.Witness())
	sc = fixtures.NewSpend()
	sc.Out[0].Value.SetInt64(-10) // r - 10: mints value
	sc.Out[1].Value = fixtures.U(40)
	sc.Balance[0].SetInt64(100 + 10)
	testkeys.MustFail(t, name, "a negative output value", sc.Witness())

	// the same note spent twice in one transfer
	sc = fixtures.NewSpend()
	sc.InNotes[1], sc.InPos[1], sc.Keys[1] = sc.InNotes[0], sc.InPos[0], sc.Keys[0]
	sc.Assets = [2]fr.Element{fixtures.U(1), fixtures.U(2)}
	sc.Out[1].Asset = fixtures.U(1)
	sc.Out[1].Value = fixtures.U(100)
	sc.Balance = [2]fr.Element{fixtures.U(30), fixtures.U(0)}
	testkeys.MustFail(t, name, "the same note spent twice", sc.Witness())

	// not the owner: another spending key
	sc = fixtures.NewSpend()
	sc.Keys[0] = fixtures.Elem("thief")
	w = sc.Witness()
	testkeys.MustFail(t, name, "a spend without the owner's key", w)

	// a note outside the tree with a nonzero value (fake input)
	sc = fixtures.NewShield()
	sc.InNotes[0].Value = fixtures.U(500)
	sc.Balance[0] = fixtures.U(0)
	testkeys.MustFail(t, name, "a non-member input with value", sc.Witness())

	// an asset outside the public pair
	sc = fixtures.NewSpend()
	sc.Out[1].Asset = fixtures.U(3)
	testkeys.MustFail(t, name, "an output in an undeclared asset", sc.Witness())
	// equal public assets (double counting)
	w = fixtures.Spend()
	w.Assets[1] = w.Assets[0]
	testkeys.MustFail(t, name, "equal public assets", w)
}
