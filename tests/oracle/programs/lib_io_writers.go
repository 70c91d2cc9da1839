// io.Writer is one method: fmt.Fprintf writes to any type that has it, and io's helpers
// (MultiReader, CopyN, NopCloser, Discard) compose readers and writers.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

type upper struct{ n int }

func (u *upper) Write(p []byte) (int, error) {
	u.n++
	fmt.Print(strings.ToUpper(string(p)))
	return len(p), nil
}

func main() {
	u := &upper{}
	n, err := fmt.Fprintf(u, "hello %d\n", 42)
	fmt.Println(n, err, u.n)
	var w io.Writer = u
	fmt.Fprintln(w, "via", "interface")

	mr := io.MultiReader(strings.NewReader("ab"), bytes.NewReader([]byte("cd")))
	var buf bytes.Buffer
	copied, err := io.CopyN(&buf, mr, 3)
	fmt.Println(copied, err, buf.String())
	rest, _ := io.ReadAll(mr)
	fmt.Println(string(rest))
	_, err = io.CopyN(io.Discard, strings.NewReader("xy"), 5)
	fmt.Println(err)

	rc := io.NopCloser(strings.NewReader("z"))
	fmt.Println(rc.Close())
	fmt.Printf("%T %T\n", io.Discard, &buf)

	var sb strings.Builder
	io.Copy(&sb, strings.NewReader("into a builder"))
	fmt.Println(sb.String())
	buf.Reset()
	buf.ReadFrom(strings.NewReader("read from"))
	buf.WriteTo(os.Stdout)
	fmt.Println()
	fmt.Println(bytes.Equal(nil, []byte{}), bytes.TrimSpace([]byte("   ")) == nil)
	before, after, found := bytes.Cut([]byte("k=v"), []byte("="))
	fmt.Println(string(before), string(after), found)
}
