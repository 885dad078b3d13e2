package zk

import (
	"encoding/binary"
	"fmt"
)

// scanner walks gnark's binary encodings before they are decoded, so that no length prefix in
// malformed input can make the decoder allocate more than the input could hold (gnark-crypto's
// decoder allocates a slice of the announced length first, and an out-of-memory is not a
// recoverable panic in Go).
type scanner struct {
	b   []byte
	off int
	err error
}

func (s *scanner) fail(format string, args ...any) {
	if s.err == nil {
		s.err = fmt.Errorf(format, args...)
	}
}

func (s *scanner) take(n int, what string) []byte {
	if s.err != nil {
		return nil
	}
	if n < 0 || len(s.b)-s.off < n {
		s.fail("truncated at byte %d: %s needs %d bytes, %d left", s.off, what, n, len(s.b)-s.off)
		return nil
	}
	out := s.b[s.off : s.off+n]
	s.off += n
	return out
}

func (s *scanner) u32(what string) uint32 {
	b := s.take(4, what)
	if b == nil {
		return 0
	}
	return binary.BigEndian.Uint32(b)
}

func (s *scanner) u64(what string) uint64 {
	b := s.take(8, what)
	if b == nil {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// point skips one G1 (size 32 compressed / 64 raw) or G2 (64 / 128) point: the two top bits of
// the first byte are 00 for a raw point and 01, 10 or 11 for a compressed one.
func (s *scanner) point(g2 bool, what string) {
	if s.err != nil {
		return
	}
	if s.off >= len(s.b) {
		s.fail("truncated at byte %d: %s missing", s.off, what)
		return
	}
	n := 32
	if g2 {
		n = 64
	}
	if s.b[s.off]&0xC0 == 0 {
		n *= 2
	}
	s.take(n, what)
}

func (s *scanner) points(g2 bool, what string) int {
	n := s.u32(what + " length")
	min := 32
	if g2 {
		min = 64
	}
	if s.err == nil && uint64(n)*uint64(min) > uint64(len(s.b)-s.off) {
		s.fail("%s: length %d cannot fit in the %d bytes left", what, n, len(s.b)-s.off)
	}
	for i := 0; i < int(n) && s.err == nil; i++ {
		s.point(g2, what)
	}
	return int(n)
}

func (s *scanner) end(what string) error {
	if s.err == nil && s.off != len(s.b) {
		s.fail("%d trailing bytes", len(s.b)-s.off)
	}
	if s.err != nil {
		return fmt.Errorf("%s: %w", what, s.err)
	}
	return nil
}

// scanProof: Ar (G1) | Bs (G2) | Krs (G1) | uint32 nbCommitments = 0 | CommitmentPok (G1).
func scanProof(b []byte) error {
	s := &scanner{b: b}
	s.point(false, "Ar")
	s.point(true, "Bs")
	s.point(false, "Krs")
	if n := s.u32("number of commitments"); s.err == nil && n != 0 {
		s.fail("%d commitments, want 0", n)
	}
	s.point(false, "CommitmentPok")
	return s.end("proof")
}

// scanVK: [α]1 [β]1 [β]2 [γ]2 [δ]1 [δ]2 | uint32 len(K) + K (G1) | uint32 0 (public-and-
// commitment-committed lists) | uint32 0 (commitment keys).
func scanVK(b []byte, nbPublic int) error {
	s := &scanner{b: b}
	s.point(false, "alpha")
	s.point(false, "beta")
	s.point(true, "beta2")
	s.point(true, "gamma2")
	s.point(false, "delta")
	s.point(true, "delta2")
	if n := s.points(false, "K"); s.err == nil && n != nbPublic+1 {
		s.fail("K has %d points, want %d (public inputs + 1)", n, nbPublic+1)
	}
	if n := s.u32("public-committed lists"); s.err == nil && n != 0 {
		s.fail("%d public-committed lists, want 0", n)
	}
	if n := s.u32("number of commitment keys"); s.err == nil && n != 0 {
		s.fail("%d commitment keys, want 0", n)
	}
	return s.end("verifying key")
}

// scanPK: fft domain (uint64 cardinality, 5 × 32-byte elements, 1 byte) | [α]1 [β]1 [δ]1 |
// A B Z K (G1 slices) | [β]2 [δ]2 | B (G2 slice) | uint64 nbWires, nbInfinityA, nbInfinityB |
// nbWires bytes × 2 | uint32 0 (commitment keys).
func scanPK(b []byte) error {
	s := &scanner{b: b}
	card := s.u64("domain cardinality")
	if s.err == nil && (card == 0 || card&(card-1) != 0 || card > uint64(len(b)/32)) {
		s.fail("domain cardinality %d is not a power of two that the key could hold", card)
	}
	s.take(5*32+1, "domain")
	for _, w := range []string{"alpha", "beta", "delta"} {
		s.point(false, w)
	}
	for _, w := range []string{"A", "B", "Z", "K"} {
		s.points(false, w)
	}
	s.point(true, "beta2")
	s.point(true, "delta2")
	s.points(true, "B2")
	nbWires := s.u64("number of wires")
	s.u64("infinity count A")
	s.u64("infinity count B")
	if s.err == nil && nbWires > uint64(len(b)) {
		s.fail("%d wires cannot fit", nbWires)
	}
	s.take(int(nbWires), "infinity flags A")
	s.take(int(nbWires), "infinity flags B")
	if n := s.u32("number of commitment keys"); s.err == nil && n != 0 {
		s.fail("%d commitment keys, want 0", n)
	}
	return s.end("proving key")
}

// scanCCS checks the header of gnark's constraint-system encoding: uint64 little-endian length
// of the body, gnark version (3 × uint64 LE), then the body.
func scanCCS(b []byte) error {
	if len(b) < 32 {
		return fmt.Errorf("constraint system: %d bytes, too short", len(b))
	}
	if n := binary.LittleEndian.Uint64(b[:8]); n != uint64(len(b)-32) {
		return fmt.Errorf("constraint system: header announces %d bytes, %d present", n, len(b)-32)
	}
	return nil
}
