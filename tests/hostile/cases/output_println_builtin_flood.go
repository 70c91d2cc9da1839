// hostile: the builtin println in an endless loop
// report: stderr_truncated=true
// expect: limit
package main

func main() {
	for i := 0; ; i++ {
		println("line", i)
	}
}
