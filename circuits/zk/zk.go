// Package zk ties the circuits together: the registry of circuit names, JSON witnesses,
// compilation, Groth16 proving and verification over BN254, and the binary formats shared with
// TypeScript (all gnark v0.16.1 WriteTo formats; see cmd/zkwasm/README.md).
package zk

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"agora/circuits/identity"
	"agora/circuits/internal/fieldjson"
	"agora/circuits/rangeproof"
	"agora/circuits/spend"
	"agora/circuits/vote"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	cs "github.com/consensys/gnark/constraint/bn254"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
)

// Spec describes one circuit.
type Spec struct {
	Name     string
	NbPublic int // public inputs, not counting gnark's constant-one wire
	New      func() frontend.Circuit
	// Assign decodes a JSON witness; with publicOnly only the public fields are required.
	Assign func(data []byte, publicOnly bool) (frontend.Circuit, error)
}

func assigner[W any, C frontend.Circuit](f func(*W, bool) (C, error)) func([]byte, bool) (frontend.Circuit, error) {
	return func(data []byte, publicOnly bool) (frontend.Circuit, error) {
		w := new(W)
		if err := fieldjson.Unmarshal(data, w); err != nil {
			return nil, err
		}
		c, err := f(w, publicOnly)
		if err != nil {
			return nil, err
		}
		return c, nil
	}
}

var specs = map[string]*Spec{
	rangeproof.Name: {
		Name: rangeproof.Name, NbPublic: 1,
		New:    func() frontend.Circuit { return &rangeproof.Circuit{} },
		Assign: assigner((*rangeproof.Witness).Assignment),
	},
	spend.Name: {
		Name: spend.Name, NbPublic: 9,
		New:    func() frontend.Circuit { return &spend.Circuit{} },
		Assign: assigner((*spend.Witness).Assignment),
	},
	vote.Name: {
		Name: vote.Name, NbPublic: 4,
		New:    func() frontend.Circuit { return &vote.Circuit{} },
		Assign: assigner((*vote.Witness).Assignment),
	},
	identity.Name: {
		Name: identity.Name, NbPublic: 3 + identity.DenyListSize,
		New:    func() frontend.Circuit { return &identity.Circuit{} },
		Assign: assigner((*identity.Witness).Assignment),
	},
}

// Names of all circuits, in build order.
var Names = []string{rangeproof.Name, spend.Name, vote.Name, identity.Name}

// Lookup returns the circuit called name.
func Lookup(name string) (*Spec, error) {
	s, ok := specs[name]
	if !ok {
		known := append([]string(nil), Names...)
		sort.Strings(known)
		return nil, fmt.Errorf("unknown circuit %q (known: %s)", name, strings.Join(known, ", "))
	}
	return s, nil
}

// Compile builds the R1CS of s, orients its products for the prover (OrientForProver: the keys
// depend on it, so every setup must start from Compile) and checks it has no BSB22 commitment.
func Compile(s *Spec) (*cs.R1CS, error) {
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, s.New())
	if err != nil {
		return nil, fmt.Errorf("compile %s: %w", s.Name, err)
	}
	r := ccs.(*cs.R1CS)
	OrientForProver(r)
	if err := CheckCCS(s, r); err != nil {
		return nil, err
	}
	return r, nil
}

// CheckCCS checks a constraint system is one of s's shape: no commitments, right public count.
func CheckCCS(s *Spec, r *cs.R1CS) error {
	if c, ok := r.CommitmentInfo.(constraint.Groth16Commitments); ok && len(c) > 0 {
		return fmt.Errorf("%s: constraint system has %d BSB22 commitments, want none", s.Name, len(c))
	}
	if n := r.GetNbPublicVariables() - 1; n != s.NbPublic {
		return fmt.Errorf("%s: constraint system has %d public inputs, want %d", s.Name, n, s.NbPublic)
	}
	return nil
}

// Witness decodes a JSON witness into a gnark witness (full, or public part only).
func Witness(s *Spec, data []byte, publicOnly bool) (witness.Witness, error) {
	a, err := s.Assign(data, publicOnly)
	if err != nil {
		return nil, fmt.Errorf("%s witness: %w", s.Name, err)
	}
	var opts []frontend.WitnessOption
	if publicOnly {
		opts = append(opts, frontend.PublicOnly())
	}
	w, err := frontend.NewWitness(a, ecc.BN254.ScalarField(), opts...)
	if err != nil {
		return nil, fmt.Errorf("%s witness: %w", s.Name, err)
	}
	return w, nil
}

// ReadCCS decodes a constraint system written by WriteTo and checks its shape.
func ReadCCS(s *Spec, data []byte) (r *cs.R1CS, err error) {
	defer recoverInto(&err, "constraint system")
	if err := scanCCS(data); err != nil {
		return nil, err
	}
	r = new(cs.R1CS)
	if err := readAll(r, data, "constraint system"); err != nil {
		return nil, err
	}
	if err := CheckCCS(s, r); err != nil {
		return nil, err
	}
	return r, nil
}

// ReadProvingKey decodes a proving key. Point validity is not checked (a wrong proving key can
// only produce proofs that fail verification), which makes loading several times faster.
func ReadProvingKey(s *Spec, data []byte) (pk *groth16bn254.ProvingKey, err error) {
	defer recoverInto(&err, "proving key")
	if err := scanPK(data); err != nil {
		return nil, err
	}
	pk = new(groth16bn254.ProvingKey)
	r := bytes.NewReader(data)
	if _, err := pk.UnsafeReadFrom(r); err != nil {
		return nil, fmt.Errorf("proving key: %w", err)
	}
	if r.Len() != 0 {
		return nil, fmt.Errorf("proving key: %d trailing bytes", r.Len())
	}
	if len(pk.CommitmentKeys) != 0 {
		return nil, fmt.Errorf("proving key: has commitment keys, want none")
	}
	return pk, nil
}

// ReadVerifyingKey decodes a verifying key (compressed or raw points), checking every point is
// on the curve and in the prime-order subgroup, that it has no commitment keys and that it has
// exactly s.NbPublic public inputs, none of whose bases is the point at infinity.
func ReadVerifyingKey(s *Spec, data []byte) (vk *groth16bn254.VerifyingKey, err error) {
	defer recoverInto(&err, "verifying key")
	if err := scanVK(data, s.NbPublic); err != nil {
		return nil, err
	}
	vk = new(groth16bn254.VerifyingKey)
	if err := readAll(vk, data, "verifying key"); err != nil {
		return nil, err
	}
	if len(vk.CommitmentKeys) != 0 || len(vk.PublicAndCommitmentCommitted) != 0 {
		return nil, fmt.Errorf("verifying key: has commitment keys, want none")
	}
	if n := len(vk.G1.K) - 1; n != s.NbPublic {
		return nil, fmt.Errorf("verifying key: for %d public inputs, circuit %s has %d", n, s.Name, s.NbPublic)
	}
	for i := range vk.G1.K {
		if vk.G1.K[i].IsInfinity() {
			return nil, fmt.Errorf("verifying key: public input base %d is the point at infinity", i)
		}
	}
	if vk.G1.Alpha.IsInfinity() || vk.G1.Beta.IsInfinity() || vk.G1.Delta.IsInfinity() ||
		vk.G2.Beta.IsInfinity() || vk.G2.Gamma.IsInfinity() || vk.G2.Delta.IsInfinity() {
		return nil, fmt.Errorf("verifying key: a point is at infinity")
	}
	return vk, nil
}

// ProofSize is the length of a compressed proof without commitments: Ar (32) | Bs (64) |
// Krs (32) | uint32 0 (no commitments) | CommitmentPok (32, the point at infinity).
const ProofSize = 32 + 64 + 32 + 4 + 32

// ReadProof decodes a proof (compressed or raw points), checking points are on the curve and in
// the subgroup, and that it carries no commitment.
func ReadProof(data []byte) (p *groth16bn254.Proof, err error) {
	defer recoverInto(&err, "proof")
	if err := scanProof(data); err != nil {
		return nil, err
	}
	p = new(groth16bn254.Proof)
	if err := readAll(p, data, "proof"); err != nil {
		return nil, err
	}
	if len(p.Commitments) != 0 || !p.CommitmentPok.IsInfinity() {
		return nil, fmt.Errorf("proof: carries a commitment, want none")
	}
	return p, nil
}

// ReadPublicWitness decodes a public witness (gnark's witness binary format) for s.
func ReadPublicWitness(s *Spec, data []byte) (w witness.Witness, err error) {
	defer recoverInto(&err, "public witness")
	want := 12 + 32*s.NbPublic
	if len(data) != want {
		return nil, fmt.Errorf("public witness: %d bytes, want %d (12-byte header + %d elements of 32 bytes)", len(data), want, s.NbPublic)
	}
	nbPub, nbSec, n := binary.BigEndian.Uint32(data[0:4]), binary.BigEndian.Uint32(data[4:8]), binary.BigEndian.Uint32(data[8:12])
	if int(nbPub) != s.NbPublic || nbSec != 0 || int(n) != s.NbPublic {
		return nil, fmt.Errorf("public witness: header (%d public, %d secret, %d elements), want (%d, 0, %d)", nbPub, nbSec, n, s.NbPublic, s.NbPublic)
	}
	w, err = witness.New(ecc.BN254.ScalarField())
	if err != nil {
		return nil, err
	}
	if err := w.UnmarshalBinary(data); err != nil {
		return nil, fmt.Errorf("public witness: %w", err)
	}
	return w, nil
}

func readAll(r io.ReaderFrom, data []byte, what string) error {
	br := bytes.NewReader(data)
	if _, err := r.ReadFrom(br); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return fmt.Errorf("%s: truncated (%d bytes): %w", what, len(data), err)
		}
		return fmt.Errorf("%s: %w", what, err)
	}
	if br.Len() != 0 {
		return fmt.Errorf("%s: %d trailing bytes", what, br.Len())
	}
	return nil
}

func recoverInto(err *error, what string) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: malformed (%v)", what, r)
	}
}

// Prove proves s for a full witness and returns the compressed proof and the public witness.
func Prove(s *Spec, ccs *cs.R1CS, pk *groth16bn254.ProvingKey, witnessJSON []byte) (proof, public []byte, err error) {
	defer recoverInto(&err, "prove")
	full, err := Witness(s, witnessJSON, false)
	if err != nil {
		return nil, nil, err
	}
	p, err := groth16.Prove(ccs, pk, full)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: no proof for this witness (a constraint is not satisfied): %w", s.Name, err)
	}
	var pb bytes.Buffer
	if _, err := p.WriteTo(&pb); err != nil {
		return nil, nil, err
	}
	pw, err := full.Public()
	if err != nil {
		return nil, nil, err
	}
	public, err = pw.MarshalBinary()
	if err != nil {
		return nil, nil, err
	}
	return pb.Bytes(), public, nil
}

// PublicWitnessFromJSON encodes the public inputs given as JSON (the witness object with only
// its public fields; private fields, if present, are checked then ignored).
func PublicWitnessFromJSON(s *Spec, data []byte) ([]byte, error) {
	w, err := Witness(s, data, true)
	if err != nil {
		return nil, err
	}
	return w.MarshalBinary()
}

// Verify checks proof against vk and the public witness. Malformed inputs are errors; a
// well-formed proof that does not verify is (false, nil).
func Verify(s *Spec, vkBytes, publicWitness, proofBytes []byte) (ok bool, err error) {
	defer recoverInto(&err, "verify")
	vk, err := ReadVerifyingKey(s, vkBytes)
	if err != nil {
		return false, err
	}
	return VerifyWithKey(s, vk, publicWitness, proofBytes)
}

// VerifyWithKey is Verify with an already decoded (ReadVerifyingKey) verifying key.
func VerifyWithKey(s *Spec, vk *groth16bn254.VerifyingKey, publicWitness, proofBytes []byte) (ok bool, err error) {
	defer recoverInto(&err, "verify")
	pw, err := ReadPublicWitness(s, publicWitness)
	if err != nil {
		return false, err
	}
	proof, err := ReadProof(proofBytes)
	if err != nil {
		return false, err
	}
	if err := groth16.Verify(proof, vk, pw); err != nil {
		if strings.Contains(err.Error(), "pairing doesn't match") {
			return false, nil
		}
		return false, fmt.Errorf("verify: %w", err)
	}
	return true, nil
}
