// Package vote is the `vote` circuit: an anonymous vote (after Semaphore).
//
// Public (in this order): Root, ProposalID, VoteOption, Nullifier.
// Private: IdentitySecret, Position, Path[32].
//
//	idc = H(TagIdentity, IdentitySecret) is the leaf at Position (< 2^32) under Root
//	Nullifier = H(TagVoteNullifier, ProposalID, IdentitySecret)   (one vote per identity and proposal)
//	VoteOption < 2^8 (bit decomposition; this also makes the option a constrained public input,
//	so a proof for one option does not verify for another)
package vote

import (
	"agora/circuits/hash"
	"agora/circuits/internal/fieldjson"

	"github.com/consensys/gnark/frontend"
)

const Name = "vote"

// OptionBits bounds the vote option: 0 ≤ option < 2^OptionBits.
const OptionBits = 8

type Circuit struct {
	Root       frontend.Variable `gnark:",public"`
	ProposalID frontend.Variable `gnark:",public"`
	VoteOption frontend.Variable `gnark:",public"`
	Nullifier  frontend.Variable `gnark:",public"`

	IdentitySecret frontend.Variable
	Position       frontend.Variable
	Path           [hash.Depth]frontend.Variable
}

func (c *Circuit) Define(api frontend.API) error {
	h, err := hash.NewGadget(api)
	if err != nil {
		return err
	}
	api.ToBinary(c.VoteOption, OptionBits)
	idc := h.IdentityCommitment(c.IdentitySecret)
	bits := api.ToBinary(c.Position, hash.Depth)
	api.AssertIsEqual(h.MerkleRoot(idc, bits, c.Path[:]), c.Root)
	api.AssertIsEqual(h.VoteNullifier(c.ProposalID, c.IdentitySecret), c.Nullifier)
	return nil
}

type Witness struct {
	Root           string   `json:"root"`
	ProposalID     string   `json:"proposalId"`
	VoteOption     string   `json:"voteOption"`
	Nullifier      string   `json:"nullifier"`
	IdentitySecret string   `json:"identitySecret,omitempty"`
	Position       string   `json:"position,omitempty"`
	Path           []string `json:"path,omitempty"`
}

func (w *Witness) Assignment(publicOnly bool) (*Circuit, error) {
	d := fieldjson.Decoder{PublicOnly: publicOnly}
	c := &Circuit{
		Root:           d.Public("root", w.Root),
		ProposalID:     d.Public("proposalId", w.ProposalID),
		VoteOption:     d.Public("voteOption", w.VoteOption),
		Nullifier:      d.Public("nullifier", w.Nullifier),
		IdentitySecret: d.Private("identitySecret", w.IdentitySecret),
		Position:       d.Private("position", w.Position),
	}
	d.PrivateArray("path", c.Path[:], w.Path)
	return c, d.Err
}
