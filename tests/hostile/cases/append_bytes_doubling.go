// hostile: a []byte grows by append forever
// rss: 1200
// cpu: 4.2
// expect: limit
// message: at line 11
package main

func main() {
	var s []byte
	for {
		s = append(s, "0123456789abcdef"...)
	}
}
