// Integer division by zero panics (float division does not).
package main

import "fmt"

func average(sum, n int) int { return sum / n }

func main() {
	fmt.Println(1.0 / 4.0)
	fmt.Println(average(10, 4))
	fmt.Println(average(10, 0))
}
