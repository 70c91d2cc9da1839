// A consumer drains a feed within a time budget. The budget is a time.After
// inside the loop: every message starts a fresh timer, so as long as messages
// keep coming the budget never runs out.
package main

import (
	"fmt"
	"time"
)

const messages = 20 // param: 1..100 "Messages in the feed"
const budgetMs = 55 // param: 5..995 "Time budget (ms)"

func produce(feed chan<- int, done chan<- struct{}) {
	for i := range messages {
		time.Sleep(10 * time.Millisecond) // a message every 10ms
		feed <- i
	}
	close(done)
}

func consume(feed <-chan int) int {
	handled := 0
	for {
		select {
		case <-feed:
			handled++
		case <-time.After(budgetMs * time.Millisecond): // a new timer every iteration
			return handled
		}
	}
}

func main() {
	feed := make(chan int, messages)
	done := make(chan struct{})
	go produce(feed, done)

	start := time.Now()
	handled := consume(feed)
	fmt.Printf("handled %d messages in %d ms\n", handled, time.Since(start).Milliseconds())
	<-done
}
