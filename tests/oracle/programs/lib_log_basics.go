// log writes to stderr; SetFlags(0) drops the date, SetPrefix adds a prefix; log.New can
// write anywhere, such as stdout.
package main

import (
	"fmt"
	"log"
	"os"
)

func main() {
	log.SetFlags(0)
	log.Println("plain", 1)
	log.SetPrefix("app: ")
	log.Printf("value=%d", 2)
	log.Print("no newline needed")
	out := log.New(os.Stdout, "[out] ", 0)
	out.Println("to stdout")
	out.SetPrefix("[new] ")
	out.Printf("%s", "again")
	fmt.Println(log.Prefix(), log.Flags())
}
