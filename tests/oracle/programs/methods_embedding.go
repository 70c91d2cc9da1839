// Value and pointer receivers, method promotion through embedding, shadowing, and interfaces.
package main

import "fmt"

type Logger struct{ prefix string }

func (l Logger) Log(msg string) { fmt.Println(l.prefix + msg) }

type Counter struct{ n int }

func (c *Counter) Inc()          { c.n++ }
func (c Counter) Value() int     { return c.n }
func (c Counter) String() string { return fmt.Sprintf("Counter(%d)", c.n) }

type Service struct {
	Logger
	*Counter
	name string
}

func (s Service) Log(msg string) { s.Logger.Log("[" + s.name + "] " + msg) }

type valuer interface{ Value() int }

func main() {
	s := Service{Logger{"> "}, &Counter{}, "api"}
	s.Inc()
	s.Inc()
	s.Log("two calls")
	s.Logger.Log("direct")
	fmt.Println(s.Value(), s.n, s.Counter)
	c := Counter{}
	c.Inc() // addressable value: Go takes &c
	var v valuer = c
	c.Inc()
	fmt.Println(v.Value(), c.Value(), c)
	var pv valuer = &c
	c.Inc()
	fmt.Println(pv.Value())
	inc := c.Inc
	inc()
	fmt.Println(c.n)
}
