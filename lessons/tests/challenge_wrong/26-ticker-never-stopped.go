// Wrong fix: time.Tick instead of NewTicker. Under Go 1.21 its ticker can never be stopped and
// is never collected: the same leak, now with no way to fix it.
package main

import (
	"fmt"
	"sync"
	"time"
)

const requests = 20 // param: 1..500 "Requests"

// handle polls its job every 10 ms; the job is ready at the third poll.
func handle(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	tick := time.Tick(10 * time.Millisecond) // nothing to stop: no leak?
	for polls := 1; ; polls++ {
		<-tick
		if polls == 3 {
			return
		}
	}
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < requests; i++ {
		wg.Add(1)
		go handle(i, &wg)
	}
	wg.Wait()
	fmt.Printf("handled %d requests\n", requests)
	time.Sleep(time.Second) // the server goes on serving
}
