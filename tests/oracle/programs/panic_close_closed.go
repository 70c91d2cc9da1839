// Two shutdown paths both close the same channel.
package main

import "fmt"

func shutdown(quit chan struct{}, who string) {
	fmt.Println(who, "closes quit")
	close(quit)
}

func main() {
	quit := make(chan struct{})
	shutdown(quit, "signal handler")
	shutdown(quit, "deferred cleanup")
}
