// A panic in a goroutine started as `go worker(...)` (not a func literal) ends the program too.
package main

import (
	"fmt"
	"time"
)

func worker(jobs []string) {
	for i := 0; i <= len(jobs); i++ {
		time.Sleep(50 * time.Millisecond)
		fmt.Println("job", jobs[i])
	}
}

func main() {
	go worker([]string{"a", "b"})
	time.Sleep(time.Second)
	fmt.Println("never printed")
}
