// Command zkbench prints native Go numbers per circuit: constraints, setup, proving and
// verification times (median of --n runs), proof and key sizes, peak heap.
//
//	go run ./cmd/zkbench [--n 5] [--json] [circuit...]
//
// With --json, stdout is one JSON object instead of the table (times in milliseconds, sizes in
// bytes):
//
//	{"goVersion": "go1.26.8", "gomaxprocs": 2, "runs": 5, "circuits": [{"circuit": "range",
//	 "constraints": 624, "compileMs": 12.3, "setupMs": 45.6, "proveMs": 32.1, "verifyMs": 1.3,
//	 "proofBytes": 164, "pkBytes": 255000, "vkBytes": 364, "ccsBytes": 71000, "heapMiB": 12}, …]}
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"sort"
	"time"

	"agora/circuits/fixtures"
	"agora/circuits/setup"
	"agora/circuits/zk"

	"github.com/consensys/gnark/logger"
)

func median(d []time.Duration) time.Duration {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[len(d)/2]
}

func main() {
	logger.Disable()
	n := flag.Int("n", 5, "runs per measurement")
	asJSON := flag.Bool("json", false, "print one JSON object instead of the table")
	flag.Parse()
	if *n < 1 {
		fmt.Fprintln(os.Stderr, "zkbench: --n must be at least 1")
		os.Exit(2)
	}
	names := flag.Args()
	if len(names) == 0 {
		names = zk.Names
	}
	witnesses := map[string]any{"range": fixtures.Range(), "spend": fixtures.Spend(), "vote": fixtures.Vote(), "identity": fixtures.Identity()}
	report := benchReport{GoVersion: runtime.Version(), GOMAXPROCS: runtime.GOMAXPROCS(0), Runs: *n, Circuits: []circuitReport{}}
	if !*asJSON {
		fmt.Printf("GOMAXPROCS=%d %s\n", runtime.GOMAXPROCS(0), runtime.Version())
		fmt.Printf("%-9s %11s %9s %9s %10s %10s %7s %11s %7s %11s %9s\n", "circuit", "constraints", "compile", "setup", "prove", "verify", "proof", "pk(raw)", "vk", "ccs", "heap")
	}
	for _, name := range names {
		s, err := zk.Lookup(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		t := time.Now()
		r, err := zk.Compile(s)
		if err != nil {
			panic(err)
		}
		compile := time.Since(t)
		t = time.Now()
		pk, vk, err := setup.DevSetup(name, r)
		if err != nil {
			panic(err)
		}
		st := time.Since(t)
		vkb, _ := setup.Bytes(vk)
		var pkLen, ccsLen int
		{
			d, _ := os.MkdirTemp("", "zkbench")
			setup.WriteKeys(d, name, r, pk, nil)
			a, _ := os.Stat(d + "/" + name + ".pk")
			b, _ := os.Stat(d + "/" + name + ".ccs")
			pkLen, ccsLen = int(a.Size()), int(b.Size())
			os.RemoveAll(d)
		}
		wj, _ := json.Marshal(witnesses[name])
		var proves, verifies []time.Duration
		var proof, public []byte
		runtime.GC()
		var ms runtime.MemStats
		var peak uint64
		for i := 0; i < *n; i++ {
			t = time.Now()
			proof, public, err = zk.Prove(s, r, pk, wj)
			if err != nil {
				panic(err)
			}
			proves = append(proves, time.Since(t))
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapSys)
			t = time.Now()
			ok, err := zk.Verify(s, vkb, public, proof)
			if !ok || err != nil {
				panic(fmt.Sprint("verify failed: ", err))
			}
			verifies = append(verifies, time.Since(t))
		}
		if *asJSON {
			report.Circuits = append(report.Circuits, circuitReport{
				Circuit: name, Constraints: r.GetNbConstraints(), CompileMs: millis(compile), SetupMs: millis(st),
				ProveMs: millis(median(proves)), VerifyMs: millis(median(verifies)), ProofBytes: len(proof),
				PKBytes: pkLen, VKBytes: len(vkb), CCSBytes: ccsLen, HeapMiB: peak >> 20,
			})
			continue
		}
		fmt.Printf("%-9s %11d %9s %9s %10s %10s %7d %11d %7d %11d %7dMiB\n", name, r.GetNbConstraints(),
			compile.Round(time.Millisecond), st.Round(time.Millisecond), median(proves).Round(time.Millisecond),
			median(verifies).Round(10*time.Microsecond), len(proof), pkLen, len(vkb), ccsLen, peak>>20)
	}
	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(report); err != nil {
			fmt.Fprintln(os.Stderr, "zkbench:", err)
			os.Exit(1)
		}
	}
}

type benchReport struct {
	GoVersion  string          `json:"goVersion"`
	GOMAXPROCS int             `json:"gomaxprocs"`
	Runs       int             `json:"runs"`
	Circuits   []circuitReport `json:"circuits"`
}

type circuitReport struct {
	Circuit     string  `json:"circuit"`
	Constraints int     `json:"constraints"`
	CompileMs   float64 `json:"compileMs"`
	SetupMs     float64 `json:"setupMs"`
	ProveMs     float64 `json:"proveMs"`  // median
	VerifyMs    float64 `json:"verifyMs"` // median
	ProofBytes  int     `json:"proofBytes"`
	PKBytes     int     `json:"pkBytes"` // raw (uncompressed points), as written to build/keys
	VKBytes     int     `json:"vkBytes"`
	CCSBytes    int     `json:"ccsBytes"`
	HeapMiB     uint64  `json:"heapMiB"` // peak heap (HeapSys) while proving
}

func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
