// A deferred builtin: delete(m, k) runs as its function returns, racing with main's read of
// the map. Go wraps a deferred builtin call (deferwrap1) and shows the map's runtime frame.
package main

import (
	"fmt"
	"time"
)

var inflight = map[string]bool{}

func handle(id string) {
	defer delete(inflight, id)
	time.Sleep(time.Millisecond)
}

func main() {
	inflight["a"] = true
	go handle("a")
	time.Sleep(10 * time.Millisecond)
	fmt.Println(len(inflight))
}
