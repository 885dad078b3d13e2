package rangeproof_test

import (
	"math/big"
	"testing"

	"agora/circuits/fixtures"
	"agora/circuits/hash"
	"agora/circuits/internal/testkeys"
	"agora/circuits/rangeproof"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

func withValue(v *big.Int) *rangeproof.Witness {
	w := fixtures.Range()
	val := hash.FromBig(v)
	w.Value = v.String()
	a, _ := new(big.Int).SetString(w.Asset, 10)
	b, _ := new(big.Int).SetString(w.Blinding, 10)
	w.Commitment = hash.String(hash.ValueCommitment(val, hash.FromBig(a), hash.FromBig(b)))
	return w
}

func TestRangeValid(t *testing.T) {
	testkeys.MustSolve(t, rangeproof.Name, fixtures.Range())
	max := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 64), big.NewInt(1))
	testkeys.MustSolve(t, rangeproof.Name, withValue(max))
	testkeys.MustSolve(t, rangeproof.Name, withValue(big.NewInt(0)))
	testkeys.ProveVerify(t, rangeproof.Name, fixtures.Range())
}

func TestRangeRejects(t *testing.T) {
	two64 := new(big.Int).Lsh(big.NewInt(1), 64)
	testkeys.MustFail(t, rangeproof.Name, "a value of 2^64", withValue(two64))
	rMinus1 := new(big.Int).Sub(fr.Modulus(), big.NewInt(1))
	testkeys.MustFail(t, rangeproof.Name, "a value of -1 (r-1)", withValue(rMinus1))

	w := fixtures.Range()
	w.Value = "123456790"
	testkeys.MustFail(t, rangeproof.Name, "a value not matching the commitment", w)
	w = fixtures.Range()
	w.Asset = "2"
	testkeys.MustFail(t, rangeproof.Name, "an asset not matching the commitment", w)

	// a real proof does not verify against another commitment
	proof, _ := testkeys.ProveVerify(t, rangeproof.Name, fixtures.Range())
	other := withValue(big.NewInt(5))
	if !testkeys.Rejects(t, rangeproof.Name, testkeys.PublicFromJSON(t, rangeproof.Name, &rangeproof.Witness{Commitment: other.Commitment}), proof) {
		t.Fatal("proof verified against another commitment")
	}
}
