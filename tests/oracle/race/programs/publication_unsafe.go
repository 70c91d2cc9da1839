// Racy: a config is built and published through a plain pointer variable.
package main

import (
	"fmt"
	"time"
)

type Config struct {
	Name string
}

var config *Config

func main() {
	go func() {
		c := new(Config)
		c.Name = "prod"
		config = c
	}()
	time.Sleep(5 * time.Millisecond)
	if c := config; c != nil {
		fmt.Println(c.Name)
	}
}
