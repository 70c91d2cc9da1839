// hostile: an AfterFunc that schedules two more, forever
// expect: limit
package main

import "time"

func spawn() {
	time.AfterFunc(time.Millisecond, spawn)
	time.AfterFunc(time.Millisecond, spawn)
}

func main() {
	spawn()
	select {}
}
