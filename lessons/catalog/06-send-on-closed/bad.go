// Several crawlers feed one results channel. Each crawler closes the channel
// when it is done, so the first to finish closes it under the others' feet.
package main

import (
	"fmt"
	"time"
)

const crawlers = 4 // param: 1..16 "Crawlers"
const pages = 3    // param: 1..20 "Pages per crawler"

func crawl(id int, results chan<- string) {
	defer close(results) // "I'm done": but the others are not
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
