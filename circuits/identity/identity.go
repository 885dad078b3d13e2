// Package identity is the `identity` circuit: predicates over a KYC attestation and equality of
// the identity secret with a second commitment, revealing neither the secret nor the attributes.
//
// Public (in this order): Attestation, IdentityCommitment, Today, DenyList[16].
// Private: IdentitySecret, BirthDate, Country, Salt.
//
//	Attestation        = H(TagAttestation, IdentitySecret, BirthDate, Country, Salt)
//	IdentityCommitment = H(TagIdentity, IdentitySecret)        (e.g. the voter identity)
//	BirthDate, Today < 2^32 are dates written YYYYMMDD as integers (e.g. 20070215);
//	BirthDate + 180000 ≤ Today, i.e. the 18th birthday is on or before Today
//	(Today − BirthDate − 180000 decomposes into 32 bits);
//	Country ∉ DenyList: Π_j (Country − DenyList[j]) ≠ 0. Unused deny-list slots are 0, and
//	country codes (ISO 3166-1 numeric) are ≥ 1, so Country = 0 is always rejected.
package identity

import (
	"agora/circuits/internal/fieldjson"

	"agora/circuits/hash"

	"github.com/consensys/gnark/frontend"
)

const Name = "identity"

const (
	DenyListSize = 16
	DateBits     = 32
	// MinAge in YYYYMMDD arithmetic: 18 years.
	MinAgeYYYYMMDD = 18 * 10000
)

type Circuit struct {
	Attestation        frontend.Variable               `gnark:",public"`
	IdentityCommitment frontend.Variable               `gnark:",public"`
	Today              frontend.Variable               `gnark:",public"`
	DenyList           [DenyListSize]frontend.Variable `gnark:",public"`

	IdentitySecret frontend.Variable
	BirthDate      frontend.Variable
	Country        frontend.Variable
	Salt           frontend.Variable
}

func (c *Circuit) Define(api frontend.API) error {
	h, err := hash.NewGadget(api)
	if err != nil {
		return err
	}
	api.AssertIsEqual(h.AttestationCommitment(c.IdentitySecret, c.BirthDate, c.Country, c.Salt), c.Attestation)
	api.AssertIsEqual(h.IdentityCommitment(c.IdentitySecret), c.IdentityCommitment)

	api.ToBinary(c.Today, DateBits)
	api.ToBinary(c.BirthDate, DateBits)
	api.ToBinary(api.Sub(c.Today, c.BirthDate, MinAgeYYYYMMDD), DateBits)

	var prod frontend.Variable = 1
	for j := range c.DenyList {
		prod = api.Mul(prod, api.Sub(c.Country, c.DenyList[j]))
	}
	api.AssertIsDifferent(prod, 0)
	return nil
}

type Witness struct {
	Attestation        string   `json:"attestation"`
	IdentityCommitment string   `json:"identityCommitment"`
	Today              string   `json:"today"`
	DenyList           []string `json:"denyList"`
	IdentitySecret     string   `json:"identitySecret,omitempty"`
	BirthDate          string   `json:"birthDate,omitempty"`
	Country            string   `json:"country,omitempty"`
	Salt               string   `json:"salt,omitempty"`
}

func (w *Witness) Assignment(publicOnly bool) (*Circuit, error) {
	d := fieldjson.Decoder{PublicOnly: publicOnly}
	c := &Circuit{
		Attestation:        d.Public("attestation", w.Attestation),
		IdentityCommitment: d.Public("identityCommitment", w.IdentityCommitment),
		Today:              d.Public("today", w.Today),
		IdentitySecret:     d.Private("identitySecret", w.IdentitySecret),
		BirthDate:          d.Private("birthDate", w.BirthDate),
		Country:            d.Private("country", w.Country),
		Salt:               d.Private("salt", w.Salt),
	}
	d.PublicArray("denyList", c.DenyList[:], w.DenyList)
	return c, d.Err
}
