// log's default flags print the date and time: on the virtual clock that is
// 2000/01/01 00:00:00, plus the time slept.
package main

import (
	"log"
	"time"
)

func main() {
	log.Println("starting")
	time.Sleep(61 * time.Second)
	log.Println("a minute later")
	log.SetFlags(log.Ldate | log.Ltime | log.Lmicroseconds | log.LUTC)
	log.Print("micro")
	log.SetFlags(log.Lmsgprefix)
	log.SetPrefix("P ")
	log.Print("msgprefix")
}
