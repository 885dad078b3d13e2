// Command zkceremony runs Agora's Groth16 setups.
//
//	zkceremony dev --out DIR [circuit...]          UNSAFE deterministic development keys
//	zkceremony compile --out DIR [circuit...]      write DIR/<circuit>.ccs
//	zkceremony phase1-init --dir D --constraints N (or --circuit NAME)
//	zkceremony phase1-contribute --dir D
//	zkceremony phase1-verify --dir D [--beacon HEX]   (with --beacon: verify and seal phase 1)
//	zkceremony phase2-init --dir D --circuit NAME --ccs FILE
//	zkceremony phase2-contribute --dir D --circuit NAME
//	zkceremony phase2-verify --dir D --circuit NAME
//	zkceremony keys --dir D --circuit NAME --beacon HEX [--out DIR]   (alias: seal)
//
// Verification commands re-check the whole transcript; run without --beacon on a sealed
// transcript they recompute the seal from the recorded beacon and compare the outputs.
package main

import (
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"agora/circuits/setup"
	"agora/circuits/zk"

	"github.com/consensys/gnark/logger"
)

func usage() {
	fmt.Fprintln(os.Stderr, `usage: zkceremony COMMAND [flags]
commands:
  dev --out DIR [circuit...]            UNSAFE deterministic development setup (all circuits by default)
  compile --out DIR [circuit...]        write constraint systems DIR/<circuit>.ccs
  phase1-init --dir D (--constraints N | --circuit NAME)
  phase1-contribute --dir D
  phase1-verify --dir D [--beacon HEX]  verify phase 1; with --beacon also seal it
  phase2-init --dir D --circuit NAME [--ccs FILE]
  phase2-contribute --dir D --circuit NAME
  phase2-verify --dir D --circuit NAME  verify phase 2 (and the published keys once sealed)
  keys|seal --dir D --circuit NAME --beacon HEX [--out DIR]   verify, seal, write NAME.pk/.vk`)
	os.Exit(2)
}

func die(err error) {
	fmt.Fprintln(os.Stderr, "zkceremony:", err)
	os.Exit(1)
}

func circuits(args []string) []string {
	if len(args) == 0 {
		return zk.Names
	}
	return args
}

func main() {
	logger.Disable()
	if len(os.Args) < 2 {
		usage()
	}
	cmd := os.Args[1]
	fs := flag.NewFlagSet(cmd, flag.ExitOnError)
	dir := fs.String("dir", "", "ceremony transcript directory")
	out := fs.String("out", "", "output directory")
	circuit := fs.String("circuit", "", "circuit name")
	ccs := fs.String("ccs", "", "constraint system file (default: compile the circuit)")
	constraints := fs.Uint64("constraints", 0, "phase 1 size: number of constraints (rounded up to a power of 2)")
	beaconHex := fs.String("beacon", "", "public beacon, hex")
	fs.Parse(os.Args[2:])
	beacon := func(required bool) []byte {
		if *beaconHex == "" {
			if required {
				die(fmt.Errorf("--beacon is required"))
			}
			return nil
		}
		b, err := hex.DecodeString(strings.TrimPrefix(*beaconHex, "0x"))
		if err != nil || len(b) == 0 {
			die(fmt.Errorf("--beacon: not hex"))
		}
		return b
	}
	need := func(v *string, name string) string {
		if *v == "" {
			die(fmt.Errorf("--%s is required", name))
		}
		return *v
	}
	c := setup.Ceremony{Dir: *dir}
	switch cmd {
	case "dev":
		err := setup.DevBuild(need(out, "out"), circuits(fs.Args()), func(f string, a ...any) { fmt.Printf(f+"\n", a...) })
		if err != nil {
			die(err)
		}
	case "compile":
		for _, n := range circuits(fs.Args()) {
			s, err := zk.Lookup(n)
			if err != nil {
				die(err)
			}
			r, err := zk.Compile(s)
			if err != nil {
				die(err)
			}
			if err := setup.WriteKeys(need(out, "out"), n, r, nil, nil); err != nil {
				die(err)
			}
			fmt.Printf("%s: %d constraints\n", n, r.GetNbConstraints())
		}
	case "phase1-init":
		need(dir, "dir")
		n := *constraints
		if *circuit != "" {
			s, err := zk.Lookup(*circuit)
			if err != nil {
				die(err)
			}
			r, err := zk.Compile(s)
			if err != nil {
				die(err)
			}
			n = uint64(r.GetNbConstraints())
		}
		if n == 0 {
			die(fmt.Errorf("--constraints or --circuit is required"))
		}
		if err := c.Phase1Init(n); err != nil {
			die(err)
		}
		fmt.Println("phase 1 initialised in", *dir)
	case "phase1-contribute":
		need(dir, "dir")
		p, h, err := c.Phase1Contribute()
		if err != nil {
			die(err)
		}
		fmt.Printf("contribution written to %s\nsha256 %s  (publish this hash)\n", p, h)
	case "phase1-verify":
		need(dir, "dir")
		hs, err := c.Phase1Verify(beacon(false))
		if err != nil {
			die(err)
		}
		for i, h := range hs {
			fmt.Printf("phase 1 contribution %d sha256 %s: ok\n", i+1, h)
		}
		fmt.Println("phase 1 verified")
	case "phase2-init":
		need(dir, "dir")
		name := need(circuit, "circuit")
		path := *ccs
		if path == "" {
			s, err := zk.Lookup(name)
			if err != nil {
				die(err)
			}
			r, err := zk.Compile(s)
			if err != nil {
				die(err)
			}
			tmp := filepath.Join(*dir, "phase2", name)
			if err := setup.WriteKeys(tmp, name, r, nil, nil); err != nil {
				die(err)
			}
			path = filepath.Join(tmp, name+".ccs")
		}
		if err := c.Phase2Init(name, path); err != nil {
			die(err)
		}
		fmt.Println("phase 2 initialised for", name)
	case "phase2-contribute":
		need(dir, "dir")
		p, h, err := c.Phase2Contribute(need(circuit, "circuit"))
		if err != nil {
			die(err)
		}
		fmt.Printf("contribution written to %s\nsha256 %s  (publish this hash)\n", p, h)
	case "phase2-verify":
		need(dir, "dir")
		hs, _, _, err := c.Phase2Verify(need(circuit, "circuit"), nil)
		if err != nil {
			die(err)
		}
		for i, h := range hs {
			fmt.Printf("phase 2 contribution %d sha256 %s: ok\n", i+1, h)
		}
		fmt.Println("phase 2 verified")
	case "keys", "seal":
		need(dir, "dir")
		name := need(circuit, "circuit")
		_, pk, vk, err := c.Phase2Verify(name, beacon(true))
		if err != nil {
			die(err)
		}
		if *out != "" {
			if err := setup.WriteKeys(*out, name, nil, pk, vk); err != nil {
				die(err)
			}
		}
		fmt.Printf("keys for %s sealed and written to %s\n", name, filepath.Join(*dir, "phase2", name))
	default:
		usage()
	}
}
