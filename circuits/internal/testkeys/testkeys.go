// Package testkeys gives tests the compiled circuits and their development keys (computed once
// per test process) and small helpers around JSON witnesses.
package testkeys

import (
	"encoding/json"
	"sync"
	"testing"

	"agora/circuits/setup"
	"agora/circuits/zk"

	"github.com/consensys/gnark-crypto/ecc"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	cs "github.com/consensys/gnark/constraint/bn254"
	"github.com/consensys/gnark/test"
)

type Keys struct {
	Spec *zk.Spec
	CCS  *cs.R1CS
	PK   *groth16bn254.ProvingKey
	VK   *groth16bn254.VerifyingKey
	VKB  []byte // compressed vk
}

var (
	mu    sync.Mutex
	cache = map[string]*Keys{}
)

// Get compiles circuit name and runs the development setup (once per process).
func Get(t testing.TB, name string) *Keys {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	if k, ok := cache[name]; ok {
		return k
	}
	s, err := zk.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	r, err := zk.Compile(s)
	if err != nil {
		t.Fatal(err)
	}
	pk, vk, err := setup.DevSetup(name, r)
	if err != nil {
		t.Fatal(err)
	}
	vkb, err := setup.Bytes(vk)
	if err != nil {
		t.Fatal(err)
	}
	k := &Keys{Spec: s, CCS: r, PK: pk, VK: vk, VKB: vkb}
	cache[name] = k
	return k
}

// JSON marshals a witness struct.
func JSON(t testing.TB, w any) []byte {
	t.Helper()
	b, err := json.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Solve checks whether the JSON witness w satisfies circuit name (no proof, fast).
func Solve(t testing.TB, name string, w any) error {
	t.Helper()
	s, err := zk.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Assign(JSON(t, w), false)
	if err != nil {
		return err
	}
	return test.IsSolved(s.New(), a, ecc.BN254.ScalarField())
}

// MustSolve fails the test unless w satisfies the circuit.
func MustSolve(t testing.TB, name string, w any) {
	t.Helper()
	if err := Solve(t, name, w); err != nil {
		t.Fatalf("%s: valid witness rejected: %v", name, err)
	}
}

// MustFail fails the test if w satisfies the circuit.
func MustFail(t testing.TB, name, what string, w any) {
	t.Helper()
	if err := Solve(t, name, w); err == nil {
		t.Fatalf("%s: %s was accepted", name, what)
	}
}

// ProveVerify proves w with the dev keys, checks the proof verifies, and returns the proof and
// public witness.
func ProveVerify(t testing.TB, name string, w any) (proof, public []byte) {
	t.Helper()
	k := Get(t, name)
	proof, public, err := zk.Prove(k.Spec, k.CCS, k.PK, JSON(t, w))
	if err != nil {
		t.Fatal(err)
	}
	ok, err := zk.Verify(k.Spec, k.VKB, public, proof)
	if err != nil || !ok {
		t.Fatalf("%s: valid proof did not verify: ok=%v err=%v", name, ok, err)
	}
	return proof, public
}

// Rejects reports whether verification of (public, proof) fails (false or error).
func Rejects(t testing.TB, name string, public, proof []byte) bool {
	t.Helper()
	k := Get(t, name)
	ok, _ := zk.Verify(k.Spec, k.VKB, public, proof)
	return !ok
}

// PublicFromJSON encodes public inputs given as JSON.
func PublicFromJSON(t testing.TB, name string, w any) []byte {
	t.Helper()
	k := Get(t, name)
	b, err := zk.PublicWitnessFromJSON(k.Spec, JSON(t, w))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
