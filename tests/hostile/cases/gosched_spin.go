// hostile: runtime.Gosched in an endless loop (once 10.9 s to the step limit)
// expect: limit
// message: step limit
package main

import "runtime"

func main() {
	for {
		runtime.Gosched()
	}
}
