// Typed and untyped constants: untyped ones take the type their context needs; iota in
// expressions; huge untyped values are fine until they must fit a type.
package main

import (
	"fmt"
	"time"
)

type Size int64

const (
	_       = iota
	KB Size = 1 << (10 * iota)
	MB
	GB
)

const huge = 1e100

func main() {
	fmt.Println(KB, MB, GB)
	var f32 float32 = huge / 1e90
	fmt.Println(f32, huge/1e99)
	timeout := 2 * time.Second // untyped 2 becomes a Duration
	fmt.Println(timeout)
	const c = 'a' + 1
	fmt.Printf("%T %v %T\n", c, c, 1.0)
	x := 10
	fmt.Println(float64(x)/4, x/4, 10/4.0)
}
