// fmt.Fprintf/Fprintln/Fprint write to any io.Writer: os.Stdout and os.Stderr are separate
// streams, and each returns the number of bytes written.
package main

import (
	"fmt"
	"os"
)

func main() {
	n, err := fmt.Fprintf(os.Stdout, "%s=%d\n", "x", 42)
	fmt.Println(n, err)
	fmt.Fprintln(os.Stderr, "warning:", 1, "thing")
	fmt.Fprint(os.Stdout, "a", 1, 2, "b", "\n")
	fmt.Fprintf(os.Stderr, "%5.2f|%-4s|\n", 3.14159, "go")
	w := os.Stdout
	fmt.Fprintln(w, "via a variable")
}
