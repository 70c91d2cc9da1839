// hostile: 100 goroutines printing forever
// expect: limit
// report: output_truncated=true
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
