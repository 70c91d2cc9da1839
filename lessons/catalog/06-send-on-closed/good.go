// Several crawlers feed one results channel. A WaitGroup counts them, and one
// goroutine closes the channel after the last crawler is done.
package main

import (
	"fmt"
	"sync"
	"time"
)

const crawlers = 4 // param: 1..16 "Crawlers"
const pages = 3    // param: 1..20 "Pages per crawler"

func crawl(id int, results chan<- string) {
	for p := range pages {
		time.Sleep(time.Duration(10+3*id) * time.Millisecond) // crawler id is slower
		results <- fmt.Sprintf("site%d/page%d", id, p)
	}
}

func main() {
	results := make(chan string)
	var wg sync.WaitGroup
	for id := range crawlers {
		wg.Go(func() { crawl(id, results) })
	}
	go func() {
		wg.Wait()
		close(results) // only once every sender has returned
	}()

	n := 0
	for range results {
		n++
	}
	fmt.Printf("crawled %d pages\n", n)
	time.Sleep(time.Second) // the service keeps running
}
