// os.Getenv returns "" for an unset variable; LookupEnv tells unset from empty; os.Args[0] is
// the program.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Printf("%q\n", os.Getenv("GOLITE_ORACLE_SURELY_UNSET"))
	v, ok := os.LookupEnv("GOLITE_ORACLE_SURELY_UNSET")
	fmt.Printf("%q %v\n", v, ok)
	os.Setenv("GOLITE_ORACLE_VAR", "set by the program")
	fmt.Println(os.Getenv("GOLITE_ORACLE_VAR"))
	os.Unsetenv("GOLITE_ORACLE_VAR")
	_, ok = os.LookupEnv("GOLITE_ORACLE_VAR")
	fmt.Println(ok, len(os.Args) >= 1)
}
