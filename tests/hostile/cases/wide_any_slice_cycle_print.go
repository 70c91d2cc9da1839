// hostile: a million-element []any that contains itself, printed (the fuzzer's find: 64 levels of a million values took 5 GB before the step limit was checked; now the formatting budget ends it)
// expect: limit
// message: in formatting a large value
// cpu: 1
package main

import "fmt"

func main() {
	s := make([]any, 1<<20)
	s[0] = s
	fmt.Println(s)
}
