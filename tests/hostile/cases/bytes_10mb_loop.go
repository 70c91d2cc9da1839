// hostile: 2 MB byte slices made and dropped in a loop: real memory stays near one slice
// expect: exit
// stdout: done 41943040
package main

import "fmt"

func main() {
	total := 0
	for i := 0; i < 20; i++ {
		b := make([]byte, 2<<20)
		b[i] = 1
		total += len(b)
	}
	fmt.Println("done", total)
}
