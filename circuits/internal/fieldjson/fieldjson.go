// Package fieldjson decodes the JSON witnesses that cross the TypeScript/Go boundary: every field
// element is a string holding a canonical integer in [0, r) (r the BN254 scalar field order),
// either decimal ("123") or 0x-prefixed hex ("0x7b"). Negative numbers, values ≥ r, empty
// strings, signs, spaces and JSON numbers are rejected, so each element has exactly one encoding.
package fieldjson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/frontend"
)

// Modulus is r, the BN254 scalar field order.
var Modulus = fr.Modulus()

// Parse decodes one field element; name is used in error messages.
func Parse(name, s string) (*big.Int, error) {
	if s == "" {
		return nil, fmt.Errorf("%s: missing (want a decimal or 0x-hex string)", name)
	}
	x := new(big.Int)
	var ok bool
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		h := s[2:]
		ok = h != "" && isDigits(h, true)
		if ok {
			_, ok = x.SetString(h, 16)
		}
	} else {
		ok = isDigits(s, false)
		if ok {
			_, ok = x.SetString(s, 10)
		}
	}
	if !ok {
		return nil, fmt.Errorf("%s: %q is not a non-negative decimal or 0x-hex integer", name, s)
	}
	if x.Cmp(Modulus) >= 0 {
		return nil, fmt.Errorf("%s: %s is not below the BN254 scalar field order", name, s)
	}
	return x, nil
}

func isDigits(s string, hex bool) bool {
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
		case hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')):
		default:
			return false
		}
	}
	return true
}

// Decoder collects the first error while filling many fields.
type Decoder struct {
	PublicOnly bool // private fields may be absent; they are set to 0
	Err        error
}

// Public decodes a public field (always required).
func (d *Decoder) Public(name, s string) any { return d.get(name, s, true) }

// Private decodes a private field (required unless PublicOnly).
func (d *Decoder) Private(name, s string) any { return d.get(name, s, false) }

func (d *Decoder) get(name, s string, public bool) any {
	if d.Err != nil {
		return 0
	}
	if !public && d.PublicOnly {
		if s == "" {
			return 0
		}
	}
	x, err := Parse(name, s)
	if err != nil {
		d.Err = err
		return 0
	}
	return x
}

// PublicArray fills dst from src, whose length must match (dst is zeroed first).
func (d *Decoder) PublicArray(name string, dst []frontend.Variable, src []string) {
	d.array(name, dst, src, true)
}

// PrivateArray fills dst from src like PublicArray; with PublicOnly an absent array is all zeros.
func (d *Decoder) PrivateArray(name string, dst []frontend.Variable, src []string) {
	d.array(name, dst, src, false)
}

func (d *Decoder) array(name string, dst []frontend.Variable, src []string, public bool) {
	for i := range dst {
		dst[i] = 0
	}
	if !public && d.PublicOnly && len(src) == 0 {
		return
	}
	if d.Length(name, len(src), len(dst)) {
		for i := range dst {
			dst[i] = d.get(fmt.Sprintf("%s[%d]", name, i), src[i], public)
		}
	}
}

// Length checks an array's length.
func (d *Decoder) Length(name string, got, want int) bool {
	if d.Err != nil {
		return false
	}
	if got != want {
		d.Err = fmt.Errorf("%s: has %d elements, want %d", name, got, want)
		return false
	}
	return true
}

// Unmarshal decodes JSON strictly: unknown fields and trailing data are errors.
func Unmarshal(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("witness JSON: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("witness JSON: trailing data after the object")
	}
	return nil
}
