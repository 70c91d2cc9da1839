// hostile: for { time.Sleep(time.Millisecond) } (virtual time grew forever)
// expect: limit
// message: step limit
package main

import "time"

func main() {
	for {
		time.Sleep(time.Millisecond)
	}
}
