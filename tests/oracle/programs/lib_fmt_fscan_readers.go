// fmt.Fscan* on other io.Readers: a bufio.Reader (an io.RuneScanner: nothing is lost between
// calls), a reader that is none (the rune Go peeked is lost), a bytes.Buffer, read errors.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
)

type chunks struct{ s string }

func (c *chunks) Read(p []byte) (int, error) {
	if c.s == "" {
		return 0, io.EOF
	}
	n := copy(p[:min(2, len(p))], c.s)
	c.s = c.s[n:]
	return n, nil
}

type failing struct{ n int }

func (f *failing) Read(p []byte) (int, error) {
	if f.n == 0 {
		return 0, fmt.Errorf("disk on fire")
	}
	f.n--
	p[0] = '5'
	return 1, nil
}

func main() {
	in := bufio.NewReader(strings.NewReader("3\n10 20 30\nname é\n"))
	var k int
	fmt.Fscan(in, &k)
	sum := 0
	for i := 0; i < k; i++ {
		var v int
		fmt.Fscan(in, &v)
		sum += v
	}
	var name string
	var r rune
	n, err := fmt.Fscanf(in, "\n%s %c", &name, &r)
	fmt.Println(k, sum, name, string(r), n, err)
	n, err = fmt.Fscan(in, &k)
	fmt.Println(n, err, err == io.EOF)

	c := &chunks{"12 34 x5 6"}
	for {
		var v int
		n, err := fmt.Fscan(c, &v)
		fmt.Println("chunks", n, err, v)
		if err == io.EOF {
			break
		}
	}
	var buf bytes.Buffer
	buf.WriteString("7 8\n9")
	var a, b int
	n, err = fmt.Fscanln(&buf, &a, &b)
	fmt.Println("buffer", n, err, a, b, buf.Len())
	n, err = fmt.Fscan(&failing{3}, &a)
	fmt.Println("failing", n, err, a)
	var s1 string
	n, err = fmt.Fscan(&failing{0}, &s1)
	fmt.Println("failing", n, err)
	lr := bufio.NewReader(strings.NewReader("x y\nz"))
	for {
		var s string
		n, err := fmt.Fscanln(lr, &s)
		fmt.Println("ln", n, err, s)
		if err == io.EOF {
			break
		}
	}
}
