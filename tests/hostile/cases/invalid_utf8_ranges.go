// hostile: ranging over invalid UTF-8 and converting it
// expect: exit
// stdout: 4
package main

import "fmt"

func main() {
	s := string([]byte{0xff, 0xfe, 0xc0, 0x80})
	n := 0
	for range s {
		n++
	}
	fmt.Println(n)
	_ = []rune(s)
	_ = string([]rune{-1, 0x10FFFF + 1, 0xD800})
}
