package setup_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"agora/circuits/fixtures"
	"agora/circuits/internal/testkeys"
	"agora/circuits/setup"
	"agora/circuits/zk"
)

func TestDevSetupDeterministic(t *testing.T) {
	s, _ := zk.Lookup("range")
	r, err := zk.Compile(s)
	if err != nil {
		t.Fatal(err)
	}
	_, vk1, err := setup.DevSetup("range", r)
	if err != nil {
		t.Fatal(err)
	}
	pk2, vk2, err := setup.DevSetup("range", r)
	if err != nil {
		t.Fatal(err)
	}
	b1, _ := setup.Bytes(vk1)
	b2, _ := setup.Bytes(vk2)
	if !bytes.Equal(b1, b2) {
		t.Fatal("development setup is not deterministic")
	}
	_, vk3, _ := setup.DevSetup("range-other-label", r)
	b3, _ := setup.Bytes(vk3)
	if bytes.Equal(b1, b3) {
		t.Fatal("the label does not change the keys")
	}
	proof, public, err := zk.Prove(s, r, pk2, testkeys.JSON(t, fixtures.Range()))
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := zk.Verify(s, b1, public, proof); !ok || err != nil {
		t.Fatalf("dev keys do not verify: %v", err)
	}
}

func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestCeremonyThreeContributors(t *testing.T) {
	dir := t.TempDir()
	c := setup.Ceremony{Dir: dir}
	s, _ := zk.Lookup("range")
	r, err := zk.Compile(s)
	if err != nil {
		t.Fatal(err)
	}
	ccsPath := filepath.Join(dir, "range.ccs")
	if err := setup.WriteKeys(dir, "range", r, nil, nil); err != nil {
		t.Fatal(err)
	}

	if err := c.Phase1Init(uint64(r.GetNbConstraints())); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if _, _, err := c.Phase1Contribute(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.Phase1Verify(nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Phase1Verify([]byte("phase 1 beacon: block 123456 hash")); err != nil {
		t.Fatal(err)
	}
	if err := c.Phase2Init("range", ccsPath); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if _, _, err := c.Phase2Contribute("range"); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, _, err := c.Phase2Verify("range", nil); err != nil {
		t.Fatal(err)
	}
	hashes, pk, vk, err := c.Phase2Verify("range", []byte("phase 2 beacon: block 123999 hash"))
	if err != nil {
		t.Fatal(err)
	}
	if len(hashes) != 3 {
		t.Fatalf("%d phase 2 contributions", len(hashes))
	}
	vkb, _ := setup.Bytes(vk)
	proof, public, err := zk.Prove(s, r, pk, testkeys.JSON(t, fixtures.Range()))
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := zk.Verify(s, vkb, public, proof); !ok || err != nil {
		t.Fatalf("ceremony keys do not verify a valid proof: %v", err)
	}
	// the dev keys' proof does not verify under the ceremony key
	devProof, devPublic := testkeys.ProveVerify(t, "range", fixtures.Range())
	if ok, _ := zk.Verify(s, vkb, devPublic, devProof); ok {
		t.Fatal("a proof from other keys verified")
	}

	// a third party re-verifies the whole sealed transcript
	if _, err := c.Phase1Verify(nil); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := c.Phase2Verify("range", nil); err != nil {
		t.Fatal(err)
	}

	// tampered transcripts are rejected
	tamper := func(what string, f func(d string)) {
		t.Helper()
		d := t.TempDir()
		copyDir(t, dir, d)
		f(d)
		tc := setup.Ceremony{Dir: d}
		_, err1 := tc.Phase1Verify(nil)
		_, _, _, err2 := tc.Phase2Verify("range", nil)
		if err1 == nil && err2 == nil {
			t.Fatalf("%s: tampered transcript accepted", what)
		}
	}
	flip := func(path string, off int) func(string) {
		return func(d string) {
			p := filepath.Join(d, path)
			b, _ := os.ReadFile(p)
			b[off%len(b)] ^= 0x01
			os.WriteFile(p, b, 0o644)
		}
	}
	for _, off := range []int{100, -1} {
		o := off
		if o < 0 {
			o = 1 << 30 // last bytes
		}
		tamper("phase 1 contribution 2 flipped", flip("phase1/0002.bin", o))
		tamper("phase 2 contribution 2 flipped", flip("phase2/range/0002.bin", o))
	}
	tamper("phase 2 contribution replaced", func(d string) {
		b, _ := os.ReadFile(filepath.Join(d, "phase2/range/0001.bin"))
		os.WriteFile(filepath.Join(d, "phase2/range/0002.bin"), b, 0o644)
	})
	tamper("phase 1 contribution removed", func(d string) {
		os.Rename(filepath.Join(d, "phase1/0003.bin"), filepath.Join(d, "phase1/0002.bin"))
	})
	tamper("vk swapped", func(d string) {
		b, _ := os.ReadFile(filepath.Join(d, "phase2/range/range.vk"))
		b[len(b)-1] ^= 1
		os.WriteFile(filepath.Join(d, "phase2/range/range.vk"), b, 0o644)
	})
	tamper("beacon changed", func(d string) {
		os.WriteFile(filepath.Join(d, "phase2/range/beacon.hex"), []byte("00\n"), 0o644)
	})
	// a contribution that does not follow its predecessor is refused before contributing on it
	d := t.TempDir()
	copyDir(t, dir, d)
	flip("phase2/range/0003.bin", 3000)(d)
	if _, _, err := (setup.Ceremony{Dir: d}).Phase2Contribute("range"); err == nil {
		t.Fatal("contributed on top of a tampered contribution")
	}
}
