// Package setup makes Groth16 (BN254) keys: the deterministic, UNSAFE development setup that
// `make circuits` runs, and the MPC ceremony (gnark's backend/groth16/bn254/mpcsetup) whose
// transcript a third party can verify.
package setup

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"sync"

	"github.com/consensys/gnark/backend/groth16"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	cs "github.com/consensys/gnark/constraint/bn254"
)

// DevLabel seeds the development setup. Anyone can recompute its toxic waste from this public
// label, so keys made from it let anyone forge proofs: UNSAFE, for development and tests only.
const DevLabel = "agora-zk UNSAFE development setup v1"

// UnsafeNotice is written next to the development keys (keys/UNSAFE-DEV-SETUP.txt).
const UnsafeNotice = `UNSAFE DEVELOPMENT SETUP - DO NOT USE IN PRODUCTION

The Groth16 keys in this folder were made by circuits/setup.DevSetup: gnark v0.16.1's
groth16.Setup with its randomness (the toxic waste tau, alpha, beta, gamma, delta) drawn from a
deterministic stream seeded by the public label
    "` + DevLabel + `/<circuit>".
Anyone can recompute the toxic waste and forge proofs for these keys. They exist so that builds
and tests are reproducible. Production keys come from the MPC ceremony (cmd/zkceremony).
`

// seededReader is SHA-256 in counter mode: block i = SHA-256(seed || uint64_be(i)).
type seededReader struct {
	seed    []byte
	counter uint64
	buf     []byte
}

func (r *seededReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(r.buf) == 0 {
			var c [8]byte
			binary.BigEndian.PutUint64(c[:], r.counter)
			r.counter++
			h := sha256.Sum256(append(append([]byte{}, r.seed...), c[:]...))
			r.buf = h[:]
		}
		k := copy(p[n:], r.buf)
		r.buf = r.buf[k:]
		n += k
	}
	return n, nil
}

var devMu sync.Mutex

// DevSetup runs gnark's groth16.Setup for circuit name with crypto/rand.Reader replaced, for the
// duration of the call, by a SHA-256 counter stream seeded with DevLabel + "/" + name. In gnark
// v0.16.1 the only randomness Setup draws for a circuit without commitments is its toxic waste
// (sampleToxicWaste, through fr.Element.SetRandom reading crypto/rand.Reader), so the keys are a
// deterministic function of (gnark version, constraint system, name). The caller must not use
// crypto/rand concurrently (the zkceremony `dev` command and the tests do not).
//
// Why not the MPC code path with no contributors and a fixed beacon: mpcsetup's phase-2
// initialisation is single-threaded and takes over a minute for the spend circuit on the CI
// machine, far over the build budget; groth16.Setup takes a few seconds.
func DevSetup(name string, ccs *cs.R1CS) (pk *groth16bn254.ProvingKey, vk *groth16bn254.VerifyingKey, err error) {
	devMu.Lock()
	defer devMu.Unlock()
	saved := rand.Reader
	rand.Reader = &seededReader{seed: []byte(DevLabel + "/" + name)}
	defer func() { rand.Reader = saved }()
	gpk, gvk, err := groth16.Setup(ccs)
	if err != nil {
		return nil, nil, fmt.Errorf("dev setup %s: %w", name, err)
	}
	return gpk.(*groth16bn254.ProvingKey), gvk.(*groth16bn254.VerifyingKey), nil
}
