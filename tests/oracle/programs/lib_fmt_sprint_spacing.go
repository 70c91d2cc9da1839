// Print adds spaces between operands when neither is a string; Println always does.
package main

import "fmt"

func main() {
	fmt.Print(1, 2, "a", "b", 3, "\n")
	fmt.Println(1, 2, "a", "b", 3)
	s := fmt.Sprint("x", 1, 2, true, "y")
	fmt.Println(s, len(s))
	fmt.Println(fmt.Sprintln("a", 1) == "a 1\n")
	b := fmt.Appendf([]byte("pre:"), "%03d", 7)
	b = fmt.Append(b, " ", 1, 2)
	b = fmt.Appendln(b, "end")
	fmt.Print(string(b))
}
