// hostile: 100 goroutines printing forever
// cpu: 4
// expect: limit
// stdout: output truncated
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
