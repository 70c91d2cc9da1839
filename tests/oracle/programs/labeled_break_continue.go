// Labeled break and continue leave or skip an outer loop from inside an inner loop or select.
package main

import "fmt"

func main() {
	grid := [][]int{{1, 2, 3}, {5, -1, 6}, {7, 8, 9}}
outer:
	for i, row := range grid {
		for j, v := range row {
			if v < 0 {
				fmt.Println("negative at", i, j)
				break outer
			}
			if v%2 == 0 {
				continue outer
			}
			fmt.Println("odd", v)
		}
	}
	ch := make(chan int, 5)
	for i := range 5 {
		ch <- i
	}
	close(ch)
loop:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break loop
			}
			if v == 1 {
				continue loop
			}
			fmt.Println("got", v)
		}
	}
	fmt.Println("done")
}
