package identity_test

import (
	"testing"

	"agora/circuits/fixtures"
	"agora/circuits/identity"
	"agora/circuits/internal/testkeys"
)

const name = identity.Name

func TestIdentityValid(t *testing.T) {
	testkeys.MustSolve(t, name, fixtures.Identity())
	sc := fixtures.NewIdentity()
	sc.BirthDate = 20070615 // 18th birthday today
	testkeys.MustSolve(t, name, sc.Witness())
	sc = fixtures.NewIdentity()
	sc.DenyList = [identity.DenyListSize]uint64{}
	sc.DenyList[15] = 1
	testkeys.MustSolve(t, name, sc.Witness())
	proof, _ := testkeys.ProveVerify(t, name, fixtures.Identity())

	// the proof is bound to the date and the deny list
	w := fixtures.Identity()
	w.IdentitySecret, w.BirthDate, w.Country, w.Salt = "", "", "", ""
	w.Today = "20300101"
	if !testkeys.Rejects(t, name, testkeys.PublicFromJSON(t, name, w), proof) {
		t.Fatal("verified with another date")
	}
	w = fixtures.Identity()
	w.IdentitySecret, w.BirthDate, w.Country, w.Salt = "", "", "", ""
	w.DenyList[5] = "250"
	if !testkeys.Rejects(t, name, testkeys.PublicFromJSON(t, name, w), proof) {
		t.Fatal("verified with another deny list")
	}
}

func TestIdentityRejects(t *testing.T) {
	sc := fixtures.NewIdentity()
	sc.BirthDate = 20070616 // 18 tomorrow
	testkeys.MustFail(t, name, "an under-age birth date", sc.Witness())
	sc = fixtures.NewIdentity()
	sc.BirthDate = 20250615
	testkeys.MustFail(t, name, "a birth date of today", sc.Witness())
	sc = fixtures.NewIdentity()
	sc.BirthDate = 1 << 32 // would pass the subtraction without the 32-bit bound
	testkeys.MustFail(t, name, "a birth date ≥ 2^32", sc.Witness())

	sc = fixtures.NewIdentity()
	sc.Country = 364
	testkeys.MustFail(t, name, "a denied country", sc.Witness())
	sc = fixtures.NewIdentity()
	sc.Country = 0
	testkeys.MustFail(t, name, "country 0 (the padding value)", sc.Witness())

	sc = fixtures.NewIdentity()
	other := fixtures.Elem("someone else")
	sc.OtherSecret = &other
	testkeys.MustFail(t, name, "a mismatched identity", sc.Witness())

	w := fixtures.Identity()
	w.BirthDate = "19900101" // not what was attested
	testkeys.MustFail(t, name, "a birth date that was not attested", w)
	w = fixtures.Identity()
	w.Country = "251"
	testkeys.MustFail(t, name, "a country that was not attested", w)
}
