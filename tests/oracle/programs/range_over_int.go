// Every form of range: int (Go 1.22), slice, array, string runes, map, channel.
package main

import (
	"fmt"
	"sort"
)

func main() {
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	for range 2 {
		fmt.Print("x")
	}
	fmt.Println()
	for i, v := range []string{"a", "b"} {
		fmt.Print(i, v, " ")
	}
	arr := [3]int{7, 8, 9}
	for i := range arr {
		arr[i] *= 2
	}
	fmt.Println(arr)
	for i, r := range "héllo" {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()
	m := map[string]int{"c": 3, "a": 1, "b": 2}
	keys := []string{}
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys)
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	ch <- 3
	close(ch)
	sum := 0
	for v := range ch {
		sum += v
	}
	fmt.Println("sum", sum)
	n := 3
	for i := range n {
		n = 10 // the range count was evaluated once
		fmt.Print(i)
	}
	fmt.Println()
}
