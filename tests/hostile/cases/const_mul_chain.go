// hostile: constant multiplication that grows past 512 bits
// expect: compile_error
package main

import "fmt"

const a = 1 << 200
const b = a * a * a * a * a

func main() {
	fmt.Println(b > 0)
}
