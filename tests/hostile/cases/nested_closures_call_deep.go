// hostile: calling 100,000 nested closures hits the call-depth limit
// expect: limit
package main

import "fmt"

func main() {
	f := func() int { return 0 }
	for i := 0; i < 100000; i++ {
		g := f
		f = func() int { return g() + 1 }
	}
	fmt.Println(f())
}
