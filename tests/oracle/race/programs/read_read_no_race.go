// Race-free: concurrent reads never race, only reads against writes.
package main

import (
	"fmt"
	"sync"
)

var table = []int{1, 2, 3}

func main() {
	var wg sync.WaitGroup
	sums := make([]int, 2)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, v := range table {
				sums[w] += v
			}
		}()
	}
	wg.Wait()
	fmt.Println(sums)
}
