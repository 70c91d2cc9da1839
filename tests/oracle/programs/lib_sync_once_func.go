// sync.OnceFunc, OnceValue and OnceValues run their function once, however often called.
package main

import (
	"fmt"
	"sync"
)

func main() {
	calls := 0
	setup := sync.OnceFunc(func() { calls++; fmt.Println("setup runs") })
	setup()
	setup()
	config := sync.OnceValue(func() int { calls++; return 42 })
	fmt.Println(config(), config(), calls)
	load := sync.OnceValues(func() (string, error) { calls++; return "data", nil })
	s, err := load()
	s2, _ := load()
	fmt.Println(s, err, s2, calls)
	var once sync.Once
	for range 3 {
		once.Do(func() { fmt.Println("once.Do") })
	}
}
