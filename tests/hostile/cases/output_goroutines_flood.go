// hostile: 100 goroutines printing forever
// expect: limit
// message: step limit
package main

import "fmt"

func main() {
	for i := 0; i < 100; i++ {
		go func() {
			for {
				fmt.Print("x")
			}
		}()
	}
	select {}
}
