// hostile: 100,000 nested closures, then dropped
// expect: exit
// stdout: 100000
package main

import "fmt"

func main() {
	f := func() int { return 0 }
	for i := 0; i < 100000; i++ {
		g := f
		f = func() int { return g() + 1 }
	}
	_ = f
	fmt.Println(100000)
}
