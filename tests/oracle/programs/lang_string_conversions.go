// Strings, bytes and runes: conversions, indexing, invalid UTF-8 and string(int).
package main

import "fmt"

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), len([]rune(s)), s[1], s[1:3])
	for i, r := range "aé\xffz" {
		fmt.Println(i, r, string(r))
	}
	b := []byte("abc")
	b[0] = 'A'
	fmt.Println(string(b), string(rune(65)), string([]rune{0x4e16, 0x754c}))
	fmt.Printf("%q %x % x %U\n", s[:2], "hi", "hi", '世')
	r := []rune(s)
	r[0] = 'H'
	fmt.Println(string(r))
	fmt.Println("a" < "b", "abc" < "abd", "Z" < "a")
}
