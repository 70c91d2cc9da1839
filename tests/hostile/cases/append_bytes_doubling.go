// hostile: a []byte grows by append forever
// expect: limit
// message: step limit
package main

func main() {
	var s []byte
	for {
		s = append(s, "0123456789abcdef"...)
	}
}
