// Calling a method that reads a field through a nil pointer.
package main

import "fmt"

type config struct {
	name string
}

func (c *config) Name() string { return c.name }

func load(ok bool) *config {
	if ok {
		return &config{name: "prod"}
	}
	return nil
}

func main() {
	fmt.Println(load(true).Name())
	fmt.Println(load(false).Name())
}
