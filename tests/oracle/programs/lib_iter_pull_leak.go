// An iter.Pull never stopped nor run to its end: its coroutine is left waiting (leaked).
package main

import (
	"fmt"
	"iter"
)

func count(yield func(int) bool) {
	for i := 0; ; i++ {
		if !yield(i) {
			return
		}
	}
}

func main() {
	next, _ := iter.Pull(iter.Seq[int](count))
	fmt.Println(next())
}
