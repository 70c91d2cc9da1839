// unicode/utf8 counts, decodes, encodes and validates UTF-8.
package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s), utf8.RuneCount([]byte(s)))
	r, size := utf8.DecodeRuneInString("世界")
	fmt.Println(string(r), size)
	r, size = utf8.DecodeLastRuneInString("世界")
	fmt.Println(string(r), size)
	r, size = utf8.DecodeRuneInString("\xff")
	fmt.Println(r == utf8.RuneError, size)
	buf := make([]byte, utf8.UTFMax)
	n := utf8.EncodeRune(buf, '€')
	fmt.Println(buf[:n], n, utf8.RuneLen('€'), utf8.RuneLen('a'))
	fmt.Println(utf8.ValidString(s), utf8.ValidString("a\xffb"), utf8.ValidRune(0xD800))
	fmt.Println(string(utf8.AppendRune([]byte("x"), 'é')), utf8.FullRune([]byte{0xe4, 0xb8}))
}
