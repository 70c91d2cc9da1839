// Race-free twin of publication_unsafe: the config is published over a channel.
package main

import "fmt"

type Config struct {
	Name string
}

func main() {
	ch := make(chan *Config)
	go func() {
		c := new(Config)
		c.Name = "prod"
		ch <- c
	}()
	c := <-ch
	fmt.Println(c.Name)
}
