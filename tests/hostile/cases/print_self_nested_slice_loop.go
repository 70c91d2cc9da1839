// hostile: a 65,536-element []any that contains itself, printed 3,000 times (12.8 MB of text each; the fuzzer's hang: formatting was not charged)
// expect: limit
// message: in formatting a large value
package main

import "fmt"

func main() {
	s := make([]any, 65536)
	s[0] = s
	for i := 0; i < 3000; i++ {
		fmt.Println(s)
	}
}
