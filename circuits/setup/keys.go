package setup

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"agora/circuits/zk"

	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	cs "github.com/consensys/gnark/constraint/bn254"
)

// Bytes serializes anything with WriteTo (keys: compressed points).
func Bytes(w io.WriterTo) ([]byte, error) {
	var b bytes.Buffer
	if _, err := w.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// WriteFileAtomic writes data to path through a temporary file and a rename.
func WriteFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// WriteKeys writes dir/<name>.ccs, .pk and .vk (gnark WriteTo formats, compressed points).
func WriteKeys(dir, name string, ccs *cs.R1CS, pk *groth16bn254.ProvingKey, vk *groth16bn254.VerifyingKey) error {
	files := map[string]io.WriterTo{}
	if ccs != nil {
		files["ccs"] = ccs
	}
	if pk != nil {
		files["pk"] = pk
	}
	if vk != nil {
		files["vk"] = vk
	}
	for ext, w := range files {
		if ext == "pk" {
			w = rawPK{pk} // raw points: the prover in wasm loads them without square roots
		}
		b, err := Bytes(w)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", name, ext, err)
		}
		if err := WriteFileAtomic(filepath.Join(dir, name+"."+ext), b); err != nil {
			return err
		}
	}
	return nil
}

// DevBuild compiles each named circuit, runs DevSetup and writes the keys and the UNSAFE notice
// into dir.
func DevBuild(dir string, names []string, log func(format string, args ...any)) error {
	if err := WriteFileAtomic(filepath.Join(dir, "UNSAFE-DEV-SETUP.txt"), []byte(UnsafeNotice)); err != nil {
		return err
	}
	for _, name := range names {
		s, err := zk.Lookup(name)
		if err != nil {
			return err
		}
		r, err := zk.Compile(s)
		if err != nil {
			return err
		}
		pk, vk, err := DevSetup(name, r)
		if err != nil {
			return err
		}
		if err := WriteKeys(dir, name, r, pk, vk); err != nil {
			return err
		}
		if log != nil {
			log("%s: %d constraints, UNSAFE development keys written to %s", name, r.GetNbConstraints(), dir)
		}
	}
	return nil
}

type rawPK struct{ pk *groth16bn254.ProvingKey }

func (r rawPK) WriteTo(w io.Writer) (int64, error) { return r.pk.WriteRawTo(w) }
