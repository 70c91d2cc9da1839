// http.ListenAndServe with handlers on the DefaultServeMux: a handler writes a plain variable
// that a goroutine of main's reads later, with nothing ordering them.
package main

import (
	"fmt"
	"io"
	"net/http"
	"time"
)

var lastPath string

func main() {
	http.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		lastPath = r.URL.Path
		fmt.Fprint(w, "ok")
	})
	go http.ListenAndServe("127.0.0.1:8089", nil)
	time.Sleep(50 * time.Millisecond)

	done := make(chan bool)
	go func() {
		time.Sleep(100 * time.Millisecond)
		fmt.Println("last:", lastPath)
		done <- true
	}()
	resp, err := http.Get("http://127.0.0.1:8089/orders")
	if err != nil {
		panic(err)
	}
	io.ReadAll(resp.Body)
	resp.Body.Close()
	<-done
}
