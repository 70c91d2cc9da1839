// hostile: a []byte grows by append forever
// expect: limit
// message: line 9)
package main

func main() {
	var s []byte
	for {
		s = append(s, "0123456789abcdef"...)
	}
}
