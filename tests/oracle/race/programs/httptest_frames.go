// An httptest server's handler writes a plain variable that a goroutine of main's reads later,
// with nothing ordering them.
package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"time"
)

var lastPath string

func main() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lastPath = r.URL.Path
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()

	done := make(chan bool)
	go func() {
		time.Sleep(100 * time.Millisecond)
		fmt.Println("last:", lastPath)
		done <- true
	}()
	resp, err := http.Get(srv.URL + "/orders")
	if err != nil {
		panic(err)
	}
	io.ReadAll(resp.Body)
	resp.Body.Close()
	<-done
}
