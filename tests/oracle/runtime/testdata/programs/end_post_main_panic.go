package main

import "fmt"

func main() {
	go func() {
		panic("late boom")
	}()
	fmt.Println("main returns")
}
