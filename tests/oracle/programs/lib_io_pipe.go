// io.Pipe connects a writer goroutine to a reader synchronously.
package main

import (
	"bufio"
	"fmt"
	"io"
)

func main() {
	r, w := io.Pipe()
	go func() {
		for i := range 3 {
			fmt.Fprintf(w, "line %d\n", i)
		}
		w.Close()
	}()
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		fmt.Println("read:", sc.Text())
	}
	fmt.Println(sc.Err())
}
