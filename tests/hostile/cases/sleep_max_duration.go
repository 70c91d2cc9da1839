// hostile: time.Sleep(math.MaxInt64)
// expect: limit
// message: time limit
package main

import (
	"fmt"
	"math"
	"time"
)

func main() {
	time.Sleep(math.MaxInt64)
	fmt.Println("woke")
}
