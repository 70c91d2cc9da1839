// All hashes of hash/fnv, hash/crc32 and crypto/sha256 over pseudo-random inputs (an LCG, the
// same in golite and Go) written in random pieces with Sums in between, and the one-call
// Sum256, Sum224, ChecksumIEEE and Checksum of the same bytes.
package main

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"hash/crc32"
	"hash/fnv"
)

var seed uint64 = 12345

func next() uint64 {
	seed = seed*6364136223846793005 + 1442695040888963407
	return seed >> 33
}

func main() {
	cast := crc32.MakeTable(crc32.Castagnoli)
	koop := crc32.MakeTable(crc32.Koopman)
	mk := []func() hash.Hash{
		func() hash.Hash { return fnv.New32() }, func() hash.Hash { return fnv.New32a() },
		func() hash.Hash { return fnv.New64() }, func() hash.Hash { return fnv.New64a() },
		func() hash.Hash { return fnv.New128() }, func() hash.Hash { return fnv.New128a() },
		func() hash.Hash { return crc32.NewIEEE() }, func() hash.Hash { return crc32.New(cast) },
		func() hash.Hash { return crc32.New(koop) },
		func() hash.Hash { return sha256.New() }, func() hash.Hash { return sha256.New224() },
	}
	for it := 0; it < 30; it++ {
		n := int(next() % 400)
		if it%10 == 9 {
			n = int(next() % 3000)
		}
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(next())
		}
		line := fmt.Sprintf("%d", n)
		for _, m := range mk {
			h := m()
			rest := b
			for len(rest) > 0 {
				k := int(next() % 130)
				if k > len(rest) {
					k = len(rest)
				}
				h.Write(rest[:k])
				rest = rest[k:]
				if next()%7 == 0 {
					h.Sum(nil)
				}
			}
			line += fmt.Sprintf(" %x", h.Sum([]byte{byte(it)}))
		}
		s1 := sha256.Sum256(b)
		s2 := sha256.Sum224(b)
		line += fmt.Sprintf(" %x %x %08x %08x", s1, s2, crc32.ChecksumIEEE(b), crc32.Checksum(b, cast))
		fmt.Println(line)
	}
}
