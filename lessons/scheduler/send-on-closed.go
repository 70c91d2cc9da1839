// Two fetchers race to deliver a result; main takes the first one and closes
// the channel, thinking nobody will send again.
package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make(chan string, 1)
	var wg sync.WaitGroup
	for _, url := range []string{"a.example", "b.example"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- url
		}()
	}
	fmt.Println("first:", <-results)
	close(results)
	wg.Wait()
}
