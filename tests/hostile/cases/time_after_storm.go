// hostile: time.After in a tight loop, never read
// expect: limit
package main

import "time"

func main() {
	for {
		_ = time.After(time.Hour)
	}
}
