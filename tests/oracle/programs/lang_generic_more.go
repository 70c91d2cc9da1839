// More generic code learners write: partial explicit instantiation, generic methods that
// return generic types, a generic cache guarded by a mutex, function values of instances.
package main

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
)

func Convert[To, From ~int | ~float64](x From) To { return To(x) }

type Cache[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func NewCache[K comparable, V any]() *Cache[K, V] {
	return &Cache[K, V]{m: make(map[K]V)}
}

func (c *Cache[K, V]) GetOr(k K, make func() (V, error)) (V, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.m[k]; ok {
		return v, nil
	}
	v, err := make()
	if err != nil {
		var zero V
		return zero, err
	}
	c.m[k] = v
	return v, nil
}

type Optional[T any] struct {
	v  T
	ok bool
}

func Some[T any](v T) Optional[T] { return Optional[T]{v, true} }

func (o Optional[T]) Get() (T, bool) { return o.v, o.ok }

func (o Optional[T]) OrElse(d T) T {
	if o.ok {
		return o.v
	}
	return d
}

func Apply[T any](xs []T, fs ...func(T) T) []T {
	out := append([]T(nil), xs...)
	for _, f := range fs {
		for i := range out {
			out[i] = f(out[i])
		}
	}
	return out
}

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs []T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}

func main() {
	fmt.Println(Convert[float64](3), Convert[int](2.9))
	c := NewCache[string, int]()
	calls := 0
	for _, k := range []string{"1", "2", "1", "x"} {
		v, err := c.GetOr(k, func() (int, error) {
			calls++
			return strconv.Atoi(k)
		})
		fmt.Println(v, err)
	}
	fmt.Println(calls, len(c.m))
	o := Some(4)
	v, ok := o.Get()
	fmt.Println(v, ok, Optional[string]{}.OrElse("none"))
	double := func(n int) int { return n * 2 }
	fmt.Println(Apply([]int{1, 2}, double, double))
	sumInts := Sum[int]
	fmt.Println(sumInts([]int{1, 2, 3}), Sum([]float64{0.5, 0.25}))
	fmt.Printf("%T %T\n", o, sumInts)
	var wg sync.WaitGroup
	total := NewCache[int, int]()
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			total.GetOr(i%2, func() (int, error) { return i % 2, nil })
		}()
	}
	wg.Wait()
	fmt.Println(len(total.m), errors.Is(nil, nil))
}
