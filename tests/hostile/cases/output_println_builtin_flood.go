// hostile: the builtin println in an endless loop
// report: stderr_truncated=true
// cpu: 2.3
// expect: limit
package main

func main() {
	for i := 0; ; i++ {
		println("line", i)
	}
}
