// sync.Pool hands out values made by New when it is empty.
package main

import (
	"bytes"
	"fmt"
	"sync"
)

func main() {
	made := 0
	pool := sync.Pool{New: func() any {
		made++
		return new(bytes.Buffer)
	}}
	b := pool.Get().(*bytes.Buffer)
	b.WriteString("hello")
	fmt.Println(b.String(), made)
	b.Reset()
	pool.Put(b)
	var empty sync.Pool
	fmt.Println(empty.Get() == nil)
}
