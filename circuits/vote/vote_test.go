package vote_test

import (
	"testing"

	"agora/circuits/fixtures"
	"agora/circuits/hash"
	"agora/circuits/internal/testkeys"
	"agora/circuits/vote"
)

const name = vote.Name

func publicOf(w *vote.Witness) *vote.Witness {
	return &vote.Witness{Root: w.Root, ProposalID: w.ProposalID, VoteOption: w.VoteOption, Nullifier: w.Nullifier}
}

func TestVoteValid(t *testing.T) {
	testkeys.MustSolve(t, name, fixtures.Vote())
	sc := fixtures.NewVote()
	sc.Option = 255
	testkeys.MustSolve(t, name, sc.Witness())
	testkeys.ProveVerify(t, name, fixtures.Vote())
}

func TestVoteRejects(t *testing.T) {
	w := fixtures.Vote()
	w.Root = fixtures.S(fixtures.Elem("another root"))
	testkeys.MustFail(t, name, "a wrong Merkle root", w)

	sc := fixtures.NewVote()
	sc.Secrets[sc.Voter] = fixtures.Elem("not a voter")
	w = sc.Witness()
	w.Root = fixtures.S(sc.Tree.Root()) // the real voter set
	testkeys.MustFail(t, name, "a secret outside the voter set", w)

	w = fixtures.Vote()
	w.Nullifier = fixtures.S(hash.VoteNullifier(fixtures.U(43), fixtures.IdentitySecret()))
	testkeys.MustFail(t, name, "a nullifier for another proposal", w)

	sc = fixtures.NewVote()
	sc.Option = 256
	testkeys.MustFail(t, name, "a vote option ≥ 256", sc.Witness())

	// real proofs: replay against another proposal, changed option
	valid := fixtures.Vote()
	proof, _ := testkeys.ProveVerify(t, name, valid)

	replay := publicOf(valid)
	replay.ProposalID = "43" // same nullifier, another proposal
	if !testkeys.Rejects(t, name, testkeys.PublicFromJSON(t, name, replay), proof) {
		t.Fatal("a vote proof replayed against another proposal verified")
	}
	changed := publicOf(valid)
	changed.VoteOption = "0"
	if !testkeys.Rejects(t, name, testkeys.PublicFromJSON(t, name, changed), proof) {
		t.Fatal("a vote proof verified with a changed vote option")
	}
	nf := publicOf(valid)
	nf.Nullifier = fixtures.S(fixtures.Elem("fresh nullifier"))
	if !testkeys.Rejects(t, name, testkeys.PublicFromJSON(t, name, nf), proof) {
		t.Fatal("a vote proof verified with another nullifier")
	}
}
