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
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop() // the runtime forgets the ticker as soon as the handler returns
	for polls := 1; ; polls++ {
		<-t.C
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
