// sync.Map: Store, Load, LoadOrStore, LoadAndDelete, Swap, CompareAndSwap and Range (whose
// order is unspecified: sorted here).
package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var m sync.Map
	m.Store("a", 1)
	m.Store("b", 2)
	v, ok := m.Load("a")
	fmt.Println(v, ok)
	actual, loaded := m.LoadOrStore("a", 100)
	fmt.Println(actual, loaded)
	actual, loaded = m.LoadOrStore("c", 3)
	fmt.Println(actual, loaded)
	prev, loaded := m.Swap("b", 20)
	fmt.Println(prev, loaded)
	fmt.Println(m.CompareAndSwap("b", 20, 21), m.CompareAndSwap("b", 20, 22))
	v, loaded = m.LoadAndDelete("c")
	fmt.Println(v, loaded)
	m.Delete("zzz")
	var keys []string
	m.Range(func(k, v any) bool {
		keys = append(keys, fmt.Sprint(k, "=", v))
		return true
	})
	sort.Strings(keys)
	fmt.Println(keys)
	m.Clear()
	_, ok = m.Load("a")
	fmt.Println(ok)
}
