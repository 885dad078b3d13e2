// Package spend is the `spend` circuit: a shielded transfer of 2 input notes to 2 output notes
// (after Zcash Sapling and Penumbra), over a note tree of depth 32.
//
// Public (in this order): Root, Nullifiers[2], OutCommitments[2], Assets[2], Balances[2].
// Private: for each input: Value, Asset, Blinding, SpendKey, Position, Path[32];
// for each output: Value, Asset, Owner, Blinding.
//
// For each input i:
//
//	owner_i = H(TagOwner, SpendKey_i)                       (the spender knows the key)
//	cm_i    = H(TagNote, Value_i, Asset_i, owner_i, Blinding_i)
//	Nullifiers[i] = H(TagNullifier, SpendKey_i, Position_i, cm_i)
//	Position_i < 2^32, its bits (LSB first) select left/right along Path_i, and the recomputed
//	root equals Root — unless Value_i = 0 (a dummy input, as in Sapling: no membership needed).
//
// For each output o: OutCommitments[o] = H(TagNote, Value_o, Asset_o, Owner_o, Blinding_o).
// Every value (inputs and outputs) is < 2^64 by bit decomposition.
// Assets[0] ≠ Assets[1]; every note's asset is Assets[0] or Assets[1]; for k = 0, 1:
//
//	Σ_{inputs with asset Assets[k]} value − Σ_{outputs with asset Assets[k]} value = Balances[k]
//
// in the field (a negative balance b is the element r − |b|). Nullifiers[0] ≠ Nullifiers[1].
package spend

import (
	"fmt"

	"agora/circuits/hash"
	"agora/circuits/internal/fieldjson"

	"github.com/consensys/gnark/frontend"
)

const Name = "spend"

const (
	NbInputs  = 2
	NbOutputs = 2
	ValueBits = 64
)

type InputNote struct {
	Value    frontend.Variable
	Asset    frontend.Variable
	Blinding frontend.Variable
	SpendKey frontend.Variable
	Position frontend.Variable
	Path     [hash.Depth]frontend.Variable
}

type OutputNote struct {
	Value    frontend.Variable
	Asset    frontend.Variable
	Owner    frontend.Variable
	Blinding frontend.Variable
}

type Circuit struct {
	Root           frontend.Variable            `gnark:",public"`
	Nullifiers     [NbInputs]frontend.Variable  `gnark:",public"`
	OutCommitments [NbOutputs]frontend.Variable `gnark:",public"`
	Assets         [2]frontend.Variable         `gnark:",public"`
	Balances       [2]frontend.Variable         `gnark:",public"`

	In  [NbInputs]InputNote
	Out [NbOutputs]OutputNote
}

func (c *Circuit) Define(api frontend.API) error {
	h, err := hash.NewGadget(api)
	if err != nil {
		return err
	}
	api.AssertIsDifferent(c.Assets[0], c.Assets[1])
	api.AssertIsDifferent(c.Nullifiers[0], c.Nullifiers[1])

	// balance[k] accumulates Σ in − Σ out for asset k
	bal := [2]frontend.Variable{0, 0}
	addTo := func(asset, value frontend.Variable, sign int) {
		// asset ∈ {A0, A1}
		api.AssertIsEqual(api.Mul(api.Sub(asset, c.Assets[0]), api.Sub(asset, c.Assets[1])), 0)
		is0 := api.IsZero(api.Sub(asset, c.Assets[0]))
		v0 := api.Mul(is0, value)
		v1 := api.Sub(value, v0)
		if sign > 0 {
			bal[0], bal[1] = api.Add(bal[0], v0), api.Add(bal[1], v1)
		} else {
			bal[0], bal[1] = api.Sub(bal[0], v0), api.Sub(bal[1], v1)
		}
	}

	for i := range c.In {
		in := &c.In[i]
		api.ToBinary(in.Value, ValueBits)
		owner := h.Owner(in.SpendKey)
		cm := h.NoteCommitment(in.Value, in.Asset, owner, in.Blinding)
		api.AssertIsEqual(h.Nullifier(in.SpendKey, in.Position, cm), c.Nullifiers[i])
		posBits := api.ToBinary(in.Position, hash.Depth)
		root := h.MerkleRoot(cm, posBits, in.Path[:])
		// dummy input (value 0): membership not required
		api.AssertIsEqual(api.Select(api.IsZero(in.Value), c.Root, root), c.Root)
		addTo(in.Asset, in.Value, +1)
	}
	for o := range c.Out {
		out := &c.Out[o]
		api.ToBinary(out.Value, ValueBits)
		api.AssertIsEqual(h.NoteCommitment(out.Value, out.Asset, out.Owner, out.Blinding), c.OutCommitments[o])
		addTo(out.Asset, out.Value, -1)
	}
	api.AssertIsEqual(bal[0], c.Balances[0])
	api.AssertIsEqual(bal[1], c.Balances[1])
	return nil
}

type InputJSON struct {
	Value    string   `json:"value"`
	Asset    string   `json:"asset"`
	Blinding string   `json:"blinding"`
	SpendKey string   `json:"spendKey"`
	Position string   `json:"position"`
	Path     []string `json:"path"`
}

type OutputJSON struct {
	Value    string `json:"value"`
	Asset    string `json:"asset"`
	Owner    string `json:"owner"`
	Blinding string `json:"blinding"`
}

// Witness is the JSON form (see circuits/README.md).
type Witness struct {
	Root           string       `json:"root"`
	Nullifiers     []string     `json:"nullifiers"`
	OutCommitments []string     `json:"outCommitments"`
	Assets         []string     `json:"assets"`
	Balances       []string     `json:"balances"`
	Inputs         []InputJSON  `json:"inputs,omitempty"`
	Outputs        []OutputJSON `json:"outputs,omitempty"`
}

func (w *Witness) Assignment(publicOnly bool) (*Circuit, error) {
	d := fieldjson.Decoder{PublicOnly: publicOnly}
	c := &Circuit{Root: d.Public("root", w.Root)}
	d.PublicArray("nullifiers", c.Nullifiers[:], w.Nullifiers)
	d.PublicArray("outCommitments", c.OutCommitments[:], w.OutCommitments)
	d.PublicArray("assets", c.Assets[:], w.Assets)
	d.PublicArray("balances", c.Balances[:], w.Balances)

	zeroIn := publicOnly && len(w.Inputs) == 0
	zeroOut := publicOnly && len(w.Outputs) == 0
	if zeroIn || d.Length("inputs", len(w.Inputs), NbInputs) {
		for i := range c.In {
			var src InputJSON
			if !zeroIn {
				src = w.Inputs[i]
			}
			p := fmt.Sprintf("inputs[%d].", i)
			in := &c.In[i]
			in.Value = d.Private(p+"value", src.Value)
			in.Asset = d.Private(p+"asset", src.Asset)
			in.Blinding = d.Private(p+"blinding", src.Blinding)
			in.SpendKey = d.Private(p+"spendKey", src.SpendKey)
			in.Position = d.Private(p+"position", src.Position)
			d.PrivateArray(p+"path", in.Path[:], src.Path)
		}
	}
	if zeroOut || d.Length("outputs", len(w.Outputs), NbOutputs) {
		for o := range c.Out {
			var src OutputJSON
			if !zeroOut {
				src = w.Outputs[o]
			}
			p := fmt.Sprintf("outputs[%d].", o)
			out := &c.Out[o]
			out.Value = d.Private(p+"value", src.Value)
			out.Asset = d.Private(p+"asset", src.Asset)
			out.Owner = d.Private(p+"owner", src.Owner)
			out.Blinding = d.Private(p+"blinding", src.Blinding)
		}
	}
	if d.Err != nil {
		return nil, d.Err
	}
	fillNil(c)
	return c, nil
}

// fillNil sets remaining nil variables (only possible after an error path) to 0.
func fillNil(c *Circuit) {
	for i := range c.In {
		for j := range c.In[i].Path {
			if c.In[i].Path[j] == nil {
				c.In[i].Path[j] = 0
			}
		}
	}
}
