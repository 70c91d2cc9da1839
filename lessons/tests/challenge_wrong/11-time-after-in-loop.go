// A wrong fix of lesson 11-time-after-in-loop (good.go edited): it keeps one timer but resets it after every message.
// A consumer drains a feed within a time budget. One timer is created before
// the loop, so the budget is measured from the start, whatever the feed does.
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
	budget := time.NewTimer(budgetMs * time.Millisecond) // one timer for the whole loop
	defer budget.Stop()
	for {
		select {
		case <-feed:
			handled++
			budget.Reset(budgetMs * time.Millisecond) // a fresh budget for the next message
		case <-budget.C:
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
