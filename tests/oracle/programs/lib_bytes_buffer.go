// bytes.Buffer: a growable buffer that is both an io.Writer and an io.Reader.
package main

import (
	"bytes"
	"fmt"
)

func main() {
	var buf bytes.Buffer
	buf.WriteString("line one\n")
	buf.Write([]byte("line two\n"))
	buf.WriteByte('!')
	fmt.Fprintf(&buf, "%d\n", 3)
	fmt.Println(buf.Len())
	first, err := buf.ReadString('\n')
	fmt.Printf("%q %v\n", first, err)
	fmt.Printf("%q\n", buf.String())
	b, _ := buf.ReadByte()
	fmt.Println(string(b), buf.Len())
	buf.Reset()
	fmt.Println(buf.Len(), buf.String() == "")
	nb := bytes.NewBufferString("xyz")
	fmt.Println(nb.String(), string(nb.Bytes()[1:]))
}
