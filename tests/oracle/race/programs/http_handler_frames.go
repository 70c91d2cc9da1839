// A handler writes a plain variable that a goroutine of main's reads later: nothing orders the
// two (the reader does no network I/O), so -race reports them, the writer being a goroutine
// that net/http started for the connection.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

var lastPath string

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lastPath = r.URL.Path
		fmt.Fprint(w, "ok")
	})}
	go srv.Serve(ln)

	done := make(chan bool)
	go func() {
		time.Sleep(100 * time.Millisecond)
		fmt.Println("last:", lastPath)
		done <- true
	}()
	resp, err := http.Get("http://" + ln.Addr().String() + "/orders")
	if err != nil {
		panic(err)
	}
	io.ReadAll(resp.Body)
	resp.Body.Close()
	<-done
	srv.Close()
}
