// io.Pipe: a writer whose reader stopped reading blocks forever (a leak); CloseWithError hands
// the reader an error of the writer's choosing.
package main

import (
	"bufio"
	"errors"
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
	first, _ := bufio.NewReader(r).ReadString('\n')
	fmt.Printf("%q\n", first)

	r2, w2 := io.Pipe()
	go func() {
		w2.Write([]byte("partial"))
		w2.CloseWithError(errors.New("upstream failed"))
	}()
	data, err := io.ReadAll(r2)
	fmt.Println(string(data), err)

	r3, w3 := io.Pipe()
	r3.Close()
	n, err := w3.Write([]byte("x"))
	fmt.Println(n, err, err == io.ErrClosedPipe)
}
