// Package rangeproof is the `range` circuit: a committed amount lies in [0, 2^64).
//
// Public:  Commitment = H(TagValueCommitment, value, asset, blinding)
// Private: Value, Asset, Blinding
// Constraints: Value < 2^64 by bit decomposition (api.ToBinary, no BSB22 commitment) and the
// commitment opening.
package rangeproof

import (
	"agora/circuits/hash"
	"agora/circuits/internal/fieldjson"

	"github.com/consensys/gnark/frontend"
)

// Name of the circuit across the TS/Go boundary.
const Name = "range"

// ValueBits is the bit length of amounts.
const ValueBits = 64

type Circuit struct {
	Commitment frontend.Variable `gnark:",public"`

	Value    frontend.Variable
	Asset    frontend.Variable
	Blinding frontend.Variable
}

func (c *Circuit) Define(api frontend.API) error {
	h, err := hash.NewGadget(api)
	if err != nil {
		return err
	}
	api.ToBinary(c.Value, ValueBits)
	api.AssertIsEqual(h.ValueCommitment(c.Value, c.Asset, c.Blinding), c.Commitment)
	return nil
}

// Witness is the JSON form (see circuits/README.md).
type Witness struct {
	Commitment string `json:"commitment"`
	Value      string `json:"value,omitempty"`
	Asset      string `json:"asset,omitempty"`
	Blinding   string `json:"blinding,omitempty"`
}

// Assignment decodes w; with publicOnly, private fields may be omitted.
func (w *Witness) Assignment(publicOnly bool) (*Circuit, error) {
	d := fieldjson.Decoder{PublicOnly: publicOnly}
	c := &Circuit{
		Commitment: d.Public("commitment", w.Commitment),
		Value:      d.Private("value", w.Value),
		Asset:      d.Private("asset", w.Asset),
		Blinding:   d.Private("blinding", w.Blinding),
	}
	return c, d.Err
}
