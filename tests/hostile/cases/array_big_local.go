// hostile: a 1 GiB array local passes the modeled heap before any memory is requested
// expect: limit
// message: heap limit
// message: line 10)
package main

import "fmt"

func main() {
	var a [1 << 27]int
	a[5] = 1
	fmt.Println(a[5])
}
