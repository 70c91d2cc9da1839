// bufio.Scanner splits input into lines or words; bufio.Writer buffers until Flush.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	sc := bufio.NewScanner(strings.NewReader("first line\nsecond  line\n\nlast"))
	n := 0
	for sc.Scan() {
		n++
		fmt.Printf("%d %q\n", n, sc.Text())
	}
	words := bufio.NewScanner(strings.NewReader(" one two\tthree\n four "))
	words.Split(bufio.ScanWords)
	count := 0
	for words.Scan() {
		count++
	}
	fmt.Println("words", count)
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "buffered")
	fmt.Println("unbuffered first")
	w.Flush()
	r := bufio.NewReader(strings.NewReader("k: v\nrest"))
	line, err := r.ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	rest, err := r.ReadString('\n')
	fmt.Printf("%q %v\n", rest, err)
}
