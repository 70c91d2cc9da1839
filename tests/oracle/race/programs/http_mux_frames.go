// A handler on a ServeMux writes a plain variable that a goroutine of main's reads later: the
// report's write stack runs through the mux, as net/http calls the handler.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

var lastPath string

func handle(w http.ResponseWriter, r *http.Request) {
	lastPath = r.URL.Path
	fmt.Fprint(w, "ok")
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/orders", handle)
	go http.Serve(ln, mux)

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
}
