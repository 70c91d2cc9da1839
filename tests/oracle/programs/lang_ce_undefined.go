// Using a name that was never declared.
package main

import "fmt"

func main() {
	fmt.Println(total)
}
