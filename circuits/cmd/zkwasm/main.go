//go:build js && wasm

// Command zkwasm is the WebAssembly entry point (GOOS=js GOARCH=wasm): once run it sets
// globalThis.agoraZk and blocks forever. API and formats: cmd/zkwasm/README.md.
package main

import (
	"fmt"
	"runtime/debug"
	"sync"
	"syscall/js"

	"agora/circuits/hash"
	"agora/circuits/internal/fieldjson"
	"agora/circuits/zk"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	cs "github.com/consensys/gnark/constraint/bn254"
	"github.com/consensys/gnark/logger"
)

const Version = "agora-zk 2 (gnark v0.16.1, Groth16 over BN254, Poseidon2 t=2, Merkle nodes t=3)"

type prover struct {
	ccs *cs.R1CS
	pk  *groth16bn254.ProvingKey
}

var (
	mu      sync.Mutex
	provers = map[string]*prover{}
)

type jsError struct{ msg string }

func fail(format string, args ...any) { panic(jsError{fmt.Sprintf(format, args...)}) }

// wrap turns a Go function into a JS function whose failures (errors and panics) come back as
// an Error value; the JS shim below throws it.
func wrap(name string, f func(args []js.Value) any) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) (res any) {
		defer func() {
			if r := recover(); r != nil {
				msg := ""
				switch e := r.(type) {
				case jsError:
					msg = e.msg
				case error:
					msg = "internal error: " + e.Error()
				default:
					msg = fmt.Sprintf("internal error: %v", e)
				}
				res = js.Global().Get("Error").New("agoraZk." + name + ": " + msg)
			}
		}()
		return f(args)
	})
}

func arg(args []js.Value, i int, name string) js.Value {
	if i >= len(args) {
		fail("missing argument %d (%s)", i+1, name)
	}
	return args[i]
}

func str(v js.Value, name string) string {
	if v.Type() != js.TypeString {
		fail("%s must be a string, got %s", name, v.Type())
	}
	return v.String()
}

var uint8Array = js.Global().Get("Uint8Array")

func isBytes(v js.Value) bool { return v.Type() == js.TypeObject && v.InstanceOf(uint8Array) }

func bytesOf(v js.Value, name string) []byte {
	if !isBytes(v) {
		fail("%s must be a Uint8Array", name)
	}
	b := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(b, v)
	return b
}

func toJS(b []byte) js.Value {
	a := uint8Array.New(len(b))
	js.CopyBytesToJS(a, b)
	return a
}

func spec(args []js.Value) *zk.Spec {
	s, err := zk.Lookup(str(arg(args, 0, "circuit"), "circuit"))
	if err != nil {
		fail("%v", err)
	}
	return s
}

func check(err error) {
	if err != nil {
		fail("%v", err)
	}
}

func load(s *zk.Spec, ccsV, pkV js.Value) *prover {
	ccs, err := zk.ReadCCS(s, bytesOf(ccsV, "ccs"))
	check(err)
	pk, err := zk.ReadProvingKey(s, bytesOf(pkV, "pk"))
	check(err)
	if int(pk.Domain.Cardinality) < ccs.GetNbConstraints() {
		fail("proving key (domain %d) does not fit the constraint system (%d constraints)", pk.Domain.Cardinality, ccs.GetNbConstraints())
	}
	p := &prover{ccs: ccs, pk: pk}
	mu.Lock()
	provers[s.Name] = p
	mu.Unlock()
	return p
}

var vkCache = map[string]*groth16bn254.VerifyingKey{} // circuit + "\x00" + vk bytes → decoded key

// verifyingKey decodes (and caches, up to 32 keys) a verifying key: decoding checks every point
// and computes e(α, β), which is about half of a verification's cost.
func verifyingKey(s *zk.Spec, b []byte) *groth16bn254.VerifyingKey {
	key := s.Name + "\x00" + string(b)
	mu.Lock()
	vk := vkCache[key]
	mu.Unlock()
	if vk != nil {
		return vk
	}
	vk, err := zk.ReadVerifyingKey(s, b)
	check(err)
	mu.Lock()
	if len(vkCache) >= 32 {
		clear(vkCache)
	}
	vkCache[key] = vk
	mu.Unlock()
	return vk
}

func elem(v js.Value, name string) fr.Element {
	x, err := fieldjson.Parse(name, str(v, name))
	check(err)
	return hash.FromBig(x)
}

func elems(v js.Value, name string) []fr.Element {
	if v.Type() != js.TypeObject || !js.Global().Get("Array").Call("isArray", v).Bool() {
		fail("%s must be an array of strings", name)
	}
	out := make([]fr.Element, v.Length())
	for i := range out {
		out[i] = elem(v.Index(i), fmt.Sprintf("%s[%d]", name, i))
	}
	return out
}

func hashFn(name string, arity int, f func(e []fr.Element) fr.Element) js.Func {
	return wrap(name, func(args []js.Value) any {
		if len(args) != arity {
			fail("takes %d arguments (decimal or 0x-hex strings), got %d", arity, len(args))
		}
		e := make([]fr.Element, arity)
		for i := range e {
			e[i] = elem(args[i], fmt.Sprintf("argument %d", i+1))
		}
		return hash.String(f(e))
	})
}

func main() {
	logger.Disable()
	// Fewer collections while proving (the heap is dominated by the proving key, which stays).
	debug.SetGCPercent(400)
	api := map[string]any{
		"version":  Version,
		"circuits": toArray(zk.Names),
		// load(circuit, ccs, pk): parse and cache the prover's inputs.
		"load": wrap("load", func(args []js.Value) any {
			s := spec(args)
			load(s, arg(args, 1, "ccs"), arg(args, 2, "pk"))
			return js.Undefined()
		}),
		// prove(circuit, witnessJson, ccs?, pk?) → {proof, publicWitness}
		"prove": wrap("prove", func(args []js.Value) any {
			s := spec(args)
			w := str(arg(args, 1, "witnessJson"), "witnessJson")
			var p *prover
			if len(args) >= 4 && !args[2].IsUndefined() && !args[2].IsNull() {
				p = load(s, args[2], args[3])
			} else {
				mu.Lock()
				p = provers[s.Name]
				mu.Unlock()
				if p == nil {
					fail("no constraint system and proving key for %q: pass them, or call load first", s.Name)
				}
			}
			defer debug.FreeOSMemory() // return the prover's scratch memory
			proof, public, err := zk.Prove(s, p.ccs, p.pk, []byte(w))
			check(err)
			o := js.Global().Get("Object").New()
			o.Set("proof", toJS(proof))
			o.Set("publicWitness", toJS(public))
			return o
		}),
		// verify(circuit, vk, publicWitness | publicInputsJson, proof) → boolean
		"verify": wrap("verify", func(args []js.Value) any {
			s := spec(args)
			vk := bytesOf(arg(args, 1, "vk"), "vk")
			pv := arg(args, 2, "publicWitness")
			var public []byte
			if pv.Type() == js.TypeString {
				var err error
				public, err = zk.PublicWitnessFromJSON(s, []byte(pv.String()))
				check(err)
			} else {
				public = bytesOf(pv, "publicWitness (Uint8Array, or public inputs as a JSON string)")
			}
			proof := bytesOf(arg(args, 3, "proof"), "proof")
			ok, err := zk.VerifyWithKey(s, verifyingKey(s, vk), public, proof)
			check(err)
			return ok
		}),
		// publicWitness(circuit, publicInputsJson) → Uint8Array
		"publicWitness": wrap("publicWitness", func(args []js.Value) any {
			s := spec(args)
			b, err := zk.PublicWitnessFromJSON(s, []byte(str(arg(args, 1, "publicInputsJson"), "publicInputsJson")))
			check(err)
			return toJS(b)
		}),
		// hash(inputs: string[]) → string: H(x1..xn)
		"hash": wrap("hash", func(args []js.Value) any {
			return hash.String(hash.Hash(elems(arg(args, 0, "inputs"), "inputs")...))
		}),
		// tag(label) → string: the field element of a domain label
		"tag": wrap("tag", func(args []js.Value) any {
			l := str(arg(args, 0, "label"), "label")
			if len(l) > 31 {
				fail("label longer than 31 bytes")
			}
			return hash.String(hash.Tag(l))
		}),
		"valueCommitment":       hashFn("valueCommitment", 3, func(e []fr.Element) fr.Element { return hash.ValueCommitment(e[0], e[1], e[2]) }),
		"owner":                 hashFn("owner", 1, func(e []fr.Element) fr.Element { return hash.Owner(e[0]) }),
		"noteCommitment":        hashFn("noteCommitment", 4, func(e []fr.Element) fr.Element { return hash.NoteCommitment(e[0], e[1], e[2], e[3]) }),
		"nullifier":             hashFn("nullifier", 3, func(e []fr.Element) fr.Element { return hash.Nullifier(e[0], e[1], e[2]) }),
		"merkleNode":            hashFn("merkleNode", 2, func(e []fr.Element) fr.Element { return hash.MerkleNode(e[0], e[1]) }),
		"identityCommitment":    hashFn("identityCommitment", 1, func(e []fr.Element) fr.Element { return hash.IdentityCommitment(e[0]) }),
		"voteNullifier":         hashFn("voteNullifier", 2, func(e []fr.Element) fr.Element { return hash.VoteNullifier(e[0], e[1]) }),
		"attestationCommitment": hashFn("attestationCommitment", 4, func(e []fr.Element) fr.Element { return hash.AttestationCommitment(e[0], e[1], e[2], e[3]) }),
		// merkleRoot(leaf, position, path: string[32]) → string
		"merkleRoot": wrap("merkleRoot", func(args []js.Value) any {
			leaf := elem(arg(args, 0, "leaf"), "leaf")
			posE := elem(arg(args, 1, "position"), "position")
			var pb = posE.Bits()
			if pb[1] != 0 || pb[2] != 0 || pb[3] != 0 || pb[0] >= 1<<hash.Depth {
				fail("position must be below 2^%d", hash.Depth)
			}
			p := elems(arg(args, 2, "path"), "path")
			if len(p) != hash.Depth {
				fail("path must have %d elements", hash.Depth)
			}
			var path [hash.Depth]fr.Element
			copy(path[:], p)
			return hash.String(hash.RootFromPath(leaf, pb[0], path))
		}),
	}
	// The shim turns returned Error values into thrown exceptions.
	shim := js.Global().Get("Function").New("api", `
		const out = {};
		for (const [k, v] of Object.entries(api)) {
			out[k] = typeof v !== "function" ? v : function (...a) {
				const r = v(...a);
				if (r instanceof Error) throw r;
				return r;
			};
		}
		return Object.freeze(out);`)
	js.Global().Set("agoraZk", shim.Invoke(js.ValueOf(api)))
	select {} // keep the Go program (and the functions above) alive
}

func toArray(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
