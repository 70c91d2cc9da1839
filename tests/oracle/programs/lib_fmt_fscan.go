// fmt.Fscan* read from an io.Reader (a strings.Reader keeps its place between calls); Scan*
// and Fscan(os.Stdin) see an empty standard input.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// chunks is an io.Reader that is no RuneScanner, giving two bytes a call.
type chunks struct{ s string }

func (c *chunks) Read(p []byte) (int, error) {
	if c.s == "" {
		return 0, io.EOF
	}
	n := copy(p[:min(2, len(p))], c.s)
	c.s = c.s[n:]
	return n, nil
}

func main() {
	r := strings.NewReader("10 20\n30 x 40")
	sum := 0
	for {
		var v int
		n, err := fmt.Fscan(r, &v)
		if err == io.EOF {
			fmt.Println("end of input")
			break
		}
		if err != nil {
			fmt.Println("error:", n, err, "left:", r.Len())
			var skip string
			fmt.Fscan(r, &skip)
			continue
		}
		sum += v
	}
	fmt.Println("sum", sum)

	lines := strings.NewReader("1 2\n3 4\n5\n")
	for {
		var a, b int
		n, err := fmt.Fscanln(lines, &a, &b)
		fmt.Println("line:", n, err, a, b, "left:", lines.Len())
		if err == io.EOF {
			break
		}
	}

	fr := strings.NewReader("pos=(3,4) next")
	var x, y int
	n, err := fmt.Fscanf(fr, "pos=(%d,%d)", &x, &y)
	fmt.Println("Fscanf", n, err, x, y, "left:", fr.Len())
	rest, _ := io.ReadAll(fr)
	fmt.Printf("rest %q\n", rest)

	ur := strings.NewReader("7z")
	n, err = fmt.Fscan(ur, &x)
	ch, _, _ := ur.ReadRune()
	fmt.Println("after Fscan", n, err, x, string(ch))

	var word string
	n, err = fmt.Fscan(&chunks{"hello world"}, &word)
	fmt.Println("custom reader", n, err, word)
	n, err = fmt.Fscan(&chunks{""}, &word)
	fmt.Println("custom reader empty", n, err, err == io.EOF)

	var i int
	n, err = fmt.Scan(&i)
	fmt.Println("Scan", n, err, err == io.EOF)
	n, err = fmt.Scanln(&i)
	fmt.Println("Scanln", n, err)
	n, err = fmt.Scanf("%d", &i)
	fmt.Println("Scanf", n, err)
	n, err = fmt.Scan()
	fmt.Println("Scan nothing", n, err)
	n, err = fmt.Scanln()
	fmt.Println("Scanln nothing", n, err)
	n, err = fmt.Fscan(os.Stdin, &i)
	fmt.Println("Fscan stdin", n, err)
	in := bufio.NewReader(strings.NewReader("8 9\n"))
	n, err = fmt.Fscan(in, &i)
	fmt.Println("Fscan bufio", n, err, i)
}
