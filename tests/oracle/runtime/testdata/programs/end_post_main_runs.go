package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	go func() {
		fmt.Println("worker starts")
		ch <- 1
		fmt.Println("worker sent")
		ch <- 2
		fmt.Println("never")
	}()
	fmt.Println("main returns")
}
