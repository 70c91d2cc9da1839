// A wrong fix of lesson 06-send-on-closed (bad.go edited): it closes the channel only once, with sync.Once, but still when the first crawler is done.
// Several crawlers feed one results channel. Each crawler closes the channel
// when it is done, so the first to finish closes it under the others' feet.
package main

import (
	"sync"
	"fmt"
	"time"
)

const crawlers = 4 // param: 1..16 "Crawlers"
const pages = 3    // param: 1..20 "Pages per crawler"

var closeOnce sync.Once

func crawl(id int, results chan<- string) {
	defer func() { closeOnce.Do(func() { close(results) }) }() // close it only once
	for p := range pages {
		time.Sleep(time.Duration(10+3*id) * time.Millisecond) // crawler id is slower
		results <- fmt.Sprintf("site%d/page%d", id, p)
	}
}

func main() {
	results := make(chan string)
	for id := range crawlers {
		go crawl(id, results)
	}

	n := 0
	for range results {
		n++
	}
	fmt.Printf("crawled %d pages\n", n)
	time.Sleep(time.Second) // the service keeps running
}
