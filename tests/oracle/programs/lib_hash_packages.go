// hash, hash/crc32, hash/fnv and crypto/sha256: known vectors, writes split across calls, Sum
// appending to a non-empty slice, Reset, Size and BlockSize, and hashes as io.Writers.
package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"hash"
	"hash/crc32"
	"hash/fnv"
	"io"
	"strings"
)

func main() {
	long := strings.Repeat("0123456789", 100) // 1,000 bytes
	inputs := []string{"", "a", "abc", "The quick brown fox jumps over the lazy dog", long}

	fmt.Println("crc32:")
	cast := crc32.MakeTable(crc32.Castagnoli)
	koop := crc32.MakeTable(crc32.Koopman)
	for _, s := range inputs {
		b := []byte(s)
		fmt.Printf("%08x %08x %08x %08x\n", crc32.ChecksumIEEE(b), crc32.Checksum(b, crc32.IEEETable),
			crc32.Checksum(b, cast), crc32.Checksum(b, koop))
	}
	fmt.Println(crc32.MakeTable(crc32.IEEE) == crc32.IEEETable, crc32.MakeTable(crc32.Castagnoli) == cast)
	fmt.Println(crc32.Size, crc32.IEEE, crc32.Castagnoli, crc32.Koopman, len(cast), cast[1], koop[255])
	c := crc32.Update(0, crc32.IEEETable, []byte("hello, "))
	c = crc32.Update(c, crc32.IEEETable, []byte("world"))
	fmt.Println(c == crc32.ChecksumIEEE([]byte("hello, world")), c)

	fmt.Println("fnv:")
	news := []func() hash.Hash{
		func() hash.Hash { return fnv.New32() },
		func() hash.Hash { return fnv.New32a() },
		func() hash.Hash { return fnv.New64() },
		func() hash.Hash { return fnv.New64a() },
		func() hash.Hash { return fnv.New128() },
		func() hash.Hash { return fnv.New128a() },
		func() hash.Hash { return crc32.NewIEEE() },
		func() hash.Hash { return crc32.New(cast) },
		func() hash.Hash { return sha256.New() },
		func() hash.Hash { return sha256.New224() },
	}
	for i, mk := range news {
		h := mk()
		fmt.Printf("%d size=%d block=%d empty=%x\n", i, h.Size(), h.BlockSize(), h.Sum(nil))
		for _, s := range inputs[1:] {
			h.Reset()
			n, err := h.Write([]byte(s))
			whole := h.Sum(nil)
			h.Reset()
			for j := 0; j < len(s); j += 7 {
				h.Write([]byte(s[j:min(j+7, len(s))]))
			}
			split := h.Sum([]byte("pre:"))
			fmt.Printf("  %d %v %x %s %x %v\n", n, err, whole, split[:4], split[4:], bytes.Equal(whole, split[4:]))
		}
		// Sum does not change the state: writing on after it continues the same hash.
		h.Reset()
		h.Write([]byte("ab"))
		_ = h.Sum(nil)
		h.Write([]byte("c"))
		fmt.Printf("  continued %x\n", h.Sum(nil))
	}

	fmt.Println("32/64:")
	h32 := fnv.New32a()
	h32.Write([]byte("abc"))
	fmt.Println(h32.Sum32())
	var h64 hash.Hash64 = fnv.New64()
	io.WriteString(h64, "abc")
	fmt.Println(h64.Sum64())
	hc := crc32.NewIEEE()
	fmt.Fprintf(hc, "%d-%s", 42, "x")
	fmt.Println(hc.Sum32(), crc32.ChecksumIEEE([]byte("42-x")))

	fmt.Println("sha256:")
	fmt.Println(sha256.Size, sha256.Size224, sha256.BlockSize)
	for _, s := range inputs {
		sum := sha256.Sum256([]byte(s))
		fmt.Printf("%x\n", sum)
		fmt.Printf("%X\n", sum[:4])
	}
	s224 := sha256.Sum224([]byte("abc"))
	fmt.Printf("%x %d\n", s224, len(s224))
	sum := sha256.Sum256([]byte("abc"))
	fmt.Println(sum[0], sum[31], len(sum))
	fmt.Printf("%T %T\n", sum, s224)
	fmt.Println(sum == sha256.Sum256([]byte("abc")), sum == sha256.Sum256([]byte("abd")))
	fmt.Printf("% x\n", sum[:8])

	// Lengths around the padding boundaries.
	for _, n := range []int{55, 56, 57, 63, 64, 65, 119, 120, 128} {
		fmt.Printf("%d %x\n", n, sha256.Sum256(bytes.Repeat([]byte{'a'}, n)))
	}

	fmt.Println("writers:")
	hs := sha256.New()
	hf := fnv.New64a()
	w := io.MultiWriter(hs, hf)
	n, err := io.Copy(w, strings.NewReader(long))
	fmt.Println(n, err)
	fmt.Printf("%x %x\n", hs.Sum(nil), hf.Sum64())
	h2 := sha256.New()
	tee := io.TeeReader(strings.NewReader("tee data"), h2)
	got, _ := io.ReadAll(tee)
	fmt.Printf("%s %x\n", got, h2.Sum(nil))
	var buf bytes.Buffer
	buf.WriteString(long)
	h3 := crc32.NewIEEE()
	buf.WriteTo(h3)
	fmt.Println(h3.Sum32() == crc32.ChecksumIEEE([]byte(long)))

	fmt.Println("clone:")
	for _, h := range []hash.Hash{sha256.New(), fnv.New32a(), fnv.New128(), crc32.NewIEEE()} {
		h.Write([]byte("ab"))
		cl, err := h.(hash.Cloner).Clone()
		h.Write([]byte("c"))
		cl.Write([]byte("d"))
		fmt.Printf("%x %x %v\n", h.Sum(nil), cl.Sum(nil), err)
	}
	fmt.Printf("%T %T %T %T %T\n", crc32.NewIEEE(), fnv.New64a(), crc32.IEEETable, sha256.New(), sha256.New224())

	fmt.Println("nil table:")
	fmt.Println(crc32.Update(7, nil, nil), crc32.Checksum(nil, nil), crc32.New(nil).Sum32())
	func() {
		defer func() { fmt.Println(recover()) }()
		crc32.New(nil).Write([]byte("x"))
	}()
	fmt.Println(sha256.Sum256(nil) == sha256.Sum256([]byte{}), fmt.Sprint(sha256.Sum224(nil))[:20])
}
