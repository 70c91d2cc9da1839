// A background refresher sleeps for an hour; main returns long before it wakes up.
package main

import (
	"fmt"
	"time"
)

func refresh(every time.Duration) {
	for {
		time.Sleep(every)
		fmt.Println("refreshed")
	}
}

func main() {
	go refresh(time.Hour)
	time.Sleep(90 * time.Minute)
	fmt.Println("main returns after", 90*time.Minute)
}
