// hostile: a Sscanf width too long to parse ends at the format's last byte, inside a rune (the engine once sliced the string there and crashed); exponents too large for any float
// expect: exit
// stdout: 0 bad verb '%
// stdout: ' for integer
// stdout: 1 <nil> +Inf
// stdout: 1 <nil> 0
package main

import "fmt"

func main() {
	var i int
	n, err := fmt.Sscanf("5", "%99999999999é", &i)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("5", "%99999999999€", &i)
	fmt.Println(n, err)
	var f, g float64
	n, err = fmt.Sscan("1p2147483647", &f)
	fmt.Println(n, err, f)
	n, err = fmt.Sscan("1p-2147483648", &g)
	fmt.Println(n, err, g)
	_ = g
}
