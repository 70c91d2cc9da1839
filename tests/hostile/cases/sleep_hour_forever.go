// hostile: sleeping an hour at a time forever: the 24 h virtual-time limit ends it
// expect: limit
// message: time limit: virtual time would pass 24 hours
package main

import "time"

func main() {
	for {
		time.Sleep(time.Hour)
	}
}
