// Panicking with a value of a custom error type: Go prints the value's Error() text.
package main

import "fmt"

type ConfigError struct {
	Key  string
	Line int
}

func (e ConfigError) Error() string {
	return fmt.Sprintf("config: bad value for %q at line %d", e.Key, e.Line)
}

func mustParse(key string, line int) {
	if key == "timeout" {
		panic(ConfigError{Key: key, Line: line})
	}
	fmt.Println("parsed", key)
}

func main() {
	mustParse("retries", 1)
	mustParse("timeout", 2)
}
