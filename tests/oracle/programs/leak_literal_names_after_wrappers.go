// Function literals are numbered in source order (main.main.func1, func2): a method expression
// and a deferred builtin before them take no number, as Go's compiler makes their wrappers
// apart. Both literals leak, each waiting on a channel of its own that nobody uses again; the
// leak profile's dump names them.
package main

import "fmt"

type counter struct{ n int }

func (c *counter) inc() { c.n++ }

func main() {
	seen := map[string]bool{"a": true}
	defer delete(seen, "a")
	c := &counter{}
	inc := (*counter).inc
	inc(c)
	in, out := make(chan int), make(chan int)
	go func() {
		<-in
	}()
	go func() {
		out <- 1
	}()
	fmt.Println(c.n, len(seen))
}
