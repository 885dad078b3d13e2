package zk_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"agora/circuits/fixtures"
	"agora/circuits/internal/fieldjson"
	"agora/circuits/internal/testkeys"
	"agora/circuits/zk"

	"github.com/consensys/gnark/constraint"
)

func TestNoCommitmentsAndPublicInputsBound(t *testing.T) {
	for _, n := range zk.Names {
		k := testkeys.Get(t, n)
		if c := k.CCS.CommitmentInfo.(constraint.Groth16Commitments); len(c) != 0 {
			t.Fatalf("%s: %d BSB22 commitments", n, len(c))
		}
		if len(k.VK.CommitmentKeys) != 0 {
			t.Fatalf("%s: vk has commitment keys", n)
		}
		for i, p := range k.VK.G1.K {
			if p.IsInfinity() {
				t.Fatalf("%s: public input %d is unconstrained (K is infinity)", n, i)
			}
		}
		t.Logf("%s: %d constraints, %d public inputs", n, k.CCS.GetNbConstraints(), k.Spec.NbPublic)
	}
}

func TestProofTampering(t *testing.T) {
	const name = "range"
	k := testkeys.Get(t, name)
	proof, public := testkeys.ProveVerify(t, name, fixtures.Range())
	if len(proof) != zk.ProofSize {
		t.Fatalf("proof is %d bytes, want %d", len(proof), zk.ProofSize)
	}
	for i := 0; i < len(proof); i++ {
		for _, bit := range []uint{0, 3, 7} {
			p := bytes.Clone(proof)
			p[i] ^= 1 << bit
			ok, err := zk.Verify(k.Spec, k.VKB, public, p)
			if ok {
				t.Fatalf("proof with bit %d of byte %d flipped verified (err=%v)", bit, i, err)
			}
		}
	}
	for n := 0; n < len(proof); n++ {
		ok, err := zk.Verify(k.Spec, k.VKB, public, proof[:n])
		if ok || err == nil {
			t.Fatalf("proof truncated to %d bytes: ok=%v err=%v", n, ok, err)
		}
	}
	if ok, err := zk.Verify(k.Spec, k.VKB, public, append(bytes.Clone(proof), 0)); ok || err == nil {
		t.Fatal("proof with a trailing byte accepted")
	}
	// vk: truncated, flipped, of another circuit
	for n := 0; n < len(k.VKB); n += 7 {
		if ok, err := zk.Verify(k.Spec, k.VKB[:n], public, proof); ok || err == nil {
			t.Fatalf("vk truncated to %d bytes accepted", n)
		}
	}
	for i := 0; i < len(k.VKB); i++ {
		if (i >= 32 && i < 64) || (i >= 192 && i < 224) {
			continue // [β]1 and [δ]1 are carried (bellman layout) but not used by verification
		}
		v := bytes.Clone(k.VKB)
		v[i] ^= 0x10
		if ok, _ := zk.Verify(k.Spec, v, public, proof); ok {
			t.Fatalf("vk with byte %d changed accepted", i)
		}
	}
	other := testkeys.Get(t, "vote")
	if ok, err := zk.Verify(k.Spec, other.VKB, public, proof); ok || err == nil {
		t.Fatal("vk of another circuit accepted")
	}
	// public witness: wrong length, non-canonical element, wrong header
	if ok, err := zk.Verify(k.Spec, k.VKB, public[:len(public)-1], proof); ok || err == nil {
		t.Fatal("short public witness accepted")
	}
	nc := bytes.Clone(public)
	copy(nc[12:], fieldjson.Modulus.FillBytes(make([]byte, 32))) // r itself: non-canonical 0
	if ok, err := zk.Verify(k.Spec, k.VKB, nc, proof); ok || err == nil {
		t.Fatal("non-canonical public input accepted")
	}
	hd := bytes.Clone(public)
	hd[7] = 1
	if ok, err := zk.Verify(k.Spec, k.VKB, hd, proof); ok || err == nil {
		t.Fatal("public witness with secret count accepted")
	}
	// garbage never panics
	for _, g := range [][]byte{nil, {0}, bytes.Repeat([]byte{0xff}, 400), bytes.Repeat([]byte{0}, 400)} {
		if ok, _ := zk.Verify(k.Spec, g, public, proof); ok {
			t.Fatal("garbage vk accepted")
		}
		if ok, _ := zk.Verify(k.Spec, k.VKB, public, g); ok {
			t.Fatal("garbage proof accepted")
		}
	}
}

func TestWitnessJSONErrors(t *testing.T) {
	s, _ := zk.Lookup("range")
	good, _ := json.Marshal(fixtures.Range())
	if _, err := zk.Witness(s, good, false); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		`{"commitment":"1","value":"2","asset":"3"}`:                                                                                            "blinding: missing",
		`{"commitment":"1","value":"-2","asset":"3","blinding":"4"}`:                                                                            "value",
		`{"commitment":"1","value":"2","asset":"3","blinding":"4","extra":"5"}`:                                                                 "unknown field",
		`{"commitment":1,"value":"2","asset":"3","blinding":"4"}`:                                                                               "commitment",
		`{"commitment":"0x","value":"2","asset":"3","blinding":"4"}`:                                                                            "commitment",
		`{"commitment":"1","value":"2","asset":"3","blinding":"4"} {}`:                                                                          "trailing",
		`{"commitment":"21888242871839275222246405745257275088548364400416034343698204186575808495617","value":"2","asset":"3","blinding":"4"}`: "below the BN254",
	}
	for in, want := range cases {
		_, err := zk.Witness(s, []byte(in), false)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("%s: got %v, want an error containing %q", in, err, want)
		}
	}
	if _, err := zk.Lookup("nope"); err == nil {
		t.Fatal("unknown circuit accepted")
	}
	// public-only JSON needs only public fields
	if _, err := zk.PublicWitnessFromJSON(s, []byte(`{"commitment":"0x1f"}`)); err != nil {
		t.Fatal(err)
	}
}

func TestProveRejectsBadWitness(t *testing.T) {
	k := testkeys.Get(t, "range")
	w := fixtures.Range()
	w.Value = "18446744073709551616"
	if _, _, err := zk.Prove(k.Spec, k.CCS, k.PK, testkeys.JSON(t, w)); err == nil {
		t.Fatal("proved a value of 2^64")
	}
}

// Every invalid witness of the vectors is well-formed and fails to prove.
func TestInvalidWitnessesFail(t *testing.T) {
	all := fixtures.InvalidWitnesses()
	for _, name := range zk.Names {
		if len(all[name]) == 0 {
			t.Fatalf("%s: no invalid witnesses", name)
		}
		s, _ := zk.Lookup(name)
		for _, c := range all[name] {
			wj := testkeys.JSON(t, c.Witness)
			if _, err := s.Assign(wj, false); err != nil {
				t.Fatalf("%s: %s: not well-formed: %v", name, c.What, err)
			}
			testkeys.MustFail(t, name, c.What, c.Witness)
		}
	}
}
