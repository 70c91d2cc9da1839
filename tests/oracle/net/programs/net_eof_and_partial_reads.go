package main

// Bytes arrive in order; a read takes at most len(b) and leaves the rest; the peer's close is
// EOF once everything sent was read; io.ReadFull and io.Copy over a connection.

import (
	"bytes"
	"fmt"
	"io"
	"net"
)

func main() {
	ln, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		panic(err)
	}
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		c.Write([]byte("hello, "))
		c.Write([]byte("world"))
		c.Close()
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	head := make([]byte, 5)
	n, err := io.ReadFull(c, head)
	fmt.Printf("%d %q %v\n", n, head, err)
	var rest bytes.Buffer
	m, err := io.Copy(&rest, c)
	fmt.Printf("%d %q %v\n", m, rest.String(), err)
	n, err = c.Read(head)
	fmt.Println(n, err)
	n, err = c.Write([]byte("into a closed peer"))
	fmt.Println(n, err)
	c.Close()
	ln.Close()
}
