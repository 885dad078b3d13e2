// Package hash is Agora's one ZK-friendly hash: Poseidon2 over the BN254 scalar field, exactly as
// gnark-crypto v0.21.0 (native) and gnark v0.16.1 (in-circuit) implement it, used in a
// Merkle–Damgård chain with domain-separation tags. The formulas are spelled out in
// circuits/README.md; TypeScript reimplements them and checks itself against build/vectors.
//
// Permutation: Poseidon2, width t = 2, S-box x^5, 6 full rounds (3 + 3) and 50 partial rounds,
// round keys derived by Keccak-256 from the seed "Poseidon2-BN254[t=2,rF=6,rP=50,d=5]"
// (gnark-crypto ecc/bn254/fr/poseidon2.GetDefaultParameters).
// Compression: C(l, r) = P(l, r)[1] + r.
// Hash: H(x1..xn) = s_n where s_0 = 0 and s_i = C(s_{i-1}, x_i): one field element absorbed per
// compression, no padding and no length (every use below has a fixed arity and a tag first).
//
// Merkle inner nodes use one permutation of width t = 3 instead (P3: S-box x^5, 8 full rounds
// (4 + 4) and 56 partial rounds, round keys by Keccak-256 from "Poseidon2-BN254[t=3,rF=8,rP=56,d=5]",
// gnark-crypto poseidon2.NewPermutation(3, 8, 56)), as a one-block sponge whose capacity lane
// holds the domain tag: MerkleNode(l, r) = P3(TagMerkle, l, r)[1].
package hash

import (
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/poseidon2"
)

var perm = poseidon2.NewDefaultPermutation()

// Width-3 parameters of the Merkle node permutation (the Poseidon2 paper's BN254 instance for
// t = 3 at 128-bit security, security margin included: R_F = 8, R_P = 56).
const (
	Width3         = 3
	FullRounds3    = 8
	PartialRounds3 = 56
)

var perm3 = poseidon2.NewPermutation(Width3, FullRounds3, PartialRounds3)

// Permute3 is the width-3 Poseidon2 permutation P3 (gnark-crypto NewPermutation(3, 8, 56)).
func Permute3(s [3]fr.Element) [3]fr.Element {
	if err := perm3.Permutation(s[:]); err != nil {
		panic(err) // width is fixed at 3: cannot happen
	}
	return s
}

// Compress is the Poseidon2 2→1 compression C(l, r) = P(l, r)[1] + r.
func Compress(l, r fr.Element) fr.Element {
	x := [2]fr.Element{l, r}
	if err := perm.Permutation(x[:]); err != nil {
		panic(err) // width is fixed at 2: cannot happen
	}
	var out fr.Element
	out.Add(&x[1], &r)
	return out
}

// Hash is the Merkle–Damgård chain of Compress with initial state 0: H() = 0,
// H(x1..xn) = C(...C(C(0, x1), x2)..., xn). It equals gnark-crypto's
// poseidon2.NewMerkleDamgardHasher() fed the 32-byte big-endian encodings of the elements.
func Hash(elems ...fr.Element) fr.Element {
	var s fr.Element
	for _, e := range elems {
		s = Compress(s, e)
	}
	return s
}

// Tag turns an ASCII domain-separation label into the field element whose big-endian bytes
// are the label (labels are at most 31 bytes, so the value is below the modulus).
func Tag(label string) fr.Element {
	if len(label) > 31 {
		panic("hash: tag label longer than 31 bytes: " + label)
	}
	var e fr.Element
	e.SetBigInt(new(big.Int).SetBytes([]byte(label)))
	return e
}

// Domain-separation labels: the first element absorbed by each use of the hash.
const (
	LabelValueCommitment = "agora.zk.value"       // range circuit: commitment to (value, asset, blinding)
	LabelOwner           = "agora.zk.owner"       // owner (address) of a note, from its spending key
	LabelNote            = "agora.zk.note"        // note commitment
	LabelNullifier       = "agora.zk.nullifier"   // note nullifier
	LabelMerkle          = "agora.zk.merkle"      // Merkle inner node
	LabelIdentity        = "agora.zk.identity"    // identity commitment (voter identity)
	LabelVoteNullifier   = "agora.zk.vote"        // per-proposal vote nullifier
	LabelAttestation     = "agora.zk.attestation" // KYC attestation commitment
)

// Tags as field elements.
var (
	TagValueCommitment = Tag(LabelValueCommitment)
	TagOwner           = Tag(LabelOwner)
	TagNote            = Tag(LabelNote)
	TagNullifier       = Tag(LabelNullifier)
	TagMerkle          = Tag(LabelMerkle)
	TagIdentity        = Tag(LabelIdentity)
	TagVoteNullifier   = Tag(LabelVoteNullifier)
	TagAttestation     = Tag(LabelAttestation)
)

// Labels lists every label, for documentation and vectors.
var Labels = []string{LabelValueCommitment, LabelOwner, LabelNote, LabelNullifier, LabelMerkle,
	LabelIdentity, LabelVoteNullifier, LabelAttestation}

// ValueCommitment = H(TagValueCommitment, value, asset, blinding).
func ValueCommitment(value, asset, blinding fr.Element) fr.Element {
	return Hash(TagValueCommitment, value, asset, blinding)
}

// Owner = H(TagOwner, spendKey): the public address notes are sent to.
func Owner(spendKey fr.Element) fr.Element { return Hash(TagOwner, spendKey) }

// NoteCommitment = H(TagNote, value, asset, owner, blinding).
func NoteCommitment(value, asset, owner, blinding fr.Element) fr.Element {
	return Hash(TagNote, value, asset, owner, blinding)
}

// Nullifier = H(TagNullifier, spendKey, position, noteCommitment).
func Nullifier(spendKey, position, cm fr.Element) fr.Element {
	return Hash(TagNullifier, spendKey, position, cm)
}

// MerkleNode = P3(TagMerkle, left, right)[1]: one width-3 permutation used as a sponge with
// capacity lane 0 initialised to the domain tag, rate lanes 1 and 2 the two children (one full
// block, fixed length: no padding), squeezing the first rate lane. See circuits/README.md.
func MerkleNode(left, right fr.Element) fr.Element {
	return Permute3([3]fr.Element{TagMerkle, left, right})[1]
}

// IdentityCommitment = H(TagIdentity, identitySecret).
func IdentityCommitment(secret fr.Element) fr.Element { return Hash(TagIdentity, secret) }

// VoteNullifier = H(TagVoteNullifier, proposalID, identitySecret).
func VoteNullifier(proposalID, secret fr.Element) fr.Element {
	return Hash(TagVoteNullifier, proposalID, secret)
}

// AttestationCommitment = H(TagAttestation, identitySecret, birthDate, country, salt).
func AttestationCommitment(secret, birthDate, country, salt fr.Element) fr.Element {
	return Hash(TagAttestation, secret, birthDate, country, salt)
}

// FromUint64 is a convenience constructor.
func FromUint64(v uint64) fr.Element { var e fr.Element; e.SetUint64(v); return e }

// FromBig reduces x modulo the field order.
func FromBig(x *big.Int) fr.Element { var e fr.Element; e.SetBigInt(x); return e }

// String is the decimal string of e (canonical, in [0, r)).
func String(e fr.Element) string { var b big.Int; e.BigInt(&b); return b.String() }
