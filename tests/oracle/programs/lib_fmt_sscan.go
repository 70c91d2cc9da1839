// fmt.Sscanf and Sscan parse values out of a string.
package main

import "fmt"

func main() {
	var name string
	var age int
	n, err := fmt.Sscanf("alice 30", "%s %d", &name, &age)
	fmt.Println(n, err, name, age)
	var a, b int
	n, err = fmt.Sscan("4 5", &a, &b)
	fmt.Println(n, err, a+b)
	var f float64
	_, err = fmt.Sscan("x", &f)
	fmt.Println(err)
}
