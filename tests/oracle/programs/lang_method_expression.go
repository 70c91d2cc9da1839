// Method expressions T.M and (*T).M turn a method into a function whose first argument is the
// receiver.
package main

import "fmt"

type Point struct{ X, Y int }

func (p Point) Sum() int       { return p.X + p.Y }
func (p *Point) Scale(k int)   { p.X *= k; p.Y *= k }
func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

func main() {
	sum := Point.Sum
	scale := (*Point).Scale
	add := Point.Add
	p := Point{1, 2}
	scale(&p, 3)
	fmt.Println(sum(p), p)
	fmt.Println(add(p, Point{10, 10}))
	viaPtr := (*Point).Sum
	fmt.Println(viaPtr(&p))
	fmt.Printf("%T\n", sum)
}
