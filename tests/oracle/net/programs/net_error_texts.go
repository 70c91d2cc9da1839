package main

// The texts of net's errors, with the ports masked (real Go picks them at random).

import (
	"fmt"
	"net"
	"strings"
	"time"
)

func mask(err error, c net.Conn) string {
	s := fmt.Sprint(err)
	if c != nil {
		s = strings.ReplaceAll(s, c.LocalAddr().String(), "LOCAL")
		s = strings.ReplaceAll(s, c.RemoteAddr().String(), "REMOTE")
	}
	return s
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	addr := ln.Addr().String()
	fmt.Println(ln.Addr().Network(), strings.HasPrefix(addr, "127.0.0.1:"))
	_, err = net.Listen("tcp", addr)
	fmt.Println(strings.ReplaceAll(fmt.Sprint(err), addr, "ADDR"))

	go func() {
		s, err := ln.Accept()
		if err != nil {
			return
		}
		time.Sleep(200 * time.Millisecond)
		s.Close()
	}()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		panic(err)
	}
	fmt.Println(c.RemoteAddr().String() == addr, c.LocalAddr().Network())
	c.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	_, err = c.Read(make([]byte, 8))
	fmt.Println(mask(err, c))
	if ne, ok := err.(net.Error); ok {
		fmt.Println("timeout:", ne.Timeout())
	}
	op, ok := err.(*net.OpError)
	fmt.Println(ok, op.Op, op.Net)
	c.SetWriteDeadline(time.Now().Add(-time.Second))
	_, err = c.Write([]byte("x"))
	fmt.Println(mask(err, c))
	c.Close()
	_, err = c.Read(make([]byte, 8))
	fmt.Println(mask(err, c))
	_, err = c.Write([]byte("x"))
	fmt.Println(mask(err, c))
	fmt.Println(mask(c.Close(), c))
	ln.Close()
	_, err = ln.Accept()
	fmt.Println(strings.ReplaceAll(fmt.Sprint(err), addr, "ADDR"))
	fmt.Println(strings.ReplaceAll(fmt.Sprint(ln.Close()), addr, "ADDR"))
}
