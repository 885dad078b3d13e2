package setup

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/consensys/gnark-crypto/ecc"
	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	cs "github.com/consensys/gnark/constraint/bn254"
)

// Transcript layout of a ceremony directory D (every file is public):
//
//	D/phase1/params.json          {"n": N}  (FFT domain size, a power of two)
//	D/phase1/0000.bin             the initial Phase1 object (NewPhase1(N)), recomputable
//	D/phase1/0001.bin, 0002.bin…  each contributor's output (mpcsetup.Phase1.WriteTo)
//	D/phase1/beacon.hex           the public beacon that sealed phase 1
//	D/phase1/commons.bin          the sealed SRS (SrsCommons.WriteTo)
//	D/phase2/<c>/circuit.ccs      the constraint system of circuit c
//	D/phase2/<c>/0000.bin         the initial Phase2 object (Initialize), recomputable
//	D/phase2/<c>/0001.bin…        contributions (mpcsetup.Phase2.WriteTo)
//	D/phase2/<c>/beacon.hex       the beacon that sealed phase 2 of c
//	D/phase2/<c>/<c>.pk, <c>.vk   the final keys
//
// Verification replays everything: contributions are checked in order (each update proof and
// the consistency of every power), the seal is recomputed from the beacon and the outputs are
// compared byte for byte.

// Ceremony is a transcript directory.
type Ceremony struct{ Dir string }

func (c Ceremony) p1(name string) string       { return filepath.Join(c.Dir, "phase1", name) }
func (c Ceremony) p2(circ, name string) string { return filepath.Join(c.Dir, "phase2", circ, name) }
func numbered(i int) string                    { return fmt.Sprintf("%04d.bin", i) }
func digest(b []byte) string                   { h := sha256.Sum256(b); return hex.EncodeToString(h[:]) }
func writeTo(path string, w io.WriterTo) (string, error) {
	b, err := Bytes(w)
	if err != nil {
		return "", err
	}
	return digest(b), WriteFileAtomic(path, b)
}

// contributions lists dir/0001.bin… in order (0000.bin excluded).
func contributions(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		if len(n) == 8 && strings.HasSuffix(n, ".bin") && n != "0000.bin" {
			out = append(out, filepath.Join(dir, n))
		}
	}
	sort.Strings(out)
	for i, p := range out {
		if filepath.Base(p) != numbered(i+1) {
			return nil, fmt.Errorf("%s: contributions are not numbered 0001, 0002, … without gaps", dir)
		}
	}
	return out, nil
}

func readFrom[T any, PT interface {
	*T
	io.ReaderFrom
}](path string) (p PT, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: malformed (%v)", path, r)
		}
	}()
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	p = PT(new(T))
	rd := bytes.NewReader(b)
	if _, err := p.ReadFrom(rd); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if rd.Len() != 0 {
		return nil, fmt.Errorf("%s: %d trailing bytes", path, rd.Len())
	}
	return p, nil
}

func guard(err *error, what string) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: rejected (%v)", what, r)
	}
}

// Phase1Init starts phase 1 for circuits of up to n constraints (n rounded up to a power of 2).
func (c Ceremony) Phase1Init(n uint64) error {
	n = ecc.NextPowerOfTwo(n)
	if _, err := os.Stat(c.p1("0000.bin")); err == nil {
		return errors.New("phase 1 already initialised in " + c.Dir)
	}
	params, _ := json.Marshal(map[string]uint64{"n": n})
	if err := WriteFileAtomic(c.p1("params.json"), params); err != nil {
		return err
	}
	_, err := writeTo(c.p1("0000.bin"), mpcsetup.NewPhase1(n))
	return err
}

func (c Ceremony) phase1N() (uint64, error) {
	b, err := os.ReadFile(c.p1("params.json"))
	if err != nil {
		return 0, err
	}
	var p struct{ N uint64 }
	if err := json.Unmarshal(b, &p); err != nil || p.N == 0 || ecc.NextPowerOfTwo(p.N) != p.N {
		return 0, fmt.Errorf("phase1/params.json: bad n")
	}
	return p.N, nil
}

// Phase1Contribute adds a contribution with fresh randomness (crypto/rand) on top of the last
// file, after checking that last file against its predecessor. Returns the new file and its
// SHA-256, which the contributor publishes.
func (c Ceremony) Phase1Contribute() (path, hash string, err error) {
	defer guard(&err, "phase 1 contribution")
	prev, err := contributions(c.p1(""))
	if err != nil {
		return "", "", err
	}
	last := c.p1("0000.bin")
	if len(prev) > 0 {
		last = prev[len(prev)-1]
		before := c.p1("0000.bin")
		if len(prev) > 1 {
			before = prev[len(prev)-2]
		}
		b, err := readFrom[mpcsetup.Phase1](before)
		if err != nil {
			return "", "", err
		}
		l, err := readFrom[mpcsetup.Phase1](last)
		if err != nil {
			return "", "", err
		}
		if err := b.Verify(l); err != nil {
			return "", "", fmt.Errorf("the last contribution %s does not verify: %w", last, err)
		}
	}
	p, err := readFrom[mpcsetup.Phase1](last)
	if err != nil {
		return "", "", err
	}
	p.Contribute()
	path = c.p1(numbered(len(prev) + 1))
	hash, err = writeTo(path, p)
	return path, hash, err
}

// Phase1Verify checks every phase 1 contribution in order. If beacon is non-nil, it seals
// phase 1 with it and writes beacon.hex and commons.bin; if beacon is nil and beacon.hex exists,
// it re-seals with the recorded beacon and checks commons.bin. Returns the SHA-256 of each
// contribution.
func (c Ceremony) Phase1Verify(beacon []byte) (hashes []string, err error) {
	defer guard(&err, "phase 1 verification")
	n, err := c.phase1N()
	if err != nil {
		return nil, err
	}
	init, err := os.ReadFile(c.p1("0000.bin"))
	if err != nil {
		return nil, err
	}
	fresh, _ := Bytes(mpcsetup.NewPhase1(n))
	if !bytes.Equal(init, fresh) {
		return nil, errors.New("phase1/0000.bin is not the initial state for n")
	}
	files, err := contributions(c.p1(""))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, errors.New("phase 1 has no contribution")
	}
	var cs []*mpcsetup.Phase1
	for _, f := range files {
		p, err := readFrom[mpcsetup.Phase1](f)
		if err != nil {
			return nil, err
		}
		b, _ := os.ReadFile(f)
		hashes = append(hashes, digest(b))
		cs = append(cs, p)
	}
	recorded, hadBeacon := readBeacon(c.p1("beacon.hex"))
	seal := beacon
	if seal == nil && hadBeacon {
		seal = recorded
	}
	if seal == nil {
		// verify the chain only
		prev := mpcsetup.NewPhase1(n)
		for i, p := range cs {
			if err := prev.Verify(p); err != nil {
				return nil, fmt.Errorf("contribution %d (%s): %w", i+1, files[i], err)
			}
			prev = p
		}
		return hashes, nil
	}
	if beacon != nil && hadBeacon && !bytes.Equal(beacon, recorded) {
		return nil, errors.New("phase 1 was already sealed with another beacon")
	}
	commons, err := mpcsetup.VerifyPhase1(n, seal, cs...)
	if err != nil {
		return nil, err
	}
	if err := checkCommons(&commons, n); err != nil {
		return nil, err
	}
	cb, err := Bytes(&commons)
	if err != nil {
		return nil, err
	}
	if hadBeacon {
		old, err := os.ReadFile(c.p1("commons.bin"))
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(old, cb) {
			return nil, errors.New("phase1/commons.bin does not match the contributions sealed with the recorded beacon")
		}
		return hashes, nil
	}
	if err := WriteFileAtomic(c.p1("beacon.hex"), []byte(hex.EncodeToString(seal)+"\n")); err != nil {
		return nil, err
	}
	return hashes, WriteFileAtomic(c.p1("commons.bin"), cb)
}

// checkCommons checks what mpcsetup assumes of well-formed input: the sizes, and that the first
// powers are the generators.
func checkCommons(c *mpcsetup.SrsCommons, n uint64) error {
	if uint64(len(c.G1.Tau)) != 2*n-1 || uint64(len(c.G2.Tau)) != n || uint64(len(c.G1.AlphaTau)) != n || uint64(len(c.G1.BetaTau)) != n {
		return errors.New("phase 1 output has wrong sizes")
	}
	_, _, g1, g2 := curve.Generators()
	if !c.G1.Tau[0].Equal(&g1) || !c.G2.Tau[0].Equal(&g2) {
		return errors.New("phase 1 output does not start with the generators")
	}
	return nil
}

func readBeacon(path string) ([]byte, bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	d, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil {
		return nil, false
	}
	return d, true
}

func (c Ceremony) commons() (*mpcsetup.SrsCommons, error) {
	if _, err := c.Phase1Verify(nil); err != nil {
		return nil, err
	}
	if _, ok := readBeacon(c.p1("beacon.hex")); !ok {
		return nil, errors.New("phase 1 is not sealed: run phase1-verify with a beacon first")
	}
	return readFrom[mpcsetup.SrsCommons](c.p1("commons.bin"))
}

func readCCS(path string) (*cs.R1CS, error) { return readFrom[cs.R1CS](path) }

// Phase2Init starts phase 2 for circuit name with the constraint system at ccsPath.
func (c Ceremony) Phase2Init(name, ccsPath string) (err error) {
	defer guard(&err, "phase 2 init")
	commons, err := c.commons()
	if err != nil {
		return err
	}
	r, err := readCCS(ccsPath)
	if err != nil {
		return err
	}
	if uint64(len(commons.G1.AlphaTau)) != ecc.NextPowerOfTwo(uint64(r.GetNbConstraints())) {
		return fmt.Errorf("phase 1 size %d does not match circuit %s (%d constraints): run a phase 1 of size %d",
			len(commons.G1.AlphaTau), name, r.GetNbConstraints(), ecc.NextPowerOfTwo(uint64(r.GetNbConstraints())))
	}
	raw, _ := os.ReadFile(ccsPath)
	if err := WriteFileAtomic(c.p2(name, "circuit.ccs"), raw); err != nil {
		return err
	}
	var p mpcsetup.Phase2
	p.Initialize(r, commons)
	_, err = writeTo(c.p2(name, "0000.bin"), &p)
	return err
}

// Phase2Contribute adds a contribution to phase 2 of circuit name (checking the last one first).
func (c Ceremony) Phase2Contribute(name string) (path, hash string, err error) {
	defer guard(&err, "phase 2 contribution")
	dir := c.p2(name, "")
	prev, err := contributions(dir)
	if err != nil {
		return "", "", err
	}
	last := c.p2(name, "0000.bin")
	if len(prev) > 0 {
		last = prev[len(prev)-1]
		before := c.p2(name, "0000.bin")
		if len(prev) > 1 {
			before = prev[len(prev)-2]
		}
		b, err := readFrom[mpcsetup.Phase2](before)
		if err != nil {
			return "", "", err
		}
		l, err := readFrom[mpcsetup.Phase2](last)
		if err != nil {
			return "", "", err
		}
		if err := b.Verify(l); err != nil {
			return "", "", fmt.Errorf("the last contribution %s does not verify: %w", last, err)
		}
	}
	p, err := readFrom[mpcsetup.Phase2](last)
	if err != nil {
		return "", "", err
	}
	p.Contribute()
	path = c.p2(name, numbered(len(prev)+1))
	hash, err = writeTo(path, p)
	return path, hash, err
}

// Phase2Verify checks phase 2 of circuit name: recomputes 0000.bin from the sealed phase 1 and
// the constraint system, then checks each contribution. If beacon is non-nil it seals and
// writes beacon.hex and the keys; if beacon is nil and the phase is sealed, it re-seals with the
// recorded beacon and checks the published keys byte for byte.
func (c Ceremony) Phase2Verify(name string, beacon []byte) (hashes []string, pk *groth16bn254.ProvingKey, vk *groth16bn254.VerifyingKey, err error) {
	defer guard(&err, "phase 2 verification")
	commons, err := c.commons()
	if err != nil {
		return nil, nil, nil, err
	}
	r, err := readCCS(c.p2(name, "circuit.ccs"))
	if err != nil {
		return nil, nil, nil, err
	}
	files, err := contributions(c.p2(name, ""))
	if err != nil {
		return nil, nil, nil, err
	}
	if len(files) == 0 {
		return nil, nil, nil, errors.New("phase 2 has no contribution")
	}
	var init mpcsetup.Phase2
	init.Initialize(r, commons)
	ib, _ := Bytes(&init)
	if old, err := os.ReadFile(c.p2(name, "0000.bin")); err != nil || !bytes.Equal(old, ib) {
		return nil, nil, nil, errors.New("phase2 0000.bin is not the initial state for this circuit and phase 1")
	}
	var cs []*mpcsetup.Phase2
	for _, f := range files {
		p, err := readFrom[mpcsetup.Phase2](f)
		if err != nil {
			return nil, nil, nil, err
		}
		b, _ := os.ReadFile(f)
		hashes = append(hashes, digest(b))
		cs = append(cs, p)
	}
	recorded, hadBeacon := readBeacon(c.p2(name, "beacon.hex"))
	seal := beacon
	if seal == nil && hadBeacon {
		seal = recorded
	}
	if seal == nil {
		prev := &init
		for i, p := range cs {
			if err := prev.Verify(p); err != nil {
				return nil, nil, nil, fmt.Errorf("contribution %d (%s): %w", i+1, files[i], err)
			}
			prev = p
		}
		return hashes, nil, nil, nil
	}
	if beacon != nil && hadBeacon && !bytes.Equal(beacon, recorded) {
		return nil, nil, nil, errors.New("phase 2 was already sealed with another beacon")
	}
	gpk, gvk, err := mpcsetup.VerifyPhase2(r, commons, seal, cs...)
	if err != nil {
		return nil, nil, nil, err
	}
	pk, vk = gpk.(*groth16bn254.ProvingKey), gvk.(*groth16bn254.VerifyingKey)
	pkb, _ := Bytes(pk)
	vkb, _ := Bytes(vk)
	if hadBeacon {
		oldPK, err1 := os.ReadFile(c.p2(name, name+".pk"))
		oldVK, err2 := os.ReadFile(c.p2(name, name+".vk"))
		if err1 != nil || err2 != nil || !bytes.Equal(oldPK, pkb) || !bytes.Equal(oldVK, vkb) {
			return nil, nil, nil, errors.New("the published keys do not match the transcript sealed with the recorded beacon")
		}
		return hashes, pk, vk, nil
	}
	if err := WriteFileAtomic(c.p2(name, "beacon.hex"), []byte(hex.EncodeToString(seal)+"\n")); err != nil {
		return nil, nil, nil, err
	}
	if err := WriteFileAtomic(c.p2(name, name+".pk"), pkb); err != nil {
		return nil, nil, nil, err
	}
	return hashes, pk, vk, WriteFileAtomic(c.p2(name, name+".vk"), vkb)
}
