// atomic.Pointer[T] and atomic.Value hold a pointer or any value, swapped atomically.
package main

import (
	"fmt"
	"sync/atomic"
)

type Config struct{ Name string }

func main() {
	var p atomic.Pointer[Config]
	fmt.Println(p.Load() == nil)
	c1 := &Config{"one"}
	p.Store(c1)
	old := p.Swap(&Config{"two"})
	fmt.Println(old.Name, p.Load().Name)
	fmt.Println(p.CompareAndSwap(c1, &Config{"three"}), p.Load().Name)

	var v atomic.Value
	fmt.Println(v.Load())
	v.Store([]string{"a"})
	fmt.Println(v.Load().([]string))
	fmt.Println(v.Swap([]string{"b"}), v.Load())
	var n atomic.Value
	n.Store(1)
	fmt.Println(n.CompareAndSwap(1, 2), n.Load())
}
