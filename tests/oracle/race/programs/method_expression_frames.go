// A method expression called from a function literal: Go shows no frame of its own for the
// method expression, and numbers the literal main.main.func1.
package main

import (
	"fmt"
	"time"
)

type counter struct{ n int }

func (c *counter) inc() { c.n++ }

func main() {
	c := &counter{}
	inc := (*counter).inc
	go func() {
		inc(c)
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(c.n)
}
