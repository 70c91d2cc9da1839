// A goroutine that recovers its own panic does not bring the program down; a panic cannot be
// recovered by another goroutine.
package main

import (
	"fmt"
	"time"
)

func safeGo(name string, f func(), errs chan<- string) {
	go func() {
		defer func() {
			if r := recover(); r != nil {
				errs <- fmt.Sprintf("%s failed: %v", name, r)
				return
			}
			errs <- name + " ok"
		}()
		f()
	}()
}

func main() {
	errs := make(chan string)
	safeGo("parse", func() { time.Sleep(10 * time.Millisecond) }, errs)
	fmt.Println(<-errs)
	safeGo("index", func() { var s []int; _ = s[3] }, errs)
	fmt.Println(<-errs)
	safeGo("custom", func() { panic("bad input") }, errs)
	fmt.Println(<-errs)
}
