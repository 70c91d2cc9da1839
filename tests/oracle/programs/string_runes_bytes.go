// Strings are bytes; range decodes runes; conversions between string, []byte and []rune.
package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "añb€"
	fmt.Println(len(s), len([]rune(s)), s[1], s[0:1], string(s[0]))
	for i, r := range s {
		fmt.Printf("%d:%c(%d) ", i, r, r)
	}
	fmt.Println()
	bs := []byte(s)
	bs[0] = 'A'
	fmt.Println(string(bs), s)
	rs := []rune(s)
	rs[1] = 'n'
	fmt.Println(string(rs), string(rune(65)), string(rs[3]))
	fmt.Println("go" < "gopher", "b" > "abc", strings.Compare("a", "b"))
	var sb strings.Builder
	for _, r := range "hello" {
		sb.WriteRune(r - 32)
	}
	fmt.Println(sb.String())
	fmt.Printf("%q %v %s\n", []rune("hi"), []byte("hi"), []byte("hi"))
	multi := `raw\nstring`
	fmt.Println(multi, len(multi))
}
