// A deferred or `go` fmt call takes its operands when the statement runs and calls their
// String and Error methods when it prints: a pointer whose String reads a field changed
// afterwards prints the field's last value; a value copied at the statement does not change.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

type Counter struct{ n int }

func (c *Counter) String() string { return fmt.Sprintf("Counter(%d)", c.n) }

type Celsius float64

func (t Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Order struct {
	ID   int
	Temp Celsius
	By   *Counter
}

type Failure struct{ code *int }

func (f Failure) Error() string { return fmt.Sprintf("failure %d", *f.code) }

func pair() (int, error) { return 7, errors.New("seven") }

func report(sb *strings.Builder) {
	c := &Counter{1}
	defer fmt.Fprintf(sb, "fprintf: %v %s|", c, c)
	c.n = 5
}

func main() {
	c := &Counter{1}
	t := Celsius(20)
	code := 1
	o := Order{ID: 1, Temp: t, By: c}
	defer fmt.Println("end:", c, t, o, Failure{&code})
	defer fmt.Printf("printf: %v %d %s\n", c, t, Failure{&code})
	defer fmt.Println(pair())
	args := []any{c, "spread"}
	defer fmt.Println(args...)
	defer fmt.Fprintln(os.Stdout, "fprintln:", []*Counter{c, {9}})
	defer fmt.Println(nil, 1<<40, 'x', "const")

	// The goroutine prints while main sleeps: before c.n changes.
	go fmt.Println("go:", c, []Celsius{1, 2})
	time.Sleep(10 * time.Millisecond)
	c.n = 2

	var sb strings.Builder
	report(&sb)
	fmt.Println(sb.String())

	t = 30
	o.ID = 2
	code = 3
	c.n = 4
	args[1] = "changed"
}
