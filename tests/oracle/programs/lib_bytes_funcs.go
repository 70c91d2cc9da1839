// The bytes package mirrors strings for []byte.
package main

import (
	"bytes"
	"fmt"
)

func main() {
	a := []byte("Hello, Gopher")
	fmt.Println(bytes.Equal(a, []byte("Hello, Gopher")), bytes.Compare([]byte("a"), []byte("b")))
	fmt.Println(bytes.Contains(a, []byte("Go")), bytes.Index(a, []byte("o")), bytes.HasPrefix(a, []byte("He")))
	fmt.Println(string(bytes.ToUpper(a)), string(bytes.TrimSpace([]byte("  x  "))))
	fmt.Printf("%q\n", bytes.Split([]byte("a b c"), []byte(" ")))
	fmt.Println(string(bytes.Join([][]byte{[]byte("x"), []byte("y")}, []byte("+"))))
	fmt.Println(string(bytes.Repeat([]byte("-"), 5)), bytes.Count(a, []byte("o")))
}
