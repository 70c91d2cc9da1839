// hostile: fmt.Fscan on an io.Reader that never ends: golite reads such a reader to its end first, so the run meets a limit instead of returning
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
