// range over an integer counts from 0; the variable takes the integer's type.
package main

import "fmt"

type Weekday int

func main() {
	const n Weekday = 3
	for d := range n {
		fmt.Printf("%d %T\n", d, d)
	}
	total := 0
	for range 4 {
		total++
	}
	var u uint8 = 2
	for i := range u {
		fmt.Printf("%T %v\n", i, i)
	}
	for i := range 0 {
		fmt.Println("never", i)
	}
	fmt.Println(total)
}
