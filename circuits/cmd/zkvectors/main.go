// Command zkvectors writes the cross-language test vectors that TypeScript reads:
//
//	zkvectors --keys build/keys --out build/vectors
//
// hash.json, notes.json, merkle.json, identity.json (all deterministic) and proofs.json (one
// valid proof per circuit with its vk and public inputs, plus invalid variants, and witnesses
// that must fail to prove; proofs are randomized, so this file changes from run to run). Field elements are decimal strings, bytes
// are lowercase hex without 0x.
package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"math/big"
	"os"
	"path/filepath"

	"agora/circuits/fixtures"
	"agora/circuits/hash"
	"agora/circuits/internal/fieldjson"
	"agora/circuits/setup"
	"agora/circuits/zk"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/logger"
)

var S = fixtures.S
var U = fixtures.U
var E = fixtures.Elem

func strs(es ...fr.Element) []string {
	out := make([]string, len(es))
	for i := range es {
		out[i] = S(es[i])
	}
	return out
}

func write(dir, name string, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		die(err)
	}
	if err := setup.WriteFileAtomic(filepath.Join(dir, name), append(b, '\n')); err != nil {
		die(err)
	}
}

func die(err error) {
	fmt.Fprintln(os.Stderr, "zkvectors:", err)
	os.Exit(1)
}

type kv = map[string]any

func hashVectors() kv {
	var minus1 fr.Element
	minus1.SetInt64(-1)
	inputs := [][]fr.Element{
		{}, {U(0)}, {U(1)}, {U(0), U(0)}, {U(1), U(2)}, {U(1), U(2), U(3)}, {U(1), U(2), U(3), U(4), U(5)},
		{minus1}, {minus1, minus1}, {E("a"), E("b"), E("c"), E("d")},
	}
	var cases []kv
	for _, in := range inputs {
		cases = append(cases, kv{"inputs": strs(in...), "output": S(hash.Hash(in...))})
	}
	var comp []kv
	for _, p := range [][2]fr.Element{{U(0), U(0)}, {U(1), U(2)}, {minus1, E("x")}} {
		comp = append(comp, kv{"left": S(p[0]), "right": S(p[1]), "output": S(hash.Compress(p[0], p[1]))})
	}
	var perm3 []kv
	for _, in := range [][3]fr.Element{{U(0), U(0), U(0)}, {U(0), U(1), U(2)}, {minus1, minus1, minus1}, {hash.TagMerkle, U(1), U(2)}} {
		out := hash.Permute3(in)
		perm3 = append(perm3, kv{"input": strs(in[:]...), "output": strs(out[:]...)})
	}
	tags := kv{}
	for _, l := range hash.Labels {
		tags[l] = S(hash.Tag(l))
	}
	return kv{
		"description":  "Poseidon2 over BN254 (gnark-crypto v0.21.0 default parameters: t=2, rF=6, rP=50, d=5); Compress(l,r)=P(l,r)[1]+r; Hash(x1..xn): s0=0, s_i=Compress(s_{i-1}, x_i). permutation3: P3, t=3, rF=8, rP=56, d=5 (gnark-crypto NewPermutation(3, 8, 56)); MerkleNode(l,r)=P3(T_MERKLE,l,r)[1]",
		"modulus":      fieldjson.Modulus.String(),
		"compress":     comp,
		"permutation3": perm3,
		"hash":         cases,
		"tags":         tags,
		"zeroHashes":   strs(hash.ZeroHashes[:]...),
	}
}

func notesVectors() kv {
	var vcs, owners, notes, nfs []kv
	for i, v := range []uint64{0, 1, 123456789, 1<<64 - 1} {
		a, b := U(uint64(i+1)), E(fmt.Sprint("blinding", i))
		vcs = append(vcs, kv{"value": fmt.Sprint(v), "asset": S(a), "blinding": S(b), "commitment": S(hash.ValueCommitment(U(v), a, b))})
	}
	for i := 0; i < 3; i++ {
		sk := E(fmt.Sprint("sk", i))
		owners = append(owners, kv{"spendKey": S(sk), "owner": S(hash.Owner(sk))})
		n := fixtures.Note{Value: U(uint64(100 * (i + 1))), Asset: U(uint64(i)), Owner: hash.Owner(sk), Blinding: E(fmt.Sprint("nb", i))}
		cm := n.Commitment()
		notes = append(notes, kv{"value": S(n.Value), "asset": S(n.Asset), "owner": S(n.Owner), "blinding": S(n.Blinding), "commitment": S(cm)})
		pos := U(uint64(i * 1000))
		nfs = append(nfs, kv{"spendKey": S(sk), "position": S(pos), "commitment": S(cm), "nullifier": S(hash.Nullifier(sk, pos, cm))})
	}
	return kv{"valueCommitments": vcs, "owners": owners, "noteCommitments": notes, "nullifiers": nfs}
}

func merkleVectors() kv {
	sc := fixtures.NewSpend()
	var paths []kv
	for i := range sc.Leaves {
		p, _ := sc.Tree.Path(uint64(i))
		paths = append(paths, kv{"position": fmt.Sprint(i), "leaf": S(sc.Leaves[i]), "path": strs(p[:]...)})
	}
	single := hash.NewTree([]fr.Element{U(42)})
	return kv{
		"depth":            hash.Depth,
		"emptyRoot":        S(hash.ZeroHashes[hash.Depth]),
		"singleLeaf42":     kv{"leaves": []string{"42"}, "root": S(single.Root())},
		"leaves":           strs(sc.Leaves...),
		"root":             S(sc.Tree.Root()),
		"paths":            paths,
		"node":             kv{"left": "1", "right": "2", "output": S(hash.MerkleNode(U(1), U(2)))},
		"positionBitOrder": "bit d of the position (least significant first) is 0 when the node at height d is a left child",
	}
}

func identityVectors() kv {
	var ids, vnfs, atts []kv
	for i := 0; i < 3; i++ {
		s := E(fmt.Sprint("identity", i))
		ids = append(ids, kv{"identitySecret": S(s), "identityCommitment": S(hash.IdentityCommitment(s))})
		p := U(uint64(40 + i))
		vnfs = append(vnfs, kv{"proposalId": S(p), "identitySecret": S(s), "nullifier": S(hash.VoteNullifier(p, s))})
		bd, c, salt := U(uint64(19900101+i)), U(uint64(250+i)), E(fmt.Sprint("salt", i))
		atts = append(atts, kv{"identitySecret": S(s), "birthDate": S(bd), "country": S(c), "salt": S(salt), "attestation": S(hash.AttestationCommitment(s, bd, c, salt))})
	}
	vs := fixtures.NewVote()
	return kv{"identityCommitments": ids, "voteNullifiers": vnfs, "attestations": atts,
		"voterSet": kv{"secrets": strs(vs.Secrets...), "root": S(vs.Tree.Root())}}
}

func publicOnly(s *zk.Spec, full []byte) kv {
	// drop private fields by round-tripping through the public witness JSON shape
	var m map[string]any
	json.Unmarshal(full, &m)
	priv := map[string][]string{
		"range":    {"value", "asset", "blinding"},
		"spend":    {"inputs", "outputs"},
		"vote":     {"identitySecret", "position", "path"},
		"identity": {"identitySecret", "birthDate", "country", "salt"},
	}
	for _, k := range priv[s.Name] {
		delete(m, k)
	}
	return m
}

func proofVectors(keys string) kv {
	witnesses := map[string]any{"range": fixtures.Range(), "spend": fixtures.Spend(), "vote": fixtures.Vote(), "identity": fixtures.Identity()}
	out := kv{}
	for _, name := range zk.Names {
		s, _ := zk.Lookup(name)
		read := func(ext string) []byte {
			b, err := os.ReadFile(filepath.Join(keys, name+"."+ext))
			if err != nil {
				die(err)
			}
			return b
		}
		ccs, err := zk.ReadCCS(s, read("ccs"))
		if err != nil {
			die(err)
		}
		pk, err := zk.ReadProvingKey(s, read("pk"))
		if err != nil {
			die(err)
		}
		vkb := read("vk")
		vk, err := zk.ReadVerifyingKey(s, vkb)
		if err != nil {
			die(err)
		}
		var vkRaw bytes.Buffer
		vk.WriteRawTo(&vkRaw)
		wj, _ := json.Marshal(witnesses[name])
		proof, public, err := zk.Prove(s, ccs, pk, wj)
		if err != nil {
			die(err)
		}
		p, _ := zk.ReadProof(proof)
		var proofRaw bytes.Buffer
		p.WriteRawTo(&proofRaw)
		if ok, err := zk.Verify(s, vkb, public, proof); !ok || err != nil {
			die(fmt.Errorf("%s: fresh proof does not verify: %v", name, err))
		}
		pub := publicOnly(s, wj)
		var pubList []string
		for i := 0; i < s.NbPublic; i++ {
			pubList = append(pubList, new(big.Int).SetBytes(public[12+32*i:12+32*(i+1)]).String())
		}
		// invalid variants
		var invalid []kv
		add := func(what, expect string, pw, pr []byte) {
			ok, err := zk.Verify(s, vkb, pw, pr)
			got := "false"
			if err != nil {
				got = "error"
			}
			if ok {
				die(fmt.Errorf("%s: invalid variant %q verified", name, what))
			}
			if got != expect {
				die(fmt.Errorf("%s: invalid variant %q: got %s, documented %s", name, what, got, expect))
			}
			invalid = append(invalid, kv{"what": what, "expect": expect, "publicWitness": hex.EncodeToString(pw), "proof": hex.EncodeToString(pr)})
		}
		flipped := bytes.Clone(proof)
		flipped[40] ^= 0x01 // inside Bs
		_, ferr := zk.Verify(s, vkb, public, flipped)
		fexp := "false"
		if ferr != nil {
			fexp = "error"
		}
		add("bit 0 of byte 40 of the proof flipped", fexp, public, flipped)
		add("proof truncated to 100 bytes", "error", public, proof[:100])
		add("proof with one extra byte", "error", public, append(bytes.Clone(proof), 0))
		wrong := bytes.Clone(public)
		wrong[12+31] ^= 0x01
		add("first public input changed (last bit flipped)", "false", wrong, proof)
		add("public witness truncated", "error", public[:len(public)-1], proof)
		alt := func(what string, change func(m kv)) {
			m := kv{}
			for k, v := range pub {
				m[k] = v
			}
			change(m)
			j, _ := json.Marshal(m)
			pw, err := zk.PublicWitnessFromJSON(s, j)
			if err != nil {
				die(err)
			}
			add(what, "false", pw, proof)
		}
		switch name {
		case "range":
			alt("another commitment", func(m kv) { m["commitment"] = "1" })
		case "spend":
			alt("wrong Merkle root", func(m kv) { m["root"] = S(E("another root")) })
			alt("unbalanced: balance of asset 0 changed", func(m kv) { m["balances"] = []string{"31", "0"} })
		case "vote":
			alt("replayed against another proposal", func(m kv) { m["proposalId"] = "43" })
			alt("vote option changed", func(m kv) { m["voteOption"] = "0" })
		case "identity":
			alt("another date", func(m kv) { m["today"] = "20070616" })
			alt("another identity commitment", func(m kv) { m["identityCommitment"] = S(hash.IdentityCommitment(E("someone else"))) })
		}
		// witnesses that must fail to prove: well-formed, each breaking one constraint
		var badWitnesses []kv
		for _, c := range fixtures.InvalidWitnesses()[name] {
			bj, err := json.Marshal(c.Witness)
			if err != nil {
				die(err)
			}
			if _, err := s.Assign(bj, false); err != nil {
				die(fmt.Errorf("%s: invalid witness %q is not well-formed: %v", name, c.What, err))
			}
			if _, _, err := zk.Prove(s, ccs, pk, bj); err == nil {
				die(fmt.Errorf("%s: invalid witness %q proved", name, c.What))
			}
			badWitnesses = append(badWitnesses, kv{"what": c.What, "witness": json.RawMessage(bj)})
		}
		out[name] = kv{
			"invalidWitnesses": badWitnesses,
			"witness":          json.RawMessage(wj),
			"publicInputs":     pub,
			"publicInputsList": pubList,
			"publicWitness":    hex.EncodeToString(public),
			"proof":            hex.EncodeToString(proof),
			"proofRaw":         hex.EncodeToString(proofRaw.Bytes()),
			"vk":               hex.EncodeToString(vkb),
			"vkRaw":            hex.EncodeToString(vkRaw.Bytes()),
			"invalid":          invalid,
		}
	}
	out["shieldWitness"] = fixtures.NewShield().Witness()
	out["note"] = "keys are the UNSAFE development keys of build/keys; proofs are randomized (new on every run)"
	return out
}

func main() {
	logger.Disable()
	keys := flag.String("keys", "build/keys", "directory of <circuit>.{ccs,pk,vk}")
	out := flag.String("out", "build/vectors", "output directory")
	flag.Parse()
	write(*out, "hash.json", hashVectors())
	write(*out, "notes.json", notesVectors())
	write(*out, "merkle.json", merkleVectors())
	write(*out, "identity.json", identityVectors())
	write(*out, "proofs.json", proofVectors(*keys))
	fmt.Println("vectors written to", *out)
}
