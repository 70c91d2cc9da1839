// Racy: the AfterFunc function writes a variable main reads after sleeping.
package main

import (
	"fmt"
	"time"
)

func main() {
	fired := 0
	time.AfterFunc(time.Millisecond, func() {
		fired = 1
	})
	time.Sleep(10 * time.Millisecond)
	fmt.Println(fired)
}
