// bufio beyond lines: runes, bytes, a custom split function, a Writer that flushes when full,
// and a token longer than the Scanner's buffer.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strings"
)

func main() {
	sc := bufio.NewScanner(strings.NewReader("héllo"))
	sc.Split(bufio.ScanRunes)
	var runes []string
	for sc.Scan() {
		runes = append(runes, sc.Text())
	}
	fmt.Println(runes, len(runes))

	commas := bufio.NewScanner(strings.NewReader("a,b,,c"))
	commas.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, ','); i >= 0 {
			return i + 1, data[:i], nil
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	for commas.Scan() {
		fmt.Printf("[%s]", commas.Text())
	}
	fmt.Println()

	long := bufio.NewScanner(strings.NewReader(strings.Repeat("x", 100) + "\nshort\n"))
	long.Buffer(make([]byte, 10), 20)
	for long.Scan() {
		fmt.Println("token", long.Text())
	}
	fmt.Println("err:", long.Err())

	r := bufio.NewReader(strings.NewReader("ü2\nnext"))
	ru, size, _ := r.ReadRune()
	b, _ := r.ReadByte()
	fmt.Println(string(ru), size, string(b), r.Buffered())
	line, err := r.ReadBytes('\n')
	fmt.Printf("%q %v\n", line, err)

	w := bufio.NewWriterSize(os.Stdout, 16)
	fmt.Fprint(w, "0123456789")
	fmt.Println("|before|", w.Buffered(), w.Available())
	fmt.Fprint(w, "abcdefghij\n")
	fmt.Println("|after|", w.Buffered())
	w.Flush()
}
