// io: Copy, ReadAll, WriteString, MultiWriter, LimitReader, TeeReader and EOF.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	n, err := io.Copy(os.Stdout, strings.NewReader("copied to stdout\n"))
	fmt.Println(n, err)
	data, err := io.ReadAll(io.LimitReader(strings.NewReader("abcdefgh"), 3))
	fmt.Println(string(data), err)
	var a, b bytes.Buffer
	w := io.MultiWriter(&a, &b)
	io.WriteString(w, "twice")
	fmt.Println(a.String(), b.String())
	var seen bytes.Buffer
	tee := io.TeeReader(strings.NewReader("tee"), &seen)
	io.ReadAll(tee)
	fmt.Println(seen.String())
	buf := make([]byte, 4)
	_, err = io.ReadFull(strings.NewReader("ab"), buf)
	fmt.Println(err, err == io.ErrUnexpectedEOF, io.EOF)
	io.Copy(io.Discard, strings.NewReader("gone"))
}
