// Command zkbench prints native Go numbers per circuit: constraints, setup, proving and
// verification times (median of --n runs), proof and key sizes, peak heap.
//
//	go run ./cmd/zkbench [--n 5] [circuit...]
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
	flag.Parse()
	names := flag.Args()
	if len(names) == 0 {
		names = zk.Names
	}
	witnesses := map[string]any{"range": fixtures.Range(), "spend": fixtures.Spend(), "vote": fixtures.Vote(), "identity": fixtures.Identity()}
	fmt.Printf("GOMAXPROCS=%d %s\n", runtime.GOMAXPROCS(0), runtime.Version())
	fmt.Printf("%-9s %11s %9s %9s %10s %10s %7s %11s %7s %11s %9s\n", "circuit", "constraints", "compile", "setup", "prove", "verify", "proof", "pk(raw)", "vk", "ccs", "heap")
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
		fmt.Printf("%-9s %11d %9s %9s %10s %10s %7d %11d %7d %11d %7dMiB\n", name, r.GetNbConstraints(),
			compile.Round(time.Millisecond), st.Round(time.Millisecond), median(proves).Round(time.Millisecond),
			median(verifies).Round(10*time.Microsecond), len(proof), pkLen, len(vkb), ccsLen, peak>>20)
	}
}
