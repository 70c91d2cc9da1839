// encoding/hex: a checksum as hex text, and hex text back to bytes, with Go's errors for an
// odd length and for a byte that is no hex digit (the bad byte is reported first).
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
)

func main() {
	sum := sha256.Sum256([]byte("hello"))
	s := hex.EncodeToString(sum[:])
	fmt.Println(s, len(s), hex.EncodedLen(32), hex.DecodedLen(64))
	b, err := hex.DecodeString("48656C6c6f")
	fmt.Printf("%q %v\n", b, err)
	for _, in := range []string{"abc", "zz", "a", "0g", "12z", "ÿ0"} {
		b, err := hex.DecodeString(in)
		var ib hex.InvalidByteError
		fmt.Printf("%q: %v %v %v %v\n", in, b, err, errors.Is(err, hex.ErrLength), errors.As(err, &ib))
	}
	dst := make([]byte, 4)
	n := hex.Encode(dst, []byte{0xde, 0xad})
	fmt.Println(n, string(dst))
	out, err := hex.AppendDecode([]byte("x:"), []byte("4142"))
	fmt.Printf("%s %v %s\n", out, err, hex.AppendEncode([]byte("y:"), []byte{255, 1}))
	m, err := hex.Decode(make([]byte, 2), []byte("ff0"))
	fmt.Println(m, err)
}
