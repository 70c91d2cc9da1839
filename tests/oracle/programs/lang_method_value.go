// A method value x.M binds its receiver when it is evaluated: a value receiver is copied then,
// a pointer receiver keeps pointing at the variable.
package main

import "fmt"

type Counter struct{ n int }

func (c Counter) Get() int { return c.n }
func (c *Counter) Inc()    { c.n++ }

func main() {
	c := Counter{n: 1}
	get := c.Get // copies c now
	inc := c.Inc // &c
	inc()
	inc()
	fmt.Println(get(), c.Get(), c.n)
	fs := []func(){inc, inc}
	for _, f := range fs {
		f()
	}
	fmt.Println(c.n)
	p := &c
	g := p.Get // copies *p now
	p.n = 100
	fmt.Println(g(), p.Get())
}
