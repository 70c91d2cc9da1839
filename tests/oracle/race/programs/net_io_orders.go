// Race-free: a handler writes a variable before it writes its response, and the client reads
// the variable after it has read the response. No lock orders them, but Go's syscall.Write
// release-merges one sync object (ioSync) that every successful read acquires, so the race
// detector sees the write before the read.
package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
)

func main() {
	seen := ""
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = r.URL.Path
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/quote")
	if err != nil {
		fmt.Println(err)
		return
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(string(body), seen)
}
