// hostile: one sleep of 100 years
// expect: limit
// message: time limit
package main

import (
	"fmt"
	"time"
)

func main() {
	time.Sleep(100 * 365 * 24 * time.Hour)
	fmt.Println("woke")
}
