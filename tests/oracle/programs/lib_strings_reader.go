// strings.Reader reads a string as an io.Reader, byte by byte or in chunks.
package main

import (
	"fmt"
	"io"
	"strings"
)

func main() {
	r := strings.NewReader("hello world")
	fmt.Println(r.Len(), r.Size())
	buf := make([]byte, 5)
	n, err := r.Read(buf)
	fmt.Println(n, err, string(buf[:n]))
	c, _ := r.ReadByte()
	fmt.Printf("%q %d\n", c, r.Len())
	rest, err := io.ReadAll(r)
	fmt.Println(string(rest), err)
	n, err = r.Read(buf)
	fmt.Println(n, err, err == io.EOF)
	ru, size, _ := strings.NewReader("é!").ReadRune()
	fmt.Println(string(ru), size)
}
