// hostile: fmt.Fscan of an int from an io.Reader of endless digits: Go reads forever too; golite rescans the growing input at each byte (metered), so the run meets the step limit within a second
// expect: limit
package main

import "fmt"

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '7'
	}
	return len(p), nil
}

func main() {
	var n int
	fmt.Fscan(endless{}, &n)
	fmt.Println(n)
}
