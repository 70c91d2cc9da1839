// Interfaces embed interfaces; a comma-ok assertion to an interface checks the method set.
package main

import (
	"fmt"
	"io"
	"strings"
)

type ReadCloser interface {
	io.Reader
	io.Closer
}

type nopCloser struct{ io.Reader }

func (nopCloser) Close() error { fmt.Println("closed"); return nil }

func main() {
	var r io.Reader = strings.NewReader("x")
	_, ok := r.(io.Closer)
	fmt.Println(ok)
	var rc ReadCloser = nopCloser{r}
	b := make([]byte, 4)
	n, _ := rc.Read(b)
	fmt.Println(n, string(b[:n]))
	rc.Close()
	if w, ok := any(rc).(io.Writer); ok {
		fmt.Println("writer", w)
	} else {
		fmt.Println("not a writer")
	}
}
